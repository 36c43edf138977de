import Table from 'cli-table3';
import type { BoxTable } from './box.js';

// Loaded only for what drawBox leaves to cli-table3 (text with emoji), so that drawing a table
// does not load cli-table3 at all.

/** The table drawn by cli-table3. */
export function drawCliTable3(t: BoxTable): string {
  const table = new Table({ head: t.head, style: { head: [], border: [], compact: !t.ruled } });
  t.rows.forEach((row, r) => {
    const cells: Table.Cell[] = [];
    row.forEach((content, c) => {
      if (c === t.mergeColumn && t.spans[r] === 0) return;
      const hAlign = t.rightAligned.includes(c) ? 'right' : 'left';
      cells.push(c === t.mergeColumn ? { content, rowSpan: t.spans[r], vAlign: 'center', hAlign } : { content, hAlign });
    });
    table.push(cells);
  });
  return table.toString();
}
