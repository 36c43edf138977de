import { extname } from 'node:path';
import { PlanError } from '../errors.js';
import { readPlanSource } from './load.js';
import { m } from '../messages.js';
import { findHeader, type ColumnMap, type Header, type RowProblem, type TextCell, type TextRow } from '../plan/annex.js';

/** The ways people hand over the annex table: text copied from Word (tab-separated), CSV, markdown. */
export type TableFormat = 'tsv' | 'csv' | 'markdown';

const BY_EXTENSION: Record<string, TableFormat> = { '.csv': 'csv', '.tsv': 'tsv', '.tab': 'tsv', '.txt': 'tsv', '.md': 'markdown', '.markdown': 'markdown' };

/** The formats to try on a file, the one its extension names first. */
export function formatsFor(file: string): TableFormat[] {
  const first = BY_EXTENSION[extname(file).toLowerCase()];
  return [...new Set<TableFormat>([...(first ? [first] : []), 'markdown', 'tsv', 'csv'])];
}

/** A table file's text: UTF-8, with or without a BOM, line ends made `\n`. */
export function readTableText(file: string): string {
  try {
    return readPlanSource(file).text.replace(/\r\n?/g, '\n');
  } catch (e) {
    // Not UTF-8 is most likely a CSV that Excel saved in the local code page: say how to fix that.
    const [first] = e instanceof PlanError ? e.lines : [];
    if (first?.endsWith(m.notUtf8)) throw new PlanError(first.slice(0, -m.notUtf8.length) + m.importer.notUtf8);
    throw e;
  }
}

/** The table in `text`: read in the first of `formats` in which it has a header row (`map`: the titles `--columns` names). */
export function findTable(text: string, formats: readonly TableFormat[], map?: ColumnMap): (ReturnType<typeof tableRows> & { format: TableFormat; header: Header }) | undefined {
  for (const format of formats) {
    const table = tableRows(text, format);
    const header = findHeader(table.rows, map);
    if (header) return { ...table, format, header };
  }
  return undefined;
}

/** Every line (CSV: record) of `text` read as table rows in `format`, with any quoting problems. */
export function tableRows(text: string, format: TableFormat): { rows: TextRow[]; problems: RowProblem[] } {
  if (format === 'csv') return csvRows(text);
  const lines = text.split('\n');
  return { rows: format === 'tsv' ? lines.map(tsvRow) : lines.flatMap(markdownRow), problems: [] };
}

/** A cell from raw text starting at 0-based `index` of `line`: trimmed, located at its first non-space. */
function cell(raw: string, line: number, index: number, unescape: (s: string) => string = (s) => s): TextCell {
  return { text: unescape(raw.trim()), line, col: index + 1 + (raw.length - raw.trimStart().length) };
}

function tsvRow(text: string, i: number): TextRow {
  const cells: TextCell[] = [];
  let index = 0;
  for (const part of text.split('\t')) {
    cells.push(cell(part, i + 1, index));
    index += part.length + 1;
  }
  return { line: i + 1, cells, end: { line: i + 1, col: text.length + 1 }, tabular: cells.length > 1 };
}

/** A markdown line: a `| … |` row split at unescaped pipes; a rule row (`| --- |`) is dropped; other lines are one cell. */
function markdownRow(text: string, i: number): TextRow[] {
  const line = i + 1;
  const end = { line, col: text.length + 1 };
  const start = text.search(/\S/);
  if (start < 0 || text[start] !== '|') return [{ line, cells: [cell(text, line, 0, unescapeMarkdown)], end, tabular: false }];
  const raw: { text: string; index: number }[] = [];
  let from = start + 1;
  for (let j = from; j <= text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '|' || j === text.length) {
      raw.push({ text: text.slice(from, j), index: from });
      from = j + 1;
    }
  }
  if (raw.length > 1 && !raw.at(-1)!.text.trim()) raw.pop(); // the closing pipe
  if (raw.every((r) => /^\s*:?-+:?\s*$/.test(r.text))) return [];
  return [{ line, cells: raw.map((r) => cell(r.text, line, r.index, unescapeMarkdown)), end, tabular: true }];
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };

/** Undoes what `markdownCell` (render/markdown.ts) does: `<br>` line breaks, backslash escapes, entities. */
export function unescapeMarkdown(s: string): string {
  return s
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&(?:lt|gt|amp|quot|#39);/g, (e) => ENTITIES[e]!);
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. Lenient about text after a closing quote. */
function csvRows(text: string): { rows: TextRow[]; problems: RowProblem[] } {
  const rows: TextRow[] = [];
  const problems: RowProblem[] = [];
  let [i, line, col] = [0, 1, 1];
  let cells: TextCell[] = [];
  let rowLine = 1;
  const take = () => {
    const ch = text[i++]!;
    if (ch === '\n') [line, col] = [line + 1, 1];
    else col++;
    return ch;
  };
  const rest = () => {
    let s = '';
    while (i < text.length && text[i] !== ',' && text[i] !== '\n') s += take();
    return s;
  };
  for (;;) {
    const start = { line, col };
    let value: string;
    if (text[i] === '"') {
      take();
      value = '';
      let closed = false;
      while (i < text.length) {
        const ch = take();
        if (ch !== '"') value += ch;
        else if (text[i] === '"') value += take();
        else {
          closed = true;
          break;
        }
      }
      if (!closed) problems.push({ ...start, code: 'unclosedQuote', args: [] });
      value += rest();
      cells.push({ text: value.trim(), ...start });
    } else {
      const raw = rest();
      cells.push(cell(raw, start.line, start.col - 1));
    }
    if (text[i] === ',') {
      take();
      continue;
    }
    rows.push({ line: rowLine, cells, end: { line, col }, tabular: cells.length > 1 });
    if (i >= text.length) break;
    take(); // the line break
    [cells, rowLine] = [[], line];
  }
  return { rows, problems };
}
