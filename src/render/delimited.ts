import { blankRepeats, rowsWithCategories, type Grid } from './grid.js';

// Spreadsheets run cells that start with these as formulas (OWASP: CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell a spreadsheet will show as text: a leading formula character gets a `'` in front. */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180 CSV: CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled. */
export function renderCsv(grid: Grid): string {
  const field = (cell: string) => {
    const safe = neutralizeFormula(cell);
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [grid.columns, ...bodyRows(grid)].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** Tab-separated values: one row a line; tabs and line breaks inside a cell become spaces. */
export function renderTsv(grid: Grid): string {
  const field = (cell: string) => neutralizeFormula(cell).replace(/[\t\r\n]+/g, ' ');
  return [grid.columns, ...bodyRows(grid)].map((row) => row.map(field).join('\t')).join('\n') + '\n';
}

/** The body as a spreadsheet shows a table copied from Word: a category row's title in its first cell, the rest blank. */
function bodyRows(grid: Grid): string[][] {
  const blank = grid.columns.slice(1).map(() => '');
  return rowsWithCategories(grid, blankRepeats(grid), (title) => [title, ...blank]);
}
