import type { TextRow } from '../plan/annex.js';

/** Options of reading a table from a document. */
export interface TableSourceOptions {
  /** The worksheet of a workbook (its name or 1-based number); default the first. */
  sheet?: string;
}

/**
 * The tables of a Word (.docx) or Excel (.xlsx) file as text rows, in document order; undefined
 * for any other file (read as text). Each table comes with the paragraphs above it (tabular:
 * false, one cell each) before its own rows (tabular: true), cells aligned to the table's grid:
 * a cell spanning columns is followed by blank cells, a vertically merged cell below its first
 * row is blank, line breaks inside a cell are kept as `\n`. A row's `line` is its 1-based
 * number in the table (a paragraph's, its number among the paragraphs), a cell's `col` its
 * 1-based column. (Filled in by the readers of docx and xlsx; until then: text only.)
 */
export async function documentTables(_file: string, _opts: TableSourceOptions = {}): Promise<TextRow[][] | undefined> {
  return undefined;
}
