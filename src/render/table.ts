import { drawBox, type BoxTable } from './box.js';
import { rowSpans, type Grid } from './grid.js';
import type { Paint } from './style.js';
import { CONTROLS, displayWidth, EMOJI, escapeControls, hasEmoji, wrapDisplay } from './terminal.js';

// Whoever draws a table colours it too: one file to load rather than two.
export { paintFor, statusStyle, statusText } from './style.js';

export interface TableOptions {
  style: Paint;
  /**
   * Colours a cell (already escaped and wrapped) for the terminal, e.g. a status. It adds colour
   * only: a mark such as ✓ belongs in the grid's text, where the table is measured.
   */
  paint?: (row: number, col: number, text: string) => string;
  /** Draw a rule between rows (the annex) or keep rows compact (listings). */
  ruled?: boolean;
  /** The terminal's width: the widest columns are wrapped to fit it. */
  maxWidth?: number;
}

/**
 * A cell longer than this is drawn by drawBox whatever else is in the table: cli-table3's time
 * grows with the cube of a cell's length.
 */
export const LONG_CELL = 2000;

/** A box-drawn table for the terminal, CJK-width aware, merged cells as row-spans. */
export async function renderTable(grid: Grid, opts: TableOptions): Promise<string> {
  const { style, paint, maxWidth } = opts;
  const screened = screen(grid.rows);
  const { long } = screened;
  let { rows } = screened;
  let heads = grid.columns.map(escapeControls);
  const categories = (grid.categories ?? []).map((c) => ({ ...c, title: escapeControls(c.title) }));
  const emoji = screened.emoji || heads.some(hasEmoji) || categories.some((c) => hasEmoji(c.title));
  // Text with emoji is drawn by cli-table3 (see below), so it is measured as cli-table3 measures it.
  const width = emoji ? (await import('./cli-table.js')).textWidth : displayWidth;
  let title = grid.title === undefined ? '' : escapeControls(grid.title);
  if (maxWidth) {
    const natural = columnWidths(heads, rows, width);
    const fitted = fitColumns(natural, maxWidth);
    if (fitted) {
      const wrap = (text: string, c: number) => (fitted[c]! < natural[c]! ? wrapDisplay(text, fitted[c]!, width) : text);
      heads = heads.map(wrap);
      rows = rows.map((row) => row.map(wrap));
    }
    // A category row or the title wider than the terminal would widen the table or wrap there.
    for (const c of categories) c.title = wrapDisplay(c.title, maxWidth - 4, width);
    title = wrapDisplay(title, maxWidth, width);
  }
  const merged = grid.mergeColumns ?? [];
  // drawBox draws one merged column and no category rows; more is cli-table3's.
  const simple = merged.length <= 1 && categories.length === 0;
  const table: BoxTable = {
    head: heads.map((h) => style.bold(h)),
    rows: paint ? rows.map((row, r) => row.map((text, c) => paint(r, c, text))) : rows,
    spans: merged.length ? rowSpans(grid, merged[0]!) : rows.map(() => 1),
    ...(merged.length && { mergeColumn: merged[0] }),
    rightAligned: grid.rightAligned ?? [],
    ruled: Boolean(opts.ruled),
    ...(!simple && { merges: new Map(merged.map((c) => [c, rowSpans(grid, c)])), categories }),
  };
  // drawBox draws what cli-table3 draws, in a fraction of the time; cli-table3 draws what drawBox
  // cannot exactly (emoji), unless a cell is long enough to make cli-table3 take seconds.
  const body = simple && (long || boxable(table, emoji)) ? drawBox(table) : (await import('./cli-table.js')).drawCliTable3(table);
  return `${title && `${style.bold(title)}\n`}${body}\n`;
}

/** Each column's width as drawn, its heading included: the widest line of its cells. */
export function columnWidths(heads: readonly string[], rows: readonly string[][], width: (s: string) => number = displayWidth): number[] {
  const widest = (w: number, text: string) => (text.includes('\n') ? text.split('\n').reduce((m, line) => Math.max(m, width(line)), w) : Math.max(w, width(text)));
  return heads.map((head, c) => rows.reduce((w, row) => widest(w, row[c] ?? ''), widest(0, head)));
}

/** Columns are not narrowed below this (two Chinese characters), unless they are narrower already. */
const LEAST_COLUMN = 4;

/**
 * The widths to wrap columns to so that a table of columns `widths` is at most `maxWidth` wide
 * (a space either side and a border per column included), or undefined when it fits as it is.
 * The widest columns give way first, down to the next widest, so a short column keeps its width
 * while a long one is wrapped; no column goes below LEAST_COLUMN.
 */
export function fitColumns(widths: readonly number[], maxWidth: number): number[] | undefined {
  let excess = widths.reduce((sum, w) => sum + w + 3, 1) - maxWidth;
  if (excess <= 0) return undefined;
  const fitted = [...widths];
  while (excess > 0) {
    const top = Math.max(...fitted);
    if (top <= LEAST_COLUMN) break;
    const next = Math.max(LEAST_COLUMN, ...fitted.filter((w) => w < top));
    const widest = fitted.flatMap((w, c) => (w === top ? [c] : []));
    if ((top - next) * widest.length <= excess) {
      for (const c of widest) fitted[c] = next;
      excess -= (top - next) * widest.length;
    } else {
      // What is left comes off the widest columns evenly, one more off the first ones.
      const each = Math.floor(excess / widest.length);
      widest.forEach((c, k) => (fitted[c] = top - each - (k < excess % widest.length ? 1 : 0)));
      excess = 0;
    }
  }
  return fitted;
}

// A control character or an emoji: what screen looks at more closely.
const NOTABLE = new RegExp(`${CONTROLS.source}|${EMOJI.source}`, 'u');

/**
 * The rows with control characters made visible (a row copied only when that changes it), and
 * whether a cell is long (see LONG_CELL) or holds emoji: one pass over the cells, in which most
 * cells take a single test (several passes were a visible share of a big summary).
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
