import { applyEdits, type TaskEdit } from '../plan/edits.js';
import type { Plan, Task } from '../plan/types.js';
import { taskSource, type TaskSource } from '../plan/view.js';

/**
 * A valid plan as read, whose tasks need not all be parsed: finding a task by id, or the tasks
 * of one period, reads each task's id, period and departments only. The cache of big plans
 * (cache.ts) keeps those apart from the rest of each task for this; a plan parsed from its text
 * has them all at hand anyway (planIndex).
 */
export interface PlanIndex extends TaskSource {
  readonly year: number;
  id(i: number): number;
  /** The index of the first task with this id, or -1. */
  indexOf(id: number): number;
  /** The plan; with `keep`, holding only the tasks it keeps (a way to parse only those; `() => false` for its header). */
  plan(keep?: (i: number) => boolean): Plan;
  /** Where each task's block is in the file's bytes (byte-order mark included), as [start, end) pairs. */
  readonly ranges: ArrayLike<number>;
  /** The index of the plan with these edits made, its blocks now at `ranges`. */
  withEdits(edits: readonly TaskEdit[], ranges: ArrayLike<number>): PlanIndex;
}

/** The index of a plan parsed in full. */
export function planIndex(plan: Plan, ranges: ArrayLike<number>): PlanIndex {
  const { tasks } = plan;
  return {
    ...taskSource(tasks),
    year: plan.year,
    id: (i) => tasks[i]!.id,
    indexOf: (id) => tasks.findIndex((t) => t.id === id),
    plan: (keep) => (keep ? { ...plan, tasks: tasks.filter((_, i) => keep(i)) } : plan),
    ranges,
    withEdits: (edits, next) => planIndex(applyEdits(plan, edits), next),
  };
}

/** Every task id, in annex order. */
export function allIds(index: PlanIndex): number[] {
  return Array.from({ length: index.count }, (_, i) => index.id(i));
}
