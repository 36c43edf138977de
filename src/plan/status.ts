import type { TaskTime } from './task-time.js';
import type { LogEntry, Status, Task } from './types.js';

/**
 * A task's status on the as-of date. Cancelled and done come from its records; otherwise a
 * task is overdue once its time has ended (a recurring one: once an occurrence has ended with no
 * log entry in it), current inside one of its windows, and upcoming before (or between) them.
 */
export function taskStatus(task: Pick<Task, 'completed' | 'cancelled' | 'log'>, time: TaskTime, asOf: string): Status {
  if (task.cancelled) return 'cancelled';
  if (task.completed) return 'done';
  if (time.occurrences) return recurringStatus(task.log ?? [], time, asOf);
  return openStatus(time, asOf);
}

/** The status of a task that is neither done nor cancelled, for times that are not recurring. */
function openStatus(time: Pick<TaskTime, 'windows' | 'end'>, asOf: string): Status {
  if (time.end < asOf) return 'overdue';
  for (const w of time.windows) if (w.start <= asOf && asOf <= w.end) return 'current';
  return 'upcoming';
}

function recurringStatus(log: readonly LogEntry[], time: TaskTime, asOf: string): Status {
  for (const o of time.occurrences!) {
    if (o.end >= asOf) break;
    if (!log.some((e) => e.date >= o.start && e.date <= o.end)) return 'overdue';
  }
  return time.start > asOf ? 'upcoming' : 'current';
}
