import type { Context, Output } from '../context.js';
import { PlanError, usageError } from '../errors.js';
import { findTable, formatsFor, readTableText, tableRows } from '../io/table-text.js';
import { m } from '../messages.js';
import {
  annexPlan,
  findHeader,
  headerHint,
  headerName,
  parseColumnMap,
  readAnnex,
  readList,
  tidyTitle,
  yearAbove,
  yearIn,
  type AnnexResult,
  type ColumnMap,
  type ColumnMapProblem,
  type Header,
  type ImportNotice,
  type RowProblem,
  type TextRow,
} from '../plan/annex.js';
import { isTime, parseTime } from '../plan/time.js';
import { writeNewPlan } from './new-plan-file.js';

export interface ImportOptions {
  year?: number;
  output?: string;
  /** `--columns '完成时限=due,参加范围=field'`. */
  columns?: string;
  /** `--default-period 全年`: the period of tasks without a time. */
  defaultPeriod?: string;
  /** `--sheet`: the worksheet of a workbook. */
  sheet?: string;
}

// A year that only stands in while the year is looked for (headings rarely name a year).
const PROVISIONAL_YEAR = 2000;

/**
 * A schema-2 plan from the annex table in `file`: a Word or Excel table, else text (Word text,
 * CSV or markdown, told apart by which one has a header row), else a month-headed list or items
 * with `牵头单位：` lines (in the text, or in a Word document's paragraphs). Every bad row is
 * reported, located, and then nothing is written; the columns kept as extra fields and the
 * times supplied are told on stderr. The plan is named by the annex or the document's title.
 */
export async function importAnnex(file: string, opts: ImportOptions, _ctx: Context): Promise<Output> {
  const map = opts.columns === undefined ? new Map<string, never>() : columnMap(opts.columns);
  const { documentContent } = await import('../io/table-source.js');
  const doc = await documentContent(file, opts.sheet === undefined ? {} : { sheet: opts.sheet });
  let found: { rows: TextRow[]; header: Header; problems: RowProblem[]; title?: string } | undefined;
  let lines: string[] | undefined;
  // Where each list line stands in the file: a Word document's lines are its paragraphs' (by number).
  let lineAt: number[] = [];
  if (doc) {
    for (const rows of doc.tables) {
      const header = findHeader(rows, map);
      if (header) {
        found = { rows, header, problems: [], ...documentTitle(doc.tables[0]!) };
        break;
      }
    }
    if (!found) ({ lines, lineAt } = paragraphLines(doc.paragraphs));
  } else {
    if (opts.sheet !== undefined) throw usageError(m.importer.sheetNotWorkbook(file));
    const text = readTableText(file);
    const table = findTable(text, formatsFor(file), map);
    if (table) found = table;
    else lines = text.split('\n');
  }

  let result: AnnexResult;
  let year: number | undefined;
  let heading: string | undefined;
  if (found) {
    checkMapTitles(found.rows[found.header.index]!, map);
    year = opts.year ?? yearAbove(found.rows, found.header.index) ?? yearIn(found.title ?? '');
    if (year === undefined) throw usageError(m.importer.noYear(file));
    result = readAnnex(found.rows, found.header, { year, ...defaultPeriod(opts, year) });
    result.problems = [...found.problems, ...result.problems].sort((a, b) => a.line - b.line || a.col - b.col);
    heading = found.title ?? documentTitle(found.rows.slice(0, found.header.index)).title;
  } else {
    const probe = readList(lines!, { year: opts.year ?? PROVISIONAL_YEAR });
    if (!probe) throw noHeader(file, doc ? doc.tables.flat() : tableRows(lines!.join('\n'), formatsFor(file)[0]!).rows, map);
    const above = lines!.slice(0, probe.firstLine).map((text, i) => ({ line: i + 1, cells: [{ text, line: i + 1, col: 1 }], end: { line: i + 1, col: 1 }, tabular: false }));
    year = opts.year ?? yearAbove(above, above.length);
    if (year === undefined) throw usageError(m.importer.noYear(file));
    result = readList(lines!, { year, ...defaultPeriod(opts, year) })!;
    result.problems = result.problems.map((p) => ({ ...p, line: lineAt[p.line - 1] ?? p.line }));
    heading = documentTitle(above).title;
  }
  const { annex, problems, notices } = result;
  if (!annex || problems.length) throw new PlanError(problems.map((p) => `${file}:${p.line}:${p.col}: ${rowMessage(p)}`));
  const output = await writeNewPlan(opts.output, year, annexPlan(annex, year, heading));
  return { ...output, ...(notices.length && { stderr: notices.map(noticeMessage) }) };
}

function columnMap(spec: string): ColumnMap {
  const parsed = parseColumnMap(spec);
  if ('problem' in parsed) throw usageError(columnsMessage(parsed.problem));
  return parsed.map;
}

/** A `--columns` problem in the user's language. */
export function columnsMessage(p: ColumnMapProblem): string {
  return p.code === 'columnsSyntax' ? m.importer.columnsSyntax(p.args[0]) : p.code === 'columnsKey' ? m.importer.columnsKey(...p.args) : m.importer.columnsDuplicate(p.args[0]);
}

/** Every title `--columns` names must be a header cell: a typo would otherwise do nothing. */
function checkMapTitles(header: TextRow, map: ColumnMap): void {
  const names = new Set(header.cells.map((c) => headerName(c.text)));
  const cells = header.cells.map((c) => tidyTitle(c.text)).filter(Boolean);
  for (const title of map.keys()) if (!names.has(title)) throw usageError(m.importer.columnsNotInHeader(title, cells));
}

function defaultPeriod(opts: ImportOptions, year: number): { defaultPeriod?: string } {
  if (opts.defaultPeriod === undefined) return {};
  const text = tidyTitle(opts.defaultPeriod);
  if (!text || !isTime(parseTime(text, year))) throw usageError(m.importer.badDefaultPeriod(opts.defaultPeriod));
  return { defaultPeriod: text };
}

/** A document's title: its first paragraph (the year may stand there only). */
function documentTitle(rows: readonly TextRow[]): { title?: string } {
  const first = rows.find((r) => !r.tabular && r.cells.some((c) => c.text.trim()));
  return first ? { title: first.cells.map((c) => c.text).join(' ') } : {};
}

/** A document's paragraphs as the lines of a list (a line break in one starts a line), with the paragraph number of each. */
function paragraphLines(paragraphs: readonly TextRow[]): { lines: string[]; lineAt: number[] } {
  const split = paragraphs.flatMap((p) => p.cells[0]!.text.split('\n').map((text) => ({ text, line: p.line })));
  return { lines: split.map((l) => l.text), lineAt: split.map((l) => l.line) };
}

/** No header: the cells of the most header-like row and a `--columns` that would read it, or (no such row) what a header has. */
function noHeader(file: string, rows: readonly TextRow[], map: ColumnMap): PlanError {
  const hint = headerHint(rows, map);
  return new PlanError(hint ? m.importer.noHeaderSeen(`${file}:${hint.row.line}`, hint.cells, hint.columns) : m.importer.noHeader(file));
}

/** A row's problem in the user's language. */
export function rowMessage(p: RowProblem): string {
  const say = m.importer[p.code] as string | ((...args: unknown[]) => string);
  return typeof say === 'string' ? say : say(...p.args);
}

/** What the importer tells besides problems, in the user's language. */
export function noticeMessage(n: ImportNotice): string {
  return (m.importer[n.code] as (...args: unknown[]) => string)(...n.args);
}
