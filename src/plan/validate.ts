import { m } from '../messages.js';
import { isRealDate } from './dates.js';
import { parsePeriod } from './period.js';
import { suggest } from './suggest.js';

/** A problem at a place in the plan's data; `atKey` points at the key rather than its value. */
export interface Problem {
  path: (string | number)[];
  message: string;
  atKey?: boolean;
}

/** `tasks[6].period` for ['tasks', 6, 'period']. */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return m.root;
  return path.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? seg : `.${seg}`)).join('');
}

const MAX_HINTS = 20;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The checks a JSON Schema cannot express: unique ids, departments in the registry, parseable
 * periods, real calendar dates. Defensive about shape, so it can run beside the schema check.
 */
export function semanticProblems(data: unknown): Problem[] {
  const problems: Problem[] = [];
  if (!isObject(data)) return problems;
  const date = (path: (string | number)[], v: unknown) => {
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !isRealDate(v)) problems.push({ path, message: m.notADate(formatPath(path), v) });
  };
  date(['issued'], data.issued);
  date(['printed'], data.printed);
  const registry = Array.isArray(data.departments) ? data.departments.filter((d): d is string => typeof d === 'string') : undefined;
  const registered = new Set(registry);
  // "Did you mean" for the first few unknown departments only: each one compares with the whole registry.
  let hints = MAX_HINTS;
  if (!Array.isArray(data.tasks)) return problems;
  const firstWithId = new Map<number, number>();
  data.tasks.forEach((task, i) => {
    if (!isObject(task)) return;
    const at = (...rest: (string | number)[]) => ['tasks', i, ...rest];
    if (typeof task.id === 'number') {
      const first = firstWithId.get(task.id);
      if (first === undefined) firstWithId.set(task.id, i);
      else problems.push({ path: at('id'), message: m.duplicateId(formatPath(at('id')), task.id, formatPath(['tasks', first])) });
    }
    if (typeof task.period === 'string' && task.period.trim() && !parsePeriod(task.period)) {
      problems.push({ path: at('period'), message: m.badPeriodInPlan(formatPath(at('period')), task.period) });
    }
    if (registry && Array.isArray(task.departments)) {
      task.departments.forEach((d, j) => {
        if (typeof d !== 'string' || !d || registered.has(d)) return;
        const hint = hints-- > 0 ? suggest(d, registry) : undefined;
        const path = at('departments', j);
        problems.push({ path, message: m.unknownDepartmentInPlan(formatPath(path), d, registry, hint ? m.didYouMean(hint) : '') });
      });
    }
    if (isObject(task.completed)) date(at('completed', 'date'), task.completed.date);
    if (Array.isArray(task.log)) task.log.forEach((entry, j) => isObject(entry) && date(at('log', j, 'date'), entry.date));
  });
  return problems;
}
