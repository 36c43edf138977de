import type { Plan, Status } from './types.js';
import type { TaskHeads } from './view.js';

/** How many tasks a group has, how many are done and how many overdue. */
export interface Tally {
  key: string;
  total: number;
  done: number;
  overdue: number;
}

/** A tally per key, in the order of `keys` (a key without tasks counts zero); a task counts for each key it has. */
export function tallyBy(heads: TaskHeads, keys: readonly string[], keysOf: (i: number) => string | readonly string[]): Tally[] {
  const tallies = new Map(keys.map((key) => [key, { key, total: 0, done: 0, overdue: 0 }]));
  const count = (key: string, status: Status) => {
    const tally = tallies.get(key);
    if (!tally) return;
    tally.total++;
    if (status === 'done') tally.done++;
    if (status === 'overdue') tally.overdue++;
  };
  for (let i = 0; i < heads.status.length; i++) {
    const k = keysOf(i);
    if (typeof k === 'string') count(k, heads.status[i]!);
    else for (const key of k) count(key, heads.status[i]!);
  }
  return [...tallies.values()];
}

/** Per department, in registry order. */
export function tallyByDepartment(plan: Pick<Plan, 'departments'>, heads: TaskHeads): Tally[] {
  return tallyBy(heads, plan.departments, (i) => heads.departments[i]!);
}

/** Per canonical period, in annex order of first appearance. */
export function tallyByPeriod(heads: TaskHeads): Tally[] {
  return tallyBy(heads, [...new Set(heads.period)], (i) => heads.period[i]!);
}
