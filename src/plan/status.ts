import type { Status, Task } from './types.js';

/** A task's status on the as-of date, given its period's first and last day (all YYYY-MM-DD). */
export function taskStatus(task: Pick<Task, 'completed'>, interval: { start: string; end: string }, asOf: string): Status {
  return statusOn(Boolean(task.completed), interval, asOf);
}

/** The status on the as-of date of a task done or not, given its period's first and last day. */
export function statusOn(done: boolean, interval: { start: string; end: string }, asOf: string): Status {
  if (done) return 'done';
  if (interval.end < asOf) return 'overdue';
  if (interval.start > asOf) return 'upcoming';
  return 'current';
}
