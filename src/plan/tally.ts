import type { Plan } from './types.js';
import type { TaskHead } from './view.js';

/** How many tasks a group has, how many are done and how many overdue. */
export interface Tally {
  key: string;
  total: number;
  done: number;
  overdue: number;
}

/** A tally per key, in the order of `keys` (a key without tasks counts zero); a task counts for each key it has. */
export function tallyBy(tasks: readonly TaskHead[], keys: readonly string[], keysOf: (t: TaskHead) => readonly string[]): Tally[] {
  const tallies = new Map(keys.map((key) => [key, { key, total: 0, done: 0, overdue: 0 }]));
  for (const t of tasks) {
    for (const key of keysOf(t)) {
      const tally = tallies.get(key);
      if (!tally) continue;
      tally.total++;
      if (t.status === 'done') tally.done++;
      if (t.status === 'overdue') tally.overdue++;
    }
  }
  return [...tallies.values()];
}

/** Per department, in registry order. */
export function tallyByDepartment(plan: Pick<Plan, 'departments'>, tasks: readonly TaskHead[]): Tally[] {
  return tallyBy(tasks, plan.departments, (t) => t.departments);
}

/** Per canonical period, in annex order of first appearance. */
export function tallyByPeriod(tasks: readonly TaskHead[]): Tally[] {
  return tallyBy(tasks, [...new Set(tasks.map((t) => t.period))], (t) => [t.period]);
}
