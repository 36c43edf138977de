import { drawBox, type BoxTable } from './box.js';
import { rowSpans, type Grid } from './grid.js';
import type { Paint } from './style.js';
import { CONTROLS, displayWidth, EMOJI, escapeControls, hasEmoji, wrapDisplay } from './terminal.js';

// Whoever draws a table colours it too: one file to load rather than two.
export { paintFor, paintStatus } from './style.js';

export interface TableOptions {
  style: Paint;
  /** Paints a cell (already escaped) for the terminal, e.g. colours a status. */
  paint?: (row: number, col: number, text: string) => string;
  /** Draw a rule between rows (the annex) or keep rows compact (listings). */
  ruled?: boolean;
  /** The terminal's width: the widest column is wrapped to fit it. */
  maxWidth?: number;
}

/**
 * A cell longer than this is drawn by drawBox whatever else is in the table: cli-table3's time
 * grows with the cube of a cell's length (10,000 characters 2 s, 30,000 27 s).
 */
export const LONG_CELL = 2000;

/** A box-drawn table for the terminal, CJK-width aware, merged cells as row-spans. */
export async function renderTable(grid: Grid, opts: TableOptions): Promise<string> {
  const { style, paint } = opts;
  const { rows, long, emoji } = screen(grid.rows);
  const fit = opts.maxWidth ? fitWidest(grid.columns, rows, opts.maxWidth) : undefined;
  const cell = (r: number, c: number, text: string) => {
    const fitted = fit && c === fit.column ? wrapDisplay(text, fit.width) : text;
    return paint ? paint(r, c, fitted) : fitted;
  };
  const merged = grid.mergeColumns ?? [];
  const categories = grid.categories ?? [];
  // drawBox draws one merged column and no category rows; more is cli-table3's.
  const simple = merged.length <= 1 && categories.length === 0;
  const table: BoxTable = {
    head: grid.columns.map((c) => style.bold(escapeControls(c))),
    rows: paint || fit ? rows.map((row, r) => row.map((text, c) => cell(r, c, text))) : rows,
    spans: merged.length ? rowSpans(grid, merged[0]!) : rows.map(() => 1),
    ...(merged.length && { mergeColumn: merged[0] }),
    rightAligned: grid.rightAligned ?? [],
    ruled: Boolean(opts.ruled),
    ...(!simple && { merges: new Map(merged.map((c) => [c, rowSpans(grid, c)])), categories: categories.map((c) => ({ ...c, title: escapeControls(c.title) })) }),
  };
  // drawBox draws what cli-table3 draws, in a fraction of the time; cli-table3 draws what drawBox
  // cannot exactly (emoji), unless a cell is long enough to make cli-table3 take seconds.
  // (Cells are screened before painting and wrapping, which add no emoji.)
  const body = simple && (long || boxable(table, emoji)) ? drawBox(table) : (await import('./cli-table.js')).drawCliTable3(table);
  const title = grid.title ? `${style.bold(escapeControls(grid.title))}\n` : '';
  return `${title}${body}\n`;
}

// A control character or an emoji: what screen looks at more closely.
const NOTABLE = new RegExp(`${CONTROLS.source}|${EMOJI.source}`, 'u');

/**
 * The rows with control characters made visible (a row copied only when that changes it), and
 * whether a cell is long (see LONG_CELL) or holds emoji: one pass over the cells, in which most
 * cells take a single test (three passes of several tests each took 5 ms of the 10k summary).
 */
function screen(grid: readonly string[][]): { rows: string[][]; long: boolean; emoji: boolean } {
  let long = false;
  let emoji = false;
  const rows = grid.map((row) => {
    let copy: string[] | undefined;
    for (let c = 0; c < row.length; c++) {
      const text = row[c]!;
      if (text.length > LONG_CELL) long = true;
      if (!NOTABLE.test(text)) continue;
      if (hasEmoji(text)) emoji = true;
      const escaped = escapeControls(text);
      if (escaped !== text) (copy ??= [...row])[c] = escaped;
    }
    return copy ?? row;
  });
  return { rows, long, emoji };
}

/**
 * Whether drawBox draws this table as cli-table3 does: no emoji (measured differently), merged
 * cells of one line inside the table (not its first or last column), and no row-spans in a
 * compact table (cli-table3 loses their text there). `rowsHaveEmoji`, when known, spares the
 * search of the rows.
 */
export function boxable(t: BoxTable, rowsHaveEmoji?: boolean): boolean {
  const merge = t.mergeColumn;
  if (merge !== undefined) {
    if (merge === 0 || merge === t.head.length - 1) return false;
    if (t.rows.some((row, r) => t.spans[r]! > 0 && row[merge]!.includes('\n'))) return false;
    if (!t.ruled && t.spans.some((s) => s > 1)) return false;
  }
  return !t.head.some(hasEmoji) && !(rowsHaveEmoji ?? t.rows.some((row) => row.some(hasEmoji)));
}

/** When the table is wider than `maxWidth`, the widest column and the width to wrap it to. */
function fitWidest(columns: string[], rows: string[][], maxWidth: number): { column: number; width: number } | undefined {
  const widths = columns.map((head, c) =>
    rows.reduce((w, row) => (row[c] ?? '').split('\n').reduce((m, line) => Math.max(m, displayWidth(line)), w), displayWidth(head)),
  );
  const total = widths.reduce((sum, w) => sum + w + 3, 1); // a space either side and a border per column
  if (total <= maxWidth) return undefined;
  const column = widths.indexOf(Math.max(...widths));
  const width = Math.max(10, widths[column]! - (total - maxWidth));
  return { column, width };
}
