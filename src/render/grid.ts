/**
 * A table ready to render: a title, column headers and rows of text cells. `mergeColumns` name
 * columns whose consecutive equal values are merged (row-span in table and html, a blank cell
 * after the first row in markdown, csv and tsv), as the annex does with its periods and
 * categories; `categories` are rows of one cell across the table (a category title) before a row.
 */
export interface Grid {
  title?: string;
  columns: string[];
  rows: string[][];
  mergeColumns?: number[];
  categories?: Category[];
  /** Columns aligned to the right (numbers). */
  rightAligned?: number[];
  /** The column that shows each row's status (coloured in the terminal). */
  statusColumn?: number;
}

/** A category row: `title` across the table, before body row `before`. */
export interface Category {
  before: number;
  title: string;
}

/**
 * For each row, how many rows the cell of a merged column spans: n on the first row of a run of
 * equal cells that are not blank, 0 on the rest. A run ends at a category row and where a run of a merged column left of it ends
 * (a period does not merge across two tasks' groups).
 */
export function rowSpans(grid: Grid, column: number): number[] {
  const spans = grid.rows.map(() => 1);
  const merged = grid.mergeColumns ?? [];
  if (!merged.includes(column)) return spans;
  const breaks = new Set((grid.categories ?? []).map((c) => c.before));
  const left = merged.filter((c) => c < column).map((c) => rowSpans(grid, c));
  let first = 0;
  grid.rows.forEach((row, i) => {
    if (i > 0 && !breaks.has(i) && row[column] !== '' && row[column] === grid.rows[first]![column] && left.every((s) => s[i] === 0)) {
      spans[first]!++;
      spans[i] = 0;
    } else first = i;
  });
  return spans;
}

/** Rows with merged columns' repeated values blanked, as the source annex shows them. */
export function blankRepeats(grid: Grid): string[][] {
  const merged = grid.mergeColumns ?? [];
  if (!merged.length) return grid.rows;
  const spans = new Map(merged.map((c) => [c, rowSpans(grid, c)]));
  return grid.rows.map((row, i) => (merged.some((c) => spans.get(c)![i] === 0) ? row.map((cell, c) => (spans.get(c)?.[i] === 0 ? '' : cell)) : row));
}

/** The body rows with the category rows in place, each as a single cell. */
export function rowsWithCategories<T>(grid: Grid, rows: readonly T[], category: (title: string) => T): T[] {
  const categories = grid.categories ?? [];
  if (!categories.length) return [...rows];
  const out: T[] = [];
  let k = 0;
  rows.forEach((row, i) => {
    for (; k < categories.length && categories[k]!.before === i; k++) out.push(category(categories[k]!.title));
    out.push(row);
  });
  for (; k < categories.length; k++) out.push(category(categories[k]!.title));
  return out;
}
