// The box table cli-table3 draws, drawn in one linear pass. cli-table3 costs 45 ms on its first
// table (string-width compiles a large emoji regular expression: more than our whole start-up
// budget) and lays tables out in time that grows faster than their rows (1,000 rows 166-300 ms,
// 10,000 row-spanned rows 5.4 s). So renderTable draws here whatever this draws exactly as
// cli-table3 would, and a test holds the two to the same bytes on random tables.
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
  const mc = t.mergeColumn;
  // Cells hold one line, mostly: split only those that hold more.
  const linesOf = (cell: string) => (cell.includes('\n') ? cell.split('\n') : undefined);
  const multi = t.rows.map((row) => (row.some((cell) => cell.includes('\n')) ? row.map((cell) => linesOf(cell) ?? [cell]) : undefined));
  const headLines = t.head.map((cell) => cell.split('\n'));
  const widths = t.head.map((_, c) => {
    let w = Math.max(...headLines[c]!.map(displayWidth));
    t.rows.forEach((row, r) => {
      if (c === mc && t.spans[r] === 0) return;
      const lines = multi[r]?.[c];
      if (lines) for (const line of lines) w = Math.max(w, displayWidth(line));
      else w = Math.max(w, displayWidth(row[c]!));
    });
    return w + 2;
  });
  const right = t.head.map((_, c) => t.rightAligned.includes(c));
  const pad = (text: string, c: number, alignRight = right[c]) => {
    const room = ' '.repeat(widths[c]! - 2 - displayWidth(text));
    return alignRight ? ` ${room}${text} ` : ` ${text}${room} `;
  };
  const heights = t.rows.map((_, r) => (multi[r] ? Math.max(1, ...multi[r]!.map((lines, c) => (c === mc ? 1 : lines.length))) : 1));

  // Each merged cell is drawn over its rows and the rules between them, centred (rounding down).
  const spanText: string[][] = [];
  if (mc !== undefined) {
    t.rows.forEach((row, r) => {
      const span = t.spans[r]!;
      if (span === 0) return;
      let height = t.ruled ? span - 1 : 0;
      for (let k = r; k < r + span; k++) height += heights[k]!;
      const lines = multi[r]?.[mc] ?? [row[mc]!];
      const top = Math.ceil((height - lines.length) / 2);
      const blank = pad('', mc);
      spanText[r] = Array.from({ length: height }, (_, i) => (i >= top && i < top + lines.length ? pad(lines[i - top]!, mc) : blank));
    });
  }

  const segments = widths.map((w) => LINE.repeat(w));
  const rule = `├${segments.join('┼')}┤`;
  // Under a merged cell that goes on, the rule stops either side of it.
  const ruleBeside = mc === undefined ? ['', ''] : [`├${segments.slice(0, mc).join('┼')}┤`, `├${segments.slice(mc + 1).join('┼')}┤`];
  const out = [`┌${segments.join('┬')}┐`];
  const headHeight = Math.max(...headLines.map((l) => l.length));
  // Headings are left-aligned whatever their column.
  for (let l = 0; l < headHeight; l++) out.push(`│${headLines.map((lines, c) => pad(lines[l] ?? '', c, false)).join('│')}│`);
  out.push(rule);

  let spanStart = 0;
  let spanLine = 0;
  const merged = () => spanText[spanStart]![spanLine++]!;
  for (let r = 0; r < t.rows.length; r++) {
    const continuing = mc !== undefined && t.spans[r] === 0;
    if (!continuing) [spanStart, spanLine] = [r, 0];
    if (r > 0 && t.ruled) out.push(continuing ? `${ruleBeside[0]}${merged()}${ruleBeside[1]}` : rule);
    const row = t.rows[r]!;
    for (let l = 0; l < heights[r]!; l++) {
      let line = '│';
      for (let c = 0; c < row.length; c++) {
        line += c === mc ? merged() : pad(multi[r] ? (multi[r]![c]![l] ?? '') : row[c]!, c);
        line += '│';
      }
      out.push(line);
    }
  }
  out.push(`└${segments.join('┴')}┘`);
  return out.join('\n');
}
