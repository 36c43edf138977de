import type { NewPlan } from './new-plan.js';
import { parsePeriod } from './period.js';

/** A cell of a table read from text, with where it starts (1-based line and column). */
export interface TextCell {
  text: string;
  line: number;
  col: number;
}

/**
 * One line (or CSV record) of the input: its cells, where a missing cell would start, and
 * whether it has the table's shape (a `|` row, or more than one cell) rather than being prose.
 */
export interface TextRow {
  line: number;
  cells: TextCell[];
  end: { line: number; col: number };
  tabular: boolean;
}

/** A problem with one row, to be reported as FILE:LINE:COL: `code` names the message (the importer's) that `args` fill, at the edge. */
export interface RowProblem {
  line: number;
  col: number;
  code: RowProblemCode;
  args: readonly unknown[];
}

export type RowProblemCode = 'noRows' | 'badId' | 'duplicateId' | 'badPeriod' | 'firstPeriodBlank' | 'noContent' | 'noDepartments' | 'unclosedQuote';

type Column = 'id' | 'period' | 'content' | 'departments';

// Column names as people write them (compared without spaces, case or a trailing colon or dot).
const COLUMN_NAMES: Record<Column, string[]> = {
  id: ['序号', '编号', 'no', 'id', '#', 'number'],
  period: ['计划时间', '时间', '时间安排', 'period', 'time', 'when'],
  content: ['内容', '工作内容', '主要内容', '工作任务', '任务', 'content', 'task', 'work'],
  departments: ['负责部门', '责任部门', '牵头部门', '部门', 'departments', 'department', 'responsible'],
};
const ANNEX_LABEL = /^附\s*件\s*[0-9一二三四五六七八九十]*\s*[:：]?\s*/;
const CJK = '\\u2e80-\\u9fff\\u3000-\\u303f\\uff00-\\uffef';
const LONGEST_TITLE = 80;

/** The annex read from a table: its title line (if any), tasks and registry. */
export interface Annex {
  title?: string;
  departments: string[];
  tasks: NewPlan['tasks'];
}

/** Where the header row is (index into rows) and which cell holds which column. */
export interface Header {
  index: number;
  columns: Partial<Record<Column, number>>;
}

/** The header row: the first row naming at least the period, content and departments columns. */
export function findHeader(rows: readonly TextRow[]): Header | undefined {
  for (const [index, row] of rows.entries()) {
    const columns = headerColumns(row);
    if (columns) return { index, columns };
  }
  return undefined;
}

function headerColumns(row: TextRow): Header['columns'] | undefined {
  const columns: Header['columns'] = {};
  row.cells.forEach((cell, i) => {
    const name = cell.text.normalize('NFKC').replace(/\s+/g, '').replace(/[.:：]$/, '').toLowerCase();
    const column = (Object.keys(COLUMN_NAMES) as Column[]).find((c) => COLUMN_NAMES[c].includes(name));
    if (column && columns[column] === undefined) columns[column] = i;
  });
  return columns.period !== undefined && columns.content !== undefined && columns.departments !== undefined ? columns : undefined;
}

/**
 * Reads the annex table under `header`: a blank period continues the row above, departments
 * are split on `、` (or commas, semicolons, slashes), ids are the 序号 column (or 1, 2, 3 … when
 * there is none). Rows run to the last tabular row; blank rows and repeated header rows are
 * skipped. Every bad row is reported, each at its cell.
 */
export function readAnnex(rows: readonly TextRow[], header: Header): { annex?: Annex; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const at = (where: { line: number; col: number }, code: RowProblemCode, ...args: unknown[]) => problems.push({ line: where.line, col: where.col, code, args });
  const body = rows.slice(header.index + 1, rows.findLastIndex((r) => r.tabular) + 1);
  const tasks: Annex['tasks'] = [];
  const departments: string[] = [];
  const firstLineOf = new Map<number, number>();
  let period: string | null | undefined; // null: the period above was bad (and is reported)
  for (const row of body) {
    if (row.cells.every((c) => !c.text.trim()) || headerColumns(row)) continue;
    const cell = (column: Column) => {
      const i = header.columns[column];
      return i === undefined ? undefined : (row.cells[i] ?? { text: '', ...row.end });
    };
    let ok = true;
    const fail = (where: { line: number; col: number }, code: RowProblemCode, ...args: unknown[]) => {
      at(where, code, ...args);
      ok = false;
    };

    const idCell = cell('id');
    let id = tasks.length + 1;
    if (idCell) {
      const s = idCell.text.trim().replace(/[.、]$/, '');
      if (!/^\d{1,9}$/.test(s) || Number(s) < 1) fail(idCell, 'badId', idCell.text.trim());
      id = Number(s);
      const first = firstLineOf.get(id);
      if (ok && first !== undefined) fail(idCell, 'duplicateId', id, first);
      else if (ok) firstLineOf.set(id, idCell.line);
    }

    const periodCell = cell('period')!;
    if (periodCell.text.trim()) {
      period = parsePeriod(periodCell.text)?.label ?? null;
      if (period === null) fail(periodCell, 'badPeriod', periodCell.text.trim());
    } else if (period === undefined) fail(periodCell, 'firstPeriodBlank');

    const contentCell = cell('content')!;
    const content = contentCell.text.trim();
    if (!content) fail(contentCell, 'noContent');

    const departmentsCell = cell('departments')!;
    const names = [...new Set(departmentsCell.text.split(/[、,，;；/／]+/).map((d) => d.trim()).filter(Boolean))];
    if (!names.length) fail(departmentsCell, 'noDepartments');

    if (!ok || !period) continue;
    for (const d of names) if (!departments.includes(d)) departments.push(d);
    tasks.push({ id, period, content, departments: names });
  }
  if (problems.length) return { problems };
  if (!tasks.length) return { problems: [{ ...(rows[header.index]?.end ?? { line: 1, col: 1 }), code: 'noRows', args: [] }] };
  const title = titleAbove(rows, header.index);
  return { annex: { ...(title !== undefined && { title }), departments, tasks }, problems };
}

/**
 * The table's title: the nearest non-blank line above the header, without an `附件：` label
 * or a markdown heading's `#`s; none when that line is long prose rather than a title.
 */
export function titleAbove(rows: readonly TextRow[], headerIndex: number): string | undefined {
  for (let i = headerIndex - 1; i >= 0; i--) {
    const text = rows[i]!.cells.map((c) => c.text.trim()).filter(Boolean).join(' ');
    const title = tidyTitle(text.replace(/^#+\s*/, '').replace(ANNEX_LABEL, ''));
    if (!title) continue; // a blank line, or a bare `附件` label
    return [...title].length <= LONGEST_TITLE ? title : undefined;
  }
  return undefined;
}

/** Spaces a layout put between Chinese characters or beside them go (`2023 年市…` → `2023年市…`); others shrink to one. */
export function tidyTitle(s: string): string {
  return s
    .trim()
    .replace(/\s+/g, ' ')
    .replace(new RegExp(`(?<=[${CJK}]) | (?=[${CJK}])`, 'g'), '');
}

/** The first 4-digit year (1900 on) in a text. */
export function yearIn(text: string): number | undefined {
  const found = /(?<!\d)(19\d\d|[2-9]\d\d\d)(?!\d)/.exec(text);
  return found ? Number(found[1]) : undefined;
}

/** The plan an annex makes: its title from the annex title (…主要工作计划表 → …工作计划), else `<year>年工作计划`. */
export function annexPlan(annex: Annex, year: number): NewPlan {
  const stem = annex.title !== undefined ? /^(.+?)(?:主要)?工作计划表$/.exec(annex.title)?.[1] : undefined;
  return {
    schemaVersion: 1,
    year,
    title: stem !== undefined ? `${stem}工作计划` : `${year}年工作计划`,
    ...(annex.title !== undefined && { annexTitle: annex.title }),
    departments: annex.departments,
    tasks: annex.tasks,
  };
}
