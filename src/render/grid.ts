/**
 * A table ready to render: a title, column headers and rows of text cells. `mergeColumn` names
 * a column whose consecutive equal values are merged (row-span in table and html, a blank cell
 * after the first row in markdown, csv and tsv), as the annex does with its periods.
 */
export interface Grid {
  title?: string;
  columns: string[];
  rows: string[][];
  mergeColumn?: number;
  /** Columns aligned to the right (numbers). */
  rightAligned?: number[];
}

/** For each row, how many rows its merged cell spans: n on the first row of a run, 0 on the rest. */
export function rowSpans(grid: Grid): number[] {
  const col = grid.mergeColumn;
  const spans = grid.rows.map(() => 1);
  if (col === undefined) return spans;
  let first = 0;
  grid.rows.forEach((row, i) => {
    if (i > 0 && row[col] === grid.rows[first]![col]) {
      spans[first]!++;
      spans[i] = 0;
    } else first = i;
  });
  return spans;
}

/** Rows with a merged column's repeated values blanked, as the source annex shows them. */
export function blankRepeats(grid: Grid): string[][] {
  const spans = rowSpans(grid);
  return grid.rows.map((row, i) => (spans[i] === 0 ? row.map((c, j) => (j === grid.mergeColumn ? '' : c)) : row));
}
