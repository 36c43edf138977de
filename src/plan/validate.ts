import { TIME_FIELDS, UNIT_FIELDS } from './fields.js';
import { isRealDate } from './dates.js';
import { parsePeriod } from './period.js';
import { suggest } from './suggest.js';
import { isTime, parseTime } from './time.js';

export type Path = (string | number)[];

/**
 * A problem at a place in the plan's data, as data: `code` names the message and `args` fill it
 * (after the place) at the edge, in the user's language; `atKey` points at the key rather than
 * its value.
 */
export interface Problem {
  path: Path;
  code: ProblemCode;
  args: readonly unknown[];
  atKey?: boolean;
}

export type ProblemCode =
  | 'notADate'
  | 'duplicateId'
  | 'unknownDepartmentInPlan'
  | 'badPeriodInPlan'
  | 'badTimeInPlan'
  | 'otherYearInPlan'
  | 'noTime'
  | 'doneAndCancelled'
  | 'unknownField'
  | 'duplicateColumn'
  | 'noContentColumn'
  | 'reservedTitle'
  // from the schema check (src/io/schema-problems.ts)
  | 'wrongType'
  | 'missingKey'
  | 'unknownKey'
  | 'tooSmall'
  | 'tooLarge'
  | 'emptyText'
  | 'emptyList'
  | 'duplicateItem'
  | 'wrongValue'
  | 'schemaOther';

const MAX_HINTS = 20;

/** Names that are an object's machinery in JavaScript: not a title an extra column may have (prototype pollution). */
const RESERVED_TITLES = new Set(['__proto__', 'constructor', 'prototype']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The checks a JSON Schema cannot express: unique ids, units in the registry, times that parse
 * in the plan year, real calendar dates, fields that name a column. Defensive about shape, so
 * it can run beside the schema check.
 */
export function semanticProblems(data: unknown): Problem[] {
  const problems: Problem[] = [];
  if (!isObject(data)) return problems;
  const add = (path: Path, code: ProblemCode, ...args: unknown[]) => problems.push({ path, code, args });
  const date = (v: unknown, ...path: Path) => {
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !isRealDate(v)) add(path, 'notADate', v);
  };
  date(data.issued, 'issued');
  date(data.printed, 'printed');
  const v2 = data.schemaVersion === 2;
  const year = typeof data.year === 'number' ? data.year : undefined;
  const registry = Array.isArray(data.departments) ? data.departments.filter((d): d is string => typeof d === 'string') : undefined;
  const registered = new Set(registry);
  const extraColumns = v2 ? columnProblems(data.columns, add) : new Set<string>();
  // "Did you mean" for the first few unknown departments only: each one compares with the whole registry.
  let hints = MAX_HINTS;
  if (!Array.isArray(data.tasks)) return problems;
  const firstWithId = new Map<number, number>();
  // Paths are made only for a problem: this runs over every task of every plan read.
  const tasks = data.tasks;
  for (let i = 0; i < tasks.length; i++) {
    const task: unknown = tasks[i];
    if (!isObject(task)) continue;
    if (typeof task.id === 'number') {
      const first = firstWithId.get(task.id);
      if (first === undefined) firstWithId.set(task.id, i);
      else add(['tasks', i, 'id'], 'duplicateId', task.id, ['tasks', first]);
    }
    for (let k = 0; k < TIME_FIELDS.length; k++) {
      const key = TIME_FIELDS[k]!;
      const text = task[key];
      if (typeof text !== 'string' || !/\S/.test(text)) continue;
      if (!v2) {
        if (!parsePeriod(text)) add(['tasks', i, key], 'badPeriodInPlan', text);
      } else if (year !== undefined) {
        const time = parseTime(text, year, key);
        if (!isTime(time)) add(['tasks', i, key], time.problem === 'otherYear' ? 'otherYearInPlan' : 'badTimeInPlan', text, time.problem === 'otherYear' ? time.year : year, year);
      }
    }
    if (v2 && task.period === undefined && task.due === undefined) add(['tasks', i], 'noTime');
    if (registry) {
      for (let k = 0; k < UNIT_FIELDS.length; k++) {
        const key = UNIT_FIELDS[k]!;
        const units = task[key];
        if (!Array.isArray(units)) continue;
        for (let j = 0; j < units.length; j++) {
          const d: unknown = units[j];
          if (typeof d !== 'string' || !d || registered.has(d)) continue;
          add(['tasks', i, key, j], 'unknownDepartmentInPlan', d, registry, hints-- > 0 ? suggest(d, registry) : undefined);
        }
      }
    }
    if (v2 && isObject(task.fields)) {
      for (const title of Object.keys(task.fields)) {
        const path = ['tasks', i, 'fields', title];
        if (RESERVED_TITLES.has(title)) problems.push({ path, code: 'reservedTitle', args: [title], atKey: true });
        else if (!extraColumns.has(title)) problems.push({ path, code: 'unknownField', args: [title, [...extraColumns]], atKey: true });
      }
    }
    if (isObject(task.completed)) date(task.completed.date, 'tasks', i, 'completed', 'date');
    if (isObject(task.cancelled)) {
      date(task.cancelled.date, 'tasks', i, 'cancelled', 'date');
      if (task.completed !== undefined) add(['tasks', i, 'cancelled'], 'doneAndCancelled');
    }
    if (Array.isArray(task.log)) task.log.forEach((entry, j) => isObject(entry) && date(entry.date, 'tasks', i, 'log', j, 'date'));
  }
  return problems;
}

/** Problems of a plan's `columns` (each title and key once, a content column); the titles of its extra fields. */
function columnProblems(columns: unknown, add: (path: Path, code: ProblemCode, ...args: unknown[]) => void): Set<string> {
  const extra = new Set<string>();
  if (!Array.isArray(columns)) return extra;
  const titles = new Set<string>();
  const keys = new Set<string>();
  columns.forEach((c, i) => {
    if (!isObject(c) || typeof c.title !== 'string') return;
    if (RESERVED_TITLES.has(c.title)) add(['columns', i, 'title'], 'reservedTitle', c.title);
    if (titles.has(c.title)) add(['columns', i, 'title'], 'duplicateColumn', c.title);
    titles.add(c.title);
    if (typeof c.key === 'string') {
      if (keys.has(c.key)) add(['columns', i, 'key'], 'duplicateColumn', c.key);
      keys.add(c.key);
    } else if (c.key === undefined) extra.add(c.title);
  });
  if (columns.length && !keys.has('content')) add(['columns'], 'noContentColumn');
  return extra;
}
