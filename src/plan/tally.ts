import { parsePeriod, periodInterval } from './period.js';
import { statusOn } from './status.js';
import type { Status } from './types.js';
import type { TaskSource } from './view.js';

/** How many tasks a group has, how many are done and how many overdue. */
export interface Tally {
  key: string;
  total: number;
  done: number;
  overdue: number;
}

/** Each task's status, and the tasks tallied by canonical period and by department. */
export interface TaskTallies {
  /** Each task's status on the as-of date, in annex order. */
  status: Status[];
  /** Per canonical period, in annex order of first appearance. */
  byPeriod: Tally[];
  /** Per department of the registry, in its order (zero for one without tasks); a task counts for each of its departments. */
  byDepartment: Tally[];
}

/**
 * A source's tasks tallied as of a date. Each distinct period is read once, and tasks are counted
 * per distinct period and department list (a handful over 10,000 tasks in a big plan's cache)
 * before those counts go to the periods' labels and the departments.
 */
export function tallyTasks(tasks: TaskSource, registry: readonly string[], year: number, asOf: string): TaskTallies {
  const { periods, departments, done } = tasks;
  const kinds = periods.values.map((written) => {
    const period = parsePeriod(written);
    if (!period) throw new Error(`unparseable period in a validated plan: ${written}`);
    return { label: period.label, open: statusOn(false, periodInterval(period, year), asOf), first: -1 };
  });
  // Tasks, done, overdue: per distinct period, per distinct department list.
  const perKind = new Int32Array(3 * kinds.length);
  const perList = new Int32Array(3 * departments.values.length);
  const status = new Array<Status>(tasks.count);
  for (let i = 0; i < tasks.count; i++) {
    const k = periods.of[i]!;
    const d = departments.of[i]!;
    const kind = kinds[k]!;
    if (kind.first < 0) kind.first = i;
    const s = done[i] ? 'done' : kind.open;
    status[i] = s;
    const column = s === 'done' ? 1 : s === 'overdue' ? 2 : 0;
    perKind[3 * k]! += 1;
    perList[3 * d]! += 1;
    if (column) {
      perKind[3 * k + column]! += 1;
      perList[3 * d + column]! += 1;
    }
  }
  const add = (tally: Tally, counts: Int32Array, group: number) => {
    tally.total += counts[3 * group]!;
    tally.done += counts[3 * group + 1]!;
    tally.overdue += counts[3 * group + 2]!;
  };
  const byPeriod = new Map<string, Tally>();
  const used = kinds.map((kind, k) => ({ ...kind, k })).filter((kind) => kind.first >= 0);
  for (const kind of used.sort((a, b) => a.first - b.first)) {
    if (!byPeriod.has(kind.label)) byPeriod.set(kind.label, { key: kind.label, total: 0, done: 0, overdue: 0 });
    add(byPeriod.get(kind.label)!, perKind, kind.k);
  }
  const byDepartment = new Map(registry.map((key) => [key, { key, total: 0, done: 0, overdue: 0 }]));
  departments.values.forEach((list, d) => {
    for (const name of list) {
      const tally = byDepartment.get(name);
      if (tally) add(tally, perList, d);
    }
  });
  return { status, byPeriod: [...byPeriod.values()], byDepartment: [...byDepartment.values()] };
}
