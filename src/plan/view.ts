import { taskTime, type TaskTime } from './task-time.js';
import { taskStatus } from './status.js';
import type { Cancellation, Completion, LogEntry, Plan, Status, Task } from './types.js';

/** A task as the commands see it: what it holds, its time's meaning, its status on the as-of date. */
export interface TaskView {
  id: number;
  /** The canonical label of the task's time (its period, else its due). */
  period: string;
  /** The first day of its time, and its deadline or last day. */
  start: string;
  end: string;
  /** The time as written in the file: period and due. */
  written: { period?: string; due?: string };
  time: TaskTime;
  content: string;
  departments: readonly string[];
  support: readonly string[];
  owners: readonly string[];
  group: string | null;
  fields: Readonly<Record<string, string>>;
  status: Status;
  completed: Completion | null;
  cancelled: Cancellation | null;
  log: readonly LogEntry[];
}

const NONE: readonly string[] = Object.freeze([]);
const NO_LOG: readonly LogEntry[] = Object.freeze([]);
const NO_FIELDS: Readonly<Record<string, string>> = Object.freeze({});

/** One task's view; the plan must be valid (its times parse). */
export function viewTask(task: Task, year: number, asOf: string): TaskView {
  const time = taskTime(task, year);
  return {
    id: task.id,
    period: time.label,
    start: time.start,
    end: time.end,
    written: { ...(task.period !== undefined && { period: task.period }), ...(task.due !== undefined && { due: task.due }) },
    time,
    content: task.content,
    departments: task.departments ?? NONE,
    support: task.support ?? NONE,
    owners: task.owners ?? NONE,
    group: task.group ?? null,
    fields: task.fields ?? NO_FIELDS,
    status: taskStatus(task, time, asOf),
    completed: task.completed ?? null,
    cancelled: task.cancelled ?? null,
    log: task.log ?? NO_LOG,
  };
}

/** Every task of a plan, in annex order. */
export function viewTasks(plan: Plan, asOf: string): TaskView[] {
  return plan.tasks.map((t) => viewTask(t, plan.year, asOf));
}
