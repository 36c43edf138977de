import { TASK_FIELDS, field } from './fields.js';
import type { NewPlan, NewTask } from './new-plan.js';
import { suggest } from './suggest.js';
import { isTime, parseTime } from './time.js';
import { COLUMN_KEYS, type Column, type ColumnKey } from './types.js';

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

export type RowProblemCode = 'noRows' | 'badId' | 'duplicateId' | 'badPeriod' | 'badDue' | 'otherYear' | 'firstPeriodBlank' | 'noTime' | 'noContent' | 'unclosedQuote';

/** What the importer tells besides problems (exit 0): columns kept as fields, times it supplied or moved. */
export interface ImportNotice {
  code: 'keptFields' | 'defaultPeriod' | 'splitTimes';
  args: readonly unknown[];
}

/** What a table column becomes: a task key, an extra field under its title, or (asked for explicitly) nothing. */
export type ImportKey = ColumnKey | 'field' | 'ignore';
export const IMPORT_KEYS: readonly ImportKey[] = [...COLUMN_KEYS, 'field', 'ignore'];

// Column names as offices write them, compared by `headerName` (NFKC, no spaces, no case, no
// trailing colon or dot). 项目 is an id only when its cells are numbers (see resolveItem).
const COLUMN_NAMES: Record<ColumnKey, string[]> = {
  id: ['序号', '编号', 'no', 'id', '#', 'number'],
  period: ['计划时间', '时间', '月份', '时间安排', '进度安排', '时序进度', '时间节点', '实施时间', '活动时间', '工作时间', 'period', 'time', 'when'],
  due: ['完成时限', '完成时间', '截止时间', '时限', '完成期限', '时间要求', 'due', 'deadline'],
  content: ['内容', '工作内容', '主要内容', '活动内容', '工作任务', '任务', '目标任务', '重点工作', '工作事项', '具体内容', 'content', 'task', 'work'],
  departments: ['负责部门', '责任部门', '责任单位', '牵头单位', '牵头部门', '负责单位', '部门', 'departments', 'department', 'responsible', 'lead'],
  support: ['配合单位', '配合部门', '协办单位', '协助单位', '参与单位', 'support'],
  owners: ['责任人', '负责人', '联系人', 'owners', 'owner', 'person'],
  group: ['类别', '分类', '板块', 'group', 'category'],
};
const ITEM = '项目';
const LEAD = /^牵头/;
/** Responsible-unit names that mean "co-operating" beside a 牵头 (lead) column. */
const SUPPORT_BESIDE_LEAD = new Set(['责任单位', '责任部门']);
const BY_NAME = new Map<string, ColumnKey>(Object.entries(COLUMN_NAMES).flatMap(([key, names]) => names.map((n) => [n, key as ColumnKey])));

const ANNEX_LABEL = /^附\s*件\s*[0-9一二三四五六七八九十]*\s*[:：]?\s*/;
const CJK = '\\u2e80-\\u9fff\\u3000-\\u303f\\uff00-\\uffef';
const LONGEST_TITLE = 80;
const NUMBER = /^\d{1,9}[.、．]?$/;
/** A category title's numbering: 一、 （一） 第一部分 一是 …; or markdown bold (render's category rows). */
const CATEGORY = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[部分类项]|\*\*)/;
const SEPARATORS = /[、，,；;/／\n]+/;
// What a unit's name ends with (a part of a cell is split off as a unit only if it looks like one).
const UNIT_END = /(?:处|科|室|局|会|部|中心|委|办|队|所|站|院|组|支部|单位|公司|厅|股|司|馆|校|团|社|街道|镇|乡|区|县|市|府|党组|机关|妇联|基地|专班|小组)$/;
const LONGEST_UNIT = 12;
const LATIN_NAME = /^[A-Za-z][A-Za-z .&'-]{0,29}$/;
const CHINESE_NAME = /^[\u4e00-\u9fff·]{2,4}$/;
const LONGEST_TIME_PREFIX = 20;
const DEFAULT_PERIOD = '全年';

/** A header cell as compared with the names: NFKC, without spaces, case or a trailing colon or dot. */
export function headerName(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/[.:：]$/, '').toLowerCase();
}

/** The key a header cell names by itself (牵头 aside), or `item` for 项目. */
export function namedKey(text: string): ColumnKey | 'item' | undefined {
  const name = headerName(text);
  return name === ITEM ? 'item' : BY_NAME.get(name);
}

/** An explicit mapping from `--columns`: header title (compared by headerName) → key. */
export type ColumnMap = ReadonlyMap<string, ImportKey>;

export type ColumnMapProblem = { code: 'columnsSyntax'; args: [entry: string] } | { code: 'columnsKey'; args: [key: string, hint: string | undefined] } | { code: 'columnsDuplicate'; args: [key: string] };

/** Reads `--columns '完成时限=due,参加范围=field'`: entries split on commas (ASCII or full-width). */
export function parseColumnMap(spec: string): { map: ColumnMap } | { problem: ColumnMapProblem } {
  const map = new Map<string, ImportKey>();
  for (const entry of spec.split(/[,，]/).map((e) => e.trim()).filter(Boolean)) {
    const eq = entry.search(/[=＝]/);
    const title = headerName(entry.slice(0, Math.max(eq, 0)));
    const key = entry.slice(eq + 1).trim().toLowerCase();
    if (eq < 0 || !title || !key || map.has(title)) return { problem: { code: 'columnsSyntax', args: [entry] } };
    if (!IMPORT_KEYS.includes(key as ImportKey)) return { problem: { code: 'columnsKey', args: [key, suggest(key, IMPORT_KEYS)] } };
    if (key !== 'field' && key !== 'ignore' && [...map.values()].includes(key as ImportKey)) return { problem: { code: 'columnsDuplicate', args: [key] } };
    map.set(title, key as ImportKey);
  }
  if (!map.size) return { problem: { code: 'columnsSyntax', args: [spec] } };
  return { map };
}

/** A column of the header row: where it is, its title as written (layout spaces gone) and what it becomes. */
export interface HeaderColumn {
  index: number;
  title: string;
  key: ImportKey | 'item';
  /** True when the key came from `--columns`. */
  explicit: boolean;
}

/** Where the header row is (index into rows) and its columns. */
export interface Header {
  index: number;
  columns: HeaderColumn[];
}

/**
 * The header row: the first row with a content column and at least one other recognised one
 * (or, with `--columns`, every title it names). `--columns` wins over the names; a second column
 * of a key already taken is kept as a field.
 */
export function findHeader(rows: readonly TextRow[], map: ColumnMap = new Map()): Header | undefined {
  for (const [index, row] of rows.entries()) {
    const columns = headerColumns(row, map);
    if (columns) return { index, columns };
  }
  return undefined;
}

function headerColumns(row: TextRow, map: ColumnMap): HeaderColumn[] | undefined {
  const columns = assignKeys(row, map);
  const hasContent = columns.some((c) => c.key === 'content' || c.key === 'item');
  const keyed = columns.filter((c) => c.key !== 'field' && c.key !== 'ignore').length;
  const names = new Set(row.cells.map((c) => headerName(c.text)));
  const allNamed = map.size > 0 && [...map.keys()].every((t) => names.has(t));
  return hasContent && (keyed >= 2 || allNamed) ? columns : undefined;
}

function assignKeys(row: TextRow, map: ColumnMap): HeaderColumn[] {
  const names = row.cells.map((c) => headerName(c.text));
  const lead = names.some((n) => LEAD.test(n) && BY_NAME.get(n) === 'departments');
  const taken = new Set<string>([...map.values()].filter((k) => k !== 'field' && k !== 'ignore'));
  return row.cells.map((cell, index) => {
    const title = tidyTitle(cell.text.replace(/^\*\*(.*)\*\*$/, '$1'));
    const explicit = map.get(names[index]!);
    if (explicit) return { index, title, key: explicit, explicit: true };
    let key: ImportKey | 'item' = namedKey(cell.text) ?? 'field';
    if (key === 'departments' && lead && SUPPORT_BESIDE_LEAD.has(names[index]!)) key = 'support';
    if (key !== 'field') {
      if (taken.has(key)) key = 'field';
      else taken.add(key);
    }
    return { index, title, key, explicit: false };
  });
}

/**
 * For a file without a header: the most header-like row (most recognised names, else the first
 * row with several cells) and a `--columns` value that would read it, naming as content the
 * column with the longest text below it.
 */
export function headerHint(rows: readonly TextRow[], map: ColumnMap = new Map()): { row: TextRow; cells: string[]; columns: string } | undefined {
  let best: { row: TextRow; index: number; score: number } | undefined;
  rows.forEach((row, index) => {
    if (!row.tabular) return;
    const filled = row.cells.filter((c) => c.text.trim()).length;
    if (filled < 2) return;
    const score = assignKeys(row, map).filter((c) => c.key !== 'field' && c.key !== 'ignore').length;
    if (!best || score > best.score) best = { row, index, score };
  });
  if (!best) return undefined;
  const { row, index } = best;
  const columns = assignKeys(row, map).filter((c) => c.title);
  if (!columns.some((c) => c.key === 'content' || c.key === 'item')) {
    const body = rows.slice(index + 1).filter((r) => r.tabular);
    const length = (c: HeaderColumn) => body.reduce((sum, r) => sum + (r.cells[c.index]?.text.length ?? 0), 0);
    const free = columns.filter((c) => c.key === 'field');
    const content = (free.length ? free : columns).reduce((a, b) => (length(b) > length(a) ? b : a));
    content.key = 'content';
  }
  return {
    row,
    cells: columns.map((c) => c.title),
    columns: columns.map((c) => `${c.title}=${c.key === 'item' ? 'content' : c.key}`).join(','),
  };
}

/** The annex read from a table: its title line (if any), columns, tasks and registry. */
export interface Annex {
  title?: string;
  departments: string[];
  columns: Column[];
  tasks: NewTask[];
}

export interface ReadOptions {
  year: number;
  /** The period of a task that has no time (`--default-period`). */
  defaultPeriod?: string;
}

/** The result of reading: the annex when no row has a problem, the problems, and what to tell. */
export interface AnnexResult {
  annex?: Annex;
  problems: RowProblem[];
  notices: ImportNotice[];
}

type Where = { line: number; col: number };

/**
 * Reads the annex table under `header` into schema-2 tasks. Rows run to the last tabular row;
 * blank rows and repeated header rows are skipped. A blank time or category cell continues the
 * row above; a row with only its first cell filled is a category (the `group` of the rows below);
 * without a time column, a time at the start of the content becomes the period. Times are kept
 * as written (layout spaces aside) and must parse in `year`. Every bad row is reported, each at
 * its cell.
 */
export function readAnnex(rows: readonly TextRow[], header: Header, opts: ReadOptions): AnnexResult {
  const problems: RowProblem[] = [];
  const at = (where: Where, code: RowProblemCode, ...args: unknown[]) => problems.push({ line: where.line, col: where.col, code, args });
  const headerRow = rows[header.index]!;
  const headerNames = headerRow.cells.map((c) => headerName(c.text)).join('\t');
  const body = rows.slice(header.index + 1, rows.findLastIndex((r) => r.tabular) + 1).filter((r) => r.cells.some((c) => c.text.trim()) && r.cells.map((c) => headerName(c.text)).join('\t') !== headerNames);
  const contentAt = header.columns.find((c) => c.key === 'content' || c.key === 'item')?.index;
  const isCategory = (row: TextRow) => {
    const filled = row.cells.filter((c) => c.text.trim());
    if (filled.length !== 1 || filled[0] !== row.cells[0]) return false;
    const text = filled[0]!.text.trim();
    return !NUMBER.test(text) && (contentAt !== 0 || row.cells.length === 1 || CATEGORY.test(text));
  };
  const tasksRows = body.filter((r) => !isCategory(r));
  const columns = resolveColumns(header.columns, tasksRows).filter((c) => c.key !== 'ignore' && (c.title || tasksRows.some((r) => r.cells[c.index]?.text.trim())));
  const cellAt = (row: TextRow, c: HeaderColumn): TextCell => row.cells[c.index] ?? { text: '', ...row.end };
  const col = (key: ColumnKey) => columns.find((c) => c.key === key);
  const known = knownUnits(tasksRows, columns.filter((c) => c.key === 'departments' || c.key === 'support'), cellAt);
  const titled = uniqueTitles(columns);
  const timeColumns = columns.filter((c) => c.key === 'period' || c.key === 'due');
  const periodColumn = col('period');

  const tasks: NewTask[] = [];
  const registry: string[] = [];
  const firstLineOf = new Map<number, number>();
  const above: Partial<Record<'period' | 'due' | 'group', string | null>> = {}; // null: the cell above was bad (and is reported)
  let category: string | undefined;
  let [split, defaulted] = [0, 0];
  for (const row of body) {
    if (isCategory(row)) {
      category = categoryTitle(row.cells[0]!.text);
      if (col('group')) above.group = category;
      continue;
    }
    let ok = true;
    const fail = (where: Where, code: RowProblemCode, ...args: unknown[]) => {
      at(where, code, ...args);
      ok = false;
    };
    const task: NewTask = { id: tasks.length + 1, content: '' };
    const idColumn = col('id');
    if (idColumn) {
      const cell = cellAt(row, idColumn);
      const s = cell.text.trim().replace(/[.、．]$/, '');
      if (!/^\d{1,9}$/.test(s) || Number(s) < 1) fail(cell, 'badId', cell.text.trim());
      else {
        task.id = Number(s);
        const first = firstLineOf.get(task.id);
        if (first !== undefined) fail(cell, 'duplicateId', task.id, first);
        else firstLineOf.set(task.id, cell.line);
      }
    }
    const contentCell = cellAt(row, col('content')!);
    task.content = contentCell.text.trim();
    if (!task.content) fail(contentCell, 'noContent');
    for (const key of ['period', 'due'] as const) {
      const c = col(key);
      if (!c) continue;
      const cell = cellAt(row, c);
      const text = tidyTitle(cell.text);
      if (text) {
        const problem = timeProblem(text, opts.year, key);
        above[key] = problem ? null : text;
        if (problem) fail(cell, problem.code, ...problem.args);
      }
      const value = above[key];
      if (value) task[key] = value;
      else if (value === undefined && key === 'period' && !col('due')) fail(cell, 'firstPeriodBlank');
    }
    if (!periodColumn && task.content) {
      const found = timeAtStart(task.content, opts.year);
      if (found) {
        [task.period, task.content] = [found.time, found.rest];
        split++;
      }
    }
    for (const c of columns) {
      const text = cellAt(row, c).text.trim();
      if (c.key === 'departments' || c.key === 'support') {
        const units = splitUnits(text, known);
        if (units.length) task[c.key] = units;
        for (const u of units) if (!registry.includes(u)) registry.push(u);
      } else if (c.key === 'owners') {
        const names = splitNames(text);
        if (names.length) task.owners = names;
      } else if (c.key === 'group') {
        if (text) above.group = text;
        if (above.group) task.group = above.group;
      } else if (c.key === 'field' && text) (task.fields ??= {})[titled.get(c)!] = text;
    }
    if (!col('group') && category !== undefined) task.group = category;
    if (task.period === undefined && task.due === undefined && ok) {
      if (opts.defaultPeriod !== undefined) task.period = opts.defaultPeriod;
      else if (!timeColumns.length) {
        task.period = DEFAULT_PERIOD;
        defaulted++;
      } else if (timeColumns.every((c) => above[c.key as 'period' | 'due'] !== null)) fail(cellAt(row, timeColumns[0]!), 'noTime');
    }
    if (ok) tasks.push(orderKeys(task));
  }
  if (problems.length) return { problems, notices: [] };
  if (!tasks.length) return { problems: [{ ...headerRow.end, code: 'noRows', args: [] }], notices: [] };

  const planColumns: Column[] = columns.map((c) => ({ title: titled.get(c)!, ...(c.key !== 'field' && { key: c.key as ColumnKey }) }));
  if (split && !periodColumn) planColumns.splice(planColumns.findIndex((c) => c.key === 'content'), 0, { title: field('period').title.zh, key: 'period' });
  const notices: ImportNotice[] = [];
  const fields = columns.filter((c) => c.key === 'field').map((c) => titled.get(c)!);
  if (fields.length) notices.push({ code: 'keptFields', args: [fields] });
  if (split) notices.push({ code: 'splitTimes', args: [split, field('period').title.zh] });
  if (defaulted) notices.push({ code: 'defaultPeriod', args: [defaulted, DEFAULT_PERIOD] });
  const title = titleAbove(rows, header.index);
  return { annex: { ...(title !== undefined && { title }), departments: registry, columns: planColumns, tasks }, problems, notices };
}

/** 项目 is the id when its cells are numbers; else the group beside a content column, else the content. */
function resolveColumns(columns: readonly HeaderColumn[], rows: readonly TextRow[]): HeaderColumn[] {
  const hasContent = columns.some((c) => c.key === 'content');
  const taken = new Set(columns.map((c) => c.key));
  return columns.map((c) => {
    if (c.key !== 'item') return c;
    const cells = rows.map((r) => r.cells[c.index]?.text.trim() ?? '').filter(Boolean);
    const key: ImportKey = cells.length && cells.every((s) => NUMBER.test(s)) ? 'id' : hasContent ? 'group' : 'content';
    return { ...c, key: taken.has(key) ? 'field' : key };
  });
}

/** Titles as the plan keeps them: a blank title is `第N列`, a repeated one gets its column number. */
function uniqueTitles(columns: readonly HeaderColumn[]): Map<HeaderColumn, string> {
  const seen = new Set<string>();
  const out = new Map<HeaderColumn, string>();
  for (const c of columns) {
    let title = c.title || `第${c.index + 1}列`;
    if (seen.has(title)) title = `${title}(${c.index + 1})`;
    seen.add(title);
    out.set(c, title);
  }
  return out;
}

function orderKeys(task: NewTask): NewTask {
  const out: Record<string, unknown> = {};
  for (const { key } of TASK_FIELDS) if (task[key] !== undefined) out[key] = task[key];
  if (task.fields) out.fields = task.fields;
  return out as unknown as NewTask;
}

function categoryTitle(text: string): string {
  return text.trim().replace(/^\*\*(.*)\*\*$/s, '$1').trim();
}

function timeProblem(text: string, year: number, role: 'period' | 'due'): { code: RowProblemCode; args: unknown[] } | undefined {
  const time = parseTime(text, year, role);
  if (isTime(time)) return undefined;
  if (time.problem === 'otherYear') return { code: 'otherYear', args: [text, time.year, year] };
  return { code: role === 'period' ? 'badPeriod' : 'badDue', args: [text] };
}

/** Names standing alone in a unit cell somewhere in the table: a part equal to one is a unit. */
function knownUnits(rows: readonly TextRow[], columns: readonly HeaderColumn[], cellAt: (row: TextRow, c: HeaderColumn) => TextCell): Set<string> {
  const known = new Set<string>();
  for (const row of rows) for (const c of columns) {
    const text = cellAt(row, c).text.trim();
    if (text && !SEPARATORS.test(text)) known.add(text);
  }
  return known;
}

/** True for a part of a cell that reads as a unit's name: short, and ending as units do (or known from another row, or a Latin name). */
export function looksLikeUnit(part: string, known: ReadonlySet<string> = new Set()): boolean {
  if (known.has(part) || LATIN_NAME.test(part)) return true;
  const bare = part.replace(/[（(][^）)]*[）)]$/, '');
  return [...bare].length <= LONGEST_UNIT && !/[。！？!?：:]/.test(bare) && UNIT_END.test(bare);
}

/**
 * The units of a cell: split on `、，,；;/` (and line breaks) only when every part looks like a
 * unit's name; otherwise the whole cell is one name (`14岁以下的职工子女、退休职工` stays whole).
 */
export function splitUnits(text: string, known: ReadonlySet<string> = new Set()): string[] {
  const whole = text.trim().replace(/\s+/g, ' ');
  if (!whole) return [];
  const parts = text.split(SEPARATORS).map((p) => p.trim()).filter(Boolean);
  if (parts.length > 1 && parts.every((p) => looksLikeUnit(p, known))) return [...new Set(parts)];
  return [whole];
}

/** Persons in a cell: split on the unit separators, and on spaces between Chinese names (`张三 李四`). */
export function splitNames(text: string): string[] {
  return text
    .split(SEPARATORS)
    .map((p) => p.trim())
    .filter(Boolean)
    .flatMap((p) => {
      const words = p.split(/\s+/);
      return words.length > 1 && words.every((w) => CHINESE_NAME.test(w)) ? words : [p.replace(/\s+/g, ' ')];
    });
}

/** A time written at the start of a text (`3月: …`, `全年：…`, `1-2月，…`): the time as written and the rest. */
export function timeAtStart(text: string, year: number): { time: string; rest: string } | undefined {
  const head = text.slice(0, LONGEST_TIME_PREFIX + 1);
  for (let i = head.length - 1; i > 0; i--) {
    if (!/[:：，,\s]/.test(head[i]!)) continue;
    const time = tidyTitle(text.slice(0, i));
    const rest = text.slice(i + 1).replace(/^[:：，,\s]+/, '');
    if (time && rest && isTime(parseTime(time, year))) return { time, rest };
  }
  return undefined;
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

/** The year of the lines above row `index`: the nearest one with a 4-digit year. */
export function yearAbove(rows: readonly TextRow[], index: number): number | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const year = yearIn(rows[i]!.cells.map((c) => c.text).join(' '));
    if (year !== undefined) return year;
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

// The non-table forms: a month-headed list, and items followed by `牵头单位：…` lines.
const LIST_ITEM = /^(?:\d{1,3}(?:[.、．)）](?!\d))|[（(]\d{1,3}[)）])\s*(.*)$/;
const HEADING_NUMBER = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])\s*/;
const LONGEST_HEADING = 16;

/** A line that is only a time (`3月:`, `三月份`, `第二季度：`), perhaps numbered `一、`: that time. */
export function timeHeading(line: string, year: number): string | undefined {
  const text = tidyTitle(line.replace(HEADING_NUMBER, '').replace(/[:：]\s*$/, ''));
  return text && [...text].length <= LONGEST_HEADING && isTime(parseTime(text, year)) ? text : undefined;
}

/** The labelled parts of a line such as `牵头单位：局工会  配合单位：机关工会` (each label a unit, person or time column name). */
export function labelParts(line: string): { label: string; key: ColumnKey; value: string; col: number }[] | undefined {
  const found: { label: string; key: ColumnKey; start: number; end: number }[] = [];
  for (const match of line.matchAll(/([\u4e00-\u9fff]{2,6})\s*[:：]/g)) {
    const key = BY_NAME.get(match[1]!);
    if (!key || key === 'content' || key === 'id' || key === 'group') continue;
    found.push({ label: match[1]!, key, start: match.index, end: match.index + match[0].length });
  }
  if (!found.length || line.slice(0, found[0]!.start).replace(/[（(\s]/g, '')) return undefined;
  return found.map((f, i) => ({ label: f.label, key: f.key, col: f.start + 1, value: line.slice(f.end, found[i + 1]?.start ?? line.length).replace(/^\s+|[\s；;，,)）]+$/g, '') }));
}

/**
 * Tasks from a text that is not a table: numbered items (`1.`, `1、`, `（1）`) under time
 * headings (`3月:`, `三月份`), or followed by lines of units and persons (`牵头单位：…`,
 * `配合单位：…`, `责任人：…`, `完成时限：…`). A line that continues an item joins its content;
 * after a blank line, other text ends the list. Undefined when the text has neither form.
 */
export function readList(lines: readonly string[], opts: ReadOptions): (AnnexResult & { firstLine: number }) | undefined {
  type Item = { task: NewTask; where: Where; open: boolean; labelled: [label: string, value: string][] };
  const items: Item[] = [];
  const labels: { key: ColumnKey; title: string }[] = [];
  let period: string | undefined;
  let headings = 0;
  let first: number | undefined;
  let ended = false;
  lines.forEach((raw, i) => {
    if (ended) return;
    const line = raw.trim();
    const item = items.at(-1);
    if (!line) {
      if (item) item.open = false;
      return;
    }
    const heading = timeHeading(line, opts.year);
    if (heading !== undefined) {
      [period, first] = [heading, first ?? i];
      headings++;
      return;
    }
    const numbered = LIST_ITEM.exec(line);
    if (numbered && numbered[1]) {
      const task: NewTask = { id: items.length + 1, content: numbered[1].trim() };
      if (period !== undefined) task.period = period;
      items.push({ task, where: { line: i + 1, col: raw.indexOf(numbered[1]) + 1 }, open: true, labelled: [] });
      first ??= i;
      return;
    }
    const parts = item && labelParts(line);
    if (item && parts) {
      for (const p of parts) {
        if (!labels.some((l) => l.title === p.label)) labels.push({ key: p.key, title: p.label });
        if (p.value) item.labelled.push([p.label, p.value]);
      }
      item.open = false;
      return;
    }
    if (item?.open) item.task.content += `\n${line}`;
    else if (item) ended = true;
  });
  if (!items.length || (!headings && !labels.length)) return undefined;

  // 责任单位 beside 牵头单位 means the co-operating units, as in a table.
  const lead = labels.some((l) => LEAD.test(l.title) && l.key === 'departments');
  const problems: RowProblem[] = [];
  const registry: string[] = [];
  let [split, defaulted] = [0, 0];
  const tasks = items.map(({ task, where, labelled }) => {
    for (const [label, value] of labelled) {
      const key = BY_NAME.get(label)!;
      const target = key === 'departments' && lead && SUPPORT_BESIDE_LEAD.has(label) ? 'support' : key;
      if (target === 'departments' || target === 'support') task[target] = [...new Set([...(task[target] ?? []), ...splitUnits(value)])];
      else if (target === 'owners') task.owners = [...(task.owners ?? []), ...splitNames(value)];
      else if (target === 'period' || target === 'due') {
        const problem = timeProblem(value, opts.year, target);
        if (problem) problems.push({ ...where, code: problem.code, args: problem.args });
        else task[target] = tidyTitle(value);
      }
    }
    if (task.period === undefined) {
      const found = timeAtStart(task.content, opts.year);
      if (found) {
        [task.period, task.content] = [found.time, found.rest];
        split++;
      }
    }
    if (task.period === undefined && task.due === undefined) {
      if (opts.defaultPeriod !== undefined) task.period = opts.defaultPeriod;
      else if (!headings) {
        task.period = DEFAULT_PERIOD;
        defaulted++;
      } else problems.push({ ...where, code: 'noTime', args: [] });
    }
    for (const key of ['departments', 'support'] as const) for (const u of task[key] ?? []) if (!registry.includes(u)) registry.push(u);
    return orderKeys(task);
  });
  const titleOf = (key: ColumnKey, title?: string) => ({ title: title ?? field(key).title.zh, key });
  const seen = new Set<ColumnKey>();
  const columns: Column[] = [
    ...(headings || split ? [titleOf('period')] : []),
    titleOf('content'),
    ...labels
      .map((l) => ({ ...l, key: l.key === 'departments' && lead && SUPPORT_BESIDE_LEAD.has(l.title) ? ('support' as const) : l.key }))
      .filter((l) => !(l.key === 'period' && (headings || split)) && !seen.has(l.key) && seen.add(l.key))
      .map((l) => titleOf(l.key, l.title)),
  ];
  const notices: ImportNotice[] = [];
  if (split) notices.push({ code: 'splitTimes', args: [split, field('period').title.zh] });
  if (defaulted) notices.push({ code: 'defaultPeriod', args: [defaulted, DEFAULT_PERIOD] });
  const firstLine = first ?? 0;
  if (problems.length) return { problems, notices: [], firstLine };
  const rows = lines.slice(0, firstLine).map((text, i): TextRow => ({ line: i + 1, cells: [{ text, line: i + 1, col: 1 }], end: { line: i + 1, col: text.length + 1 }, tabular: false }));
  const title = titleAbove(rows, rows.length);
  return { annex: { ...(title !== undefined && { title }), departments: registry, columns, tasks }, problems, notices, firstLine };
}

// A title that names the plan in 《》: 关于印发《2024年工作要点》的通知, 《2024年工作要点》任务分解表.
const NAMED_PLAN = /^(?:关于)?(?:印发|转发|下发)?《([^《》]+)》/;

/**
 * The plan an annex makes (schema 2). Its title is the name in 《》 the annex title starts with,
 * else the annex title's stem (…主要工作计划表 → …工作计划), else the name in 《》 of the
 * document's `heading` (its first line: 关于印发《…》的通知), else `<year>年工作计划`.
 */
export function annexPlan(annex: Annex, year: number, heading?: string): NewPlan {
  const stem = annex.title !== undefined ? /^(.+?)(?:主要)?工作计划表$/.exec(annex.title)?.[1] : undefined;
  const title = namedPlan(annex.title) ?? (stem !== undefined ? `${stem}工作计划` : (namedPlan(heading) ?? `${year}年工作计划`));
  return {
    schemaVersion: 2,
    year,
    title,
    ...(annex.title !== undefined && { annexTitle: annex.title }),
    departments: annex.departments,
    columns: annex.columns,
    tasks: annex.tasks,
  };
}

function namedPlan(title: string | undefined): string | undefined {
  return tidyTitle(NAMED_PLAN.exec(tidyTitle(title ?? ''))?.[1] ?? '') || undefined;
}
