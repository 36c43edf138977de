import Table from 'cli-table3';
import stringWidth from 'string-width';
import type { BoxTable } from './box.js';
import { displayWidth, hasEmoji } from './terminal.js';

// Loaded only for what drawBox leaves to cli-table3 (text with emoji, several merged columns,
// category rows), so that drawing a plain table does not load cli-table3 at all.

/** The table drawn by cli-table3. */
export function drawCliTable3(t: BoxTable): string {
  const table = new Table({ head: t.head, style: { head: [], border: [], compact: !t.ruled } });
  const merges = t.merges ?? new Map(t.mergeColumn === undefined ? [] : [[t.mergeColumn, t.spans]]);
  const categories = t.categories ?? [];
  let k = 0;
  const category = (title: string) => table.push([{ content: title, colSpan: t.head.length }]);
  t.rows.forEach((row, r) => {
    for (; k < categories.length && categories[k]!.before === r; k++) category(categories[k]!.title);
    const cells: Table.Cell[] = [];
    row.forEach((content, c) => {
      const span = merges.get(c)?.[r];
      if (span === 0) return;
      const hAlign = t.rightAligned.includes(c) ? 'right' : 'left';
      cells.push(span !== undefined ? { content, rowSpan: span, vAlign: 'center', hAlign } : { content, hAlign });
    });
    table.push(cells);
  });
  for (; k < categories.length; k++) category(categories[k]!.title);
  return table.toString();
}

/** Columns text takes as cli-table3 measures it: string-width's count, which differs from displayWidth only for emoji. */
export function textWidth(s: string): number {
  return hasEmoji(s) ? stringWidth(s) : displayWidth(s);
}
