// The box table cli-table3 draws, drawn in one linear pass. cli-table3 lays a table out in time
// that grows faster than its rows (measured: 1,000 rows 166-300 ms, 10,000 row-spanned rows
// 5.4 s), so renderTable hands large tables here; a test holds the two to the same bytes.
import { displayWidth } from './terminal.js';

/** One table to draw: cells as they go into cli-table3 (already escaped and painted). */
export interface BoxTable {
  head: string[];
  /** Body rows; a row covered by a row-span omits nothing: its merged cell is simply not read. */
  rows: string[][];
  /** Row-span of the merged column's cell on each row: n on the first row of a run, 0 below it. */
  spans: number[];
  mergeColumn?: number;
  rightAligned: readonly number[];
  /** A rule between body rows (ruled) or none (compact). */
  ruled: boolean;
}

const LINE = '─';

/** The table as cli-table3 would draw it with our options; lines joined by \n, no final break. */
export function drawBox(t: BoxTable): string {
  const ncols = t.head.length;
  const cellLines = t.rows.map((row) => row.map((cell) => cell.split('\n')));
  const headLines = t.head.map((cell) => cell.split('\n'));
  const widths = t.head.map((_, c) => {
    let w = Math.max(...headLines[c]!.map(displayWidth));
    cellLines.forEach((row, r) => {
      if (c === t.mergeColumn && t.spans[r] === 0) return;
      for (const line of row[c]!) w = Math.max(w, displayWidth(line));
    });
    return w + 2;
  });
  const pad = (text: string, c: number, right = t.rightAligned.includes(c)) => {
    const room = widths[c]! - 2 - displayWidth(text);
    return right ? ` ${' '.repeat(room)}${text} ` : ` ${text}${' '.repeat(room)} `;
  };
  const heights = cellLines.map((row) => Math.max(1, ...row.map((lines, c) => (c === t.mergeColumn ? 1 : lines.length))));

  // Each merged cell is drawn over its rows and the rules between them, centred (rounding down).
  const spanText: string[][] = [];
  cellLines.forEach((row, r) => {
    const span = t.spans[r]!;
    if (t.mergeColumn === undefined || span === 0) return;
    let height = t.ruled ? span - 1 : 0;
    for (let k = r; k < r + span; k++) height += heights[k]!;
    const lines = row[t.mergeColumn]!;
    const top = Math.ceil((height - lines.length) / 2);
    spanText[r] = Array.from({ length: height }, (_, i) => pad(lines[i - top] ?? '', t.mergeColumn!));
  });

  const out = [`┌${widths.map((w) => LINE.repeat(w)).join('┬')}┐`];
  const headHeight = Math.max(...headLines.map((l) => l.length));
  // Headings are left-aligned whatever their column.
  for (let l = 0; l < headHeight; l++) out.push(`│${headLines.map((lines, c) => pad(lines[l] ?? '', c, false)).join('│')}│`);
  out.push(`├${widths.map((w) => LINE.repeat(w)).join('┼')}┤`);

  let spanStart = 0;
  let spanLine = 0;
  const merged = () => spanText[spanStart]![spanLine++]!;
  for (let r = 0; r < t.rows.length; r++) {
    const continuing = t.mergeColumn !== undefined && t.spans[r] === 0;
    if (!continuing) [spanStart, spanLine] = [r, 0];
    if (r > 0 && t.ruled) {
      let line = '├';
      for (let c = 0; c < ncols; c++) {
        if (c > 0) line += continuing && c === t.mergeColumn ? '┤' : continuing && c - 1 === t.mergeColumn ? '├' : '┼';
        line += continuing && c === t.mergeColumn ? merged() : LINE.repeat(widths[c]!);
      }
      out.push(`${line}┤`);
    }
    for (let l = 0; l < heights[r]!; l++) {
      const cells = cellLines[r]!.map((lines, c) => (c === t.mergeColumn ? merged() : pad(lines[l] ?? '', c)));
      out.push(`│${cells.join('│')}│`);
    }
  }
  out.push(`└${widths.map((w) => LINE.repeat(w)).join('┴')}┘`);
  return out.join('\n');
}
