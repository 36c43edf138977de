// The box table cli-table3 draws, drawn in one linear pass. cli-table3 is slow to load on its
// first table (string-width compiles a large emoji regular expression: more than our whole
// start-up budget) and lays tables out in time that grows faster than their rows. So renderTable draws here whatever this draws exactly as
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
  /** Several merged columns, each with its row-spans (for cli-table3 only; drawBox draws `mergeColumn`). */
  merges?: ReadonlyMap<number, readonly number[]>;
  /** Rows of one cell across the table before body row `before` (cli-table3 only). */
  categories?: readonly { before: number; title: string }[];
}

const LINE = '─';

/** A table's cells as drawn: the lines of each cell that holds several, each one-line cell's width, the columns' widths. */
interface Layout {
  /** Per row, the lines of each cell when a cell of the row holds several; undefined for rows of one-line cells. */
  multi: (string[][] | undefined)[];
  /** Display width of each one-line cell, row by row (rows × columns). */
  cellWidths: Int32Array;
  /** Each column's width, a space either side included. */
  widths: number[];
}

/** The table as cli-table3 would draw it with our options; lines joined by \n, no final break. */
export function drawBox(t: BoxTable): string {
  const mc = t.mergeColumn;
  const layout = measure(t);
  const { multi, widths } = layout;
  const right = t.head.map((_, c) => t.rightAligned.includes(c));
  const headLines = t.head.map((cell) => cell.split('\n'));
  const heights = t.rows.map((_, r) => (multi[r] ? Math.max(1, ...multi[r]!.map((lines, c) => (c === mc ? 1 : lines.length))) : 1));
  const spanText = mc === undefined ? [] : spanTexts(t, mc, heights, layout, right[mc]!);

  const segments = widths.map((w) => LINE.repeat(w));
  const rule = `├${segments.join('┼')}┤\n`;
  // Under a merged cell that goes on, the rule stops either side of it.
  const ruleBeside = mc === undefined ? ['', ''] : [`├${segments.slice(0, mc).join('┼')}┤`, `├${segments.slice(mc + 1).join('┼')}┤\n`];
  // Lines are concatenated, not joined: the table is copied once, into the output it goes to (a
  // join here would copy a big table once more).
  let out = `┌${segments.join('┬')}┐\n`;
  const headHeight = Math.max(...headLines.map((l) => l.length));
  // Headings are left-aligned whatever their column.
  for (let l = 0; l < headHeight; l++) out += `│${headLines.map((lines, c) => pad(lines[l] ?? '', widths[c]!, false)).join('│')}│\n`;
  out += rule;

  let spanStart = 0;
  let spanLine = 0;
  for (let r = 0; r < t.rows.length; r++) {
    const continuing = mc !== undefined && t.spans[r] === 0;
    if (!continuing) {
      spanStart = r;
      spanLine = 0;
    }
    if (r > 0 && t.ruled) out += continuing ? `${ruleBeside[0]}${spanText[spanStart]![spanLine++]}${ruleBeside[1]}` : rule;
    if (multi[r]) {
      for (let l = 0; l < heights[r]!; l++) {
        const cells = multi[r]!.map((lines, c) => (c === mc ? spanText[spanStart]![spanLine++]! : pad(lines[l] ?? '', widths[c]!, right[c]!)));
        out += `│${cells.join('│')}│\n`;
      }
    } else {
      out += rowLine(t.rows[r]!, r, layout, right, mc, mc === undefined ? '' : spanText[spanStart]![spanLine++]!);
    }
  }
  out += `└${segments.join('┴')}┘`;
  return out;
}

/** Splits the cells that hold several lines, measures every cell once, and sizes the columns. */
function measure(t: BoxTable): Layout {
  const mc = t.mergeColumn;
  const cols = t.head.length;
  const multi = t.rows.map((row) => (row.some((cell) => cell.includes('\n')) ? row.map((cell) => cell.split('\n')) : undefined));
  const cellWidths = new Int32Array(t.rows.length * cols);
  const widths = t.head.map((cell) => Math.max(...cell.split('\n').map(displayWidth)));
  for (let r = 0; r < t.rows.length; r++) {
    const row = t.rows[r]!;
    for (let c = 0; c < cols; c++) {
      const lines = multi[r]?.[c];
      const w = lines ? Math.max(...lines.map(displayWidth)) : (cellWidths[r * cols + c] = displayWidth(row[c]!));
      if (c === mc && t.spans[r] === 0) continue;
      if (w > widths[c]!) widths[c] = w;
    }
  }
  return { multi, cellWidths, widths: widths.map((w) => w + 2) };
}

/** A body row of one-line cells; the merged column's cell, when there is one, drawn as given. */
function rowLine(row: readonly string[], r: number, layout: Layout, right: readonly boolean[], mc: number | undefined, merged: string): string {
  const { cellWidths, widths } = layout;
  const base = r * row.length;
  // Written in place, not pushed: an array emptied and pushed to again grew anew on every row.
  const parts = ROW_PARTS;
  let k = 0;
  for (let c = 0; c < row.length; c++) {
    if (c === mc) {
      parts[k++] = '│';
      parts[k++] = merged;
      continue;
    }
    const room = spaces(widths[c]! - 2 - cellWidths[base + c]!);
    parts[k++] = '│ ';
    parts[k++] = right[c] ? room : row[c]!;
    parts[k++] = right[c] ? row[c]! : room;
    parts[k++] = ' ';
  }
  parts[k++] = '│\n';
  parts.length = k;
  return parts.join('');
}

// The pieces of the row being drawn: joined once into the row's line, so that no intermediate
// string is made per cell.
const ROW_PARTS: string[] = [];

const SPACES: string[] = [];
/** n spaces, made once for each n. */
function spaces(n: number): string {
  return (SPACES[n] ??= ' '.repeat(n));
}

/** The text padded to a column's width (a space either side included). */
function pad(text: string, width: number, alignRight: boolean): string {
  const room = ' '.repeat(width - 2 - displayWidth(text));
  return alignRight ? ` ${room}${text} ` : ` ${text}${room} `;
}

/** Each merged cell's lines, drawn over its rows and the rules between them, centred (rounding down). */
function spanTexts(t: BoxTable, mc: number, heights: readonly number[], { multi, widths }: Layout, alignRight: boolean): string[][] {
  const spanText: string[][] = [];
  const blank = pad('', widths[mc]!, alignRight);
  t.rows.forEach((row, r) => {
    const span = t.spans[r]!;
    if (span === 0) return;
    let height = t.ruled ? span - 1 : 0;
    for (let k = r; k < r + span; k++) height += heights[k]!;
    const lines = multi[r]?.[mc] ?? [row[mc]!];
    const top = Math.ceil((height - lines.length) / 2);
    spanText[r] = Array.from({ length: height }, (_, i) => (i >= top && i < top + lines.length ? pad(lines[i - top]!, widths[mc]!, alignRight) : blank));
  });
  return spanText;
}
