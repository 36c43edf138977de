import { taskTime, type TaskTime } from './task-time.js';
import { overlapsMonth } from './time.js';
import type { Status, Task } from './types.js';
import { viewTask, type TaskView } from './view.js';

/** `list` filters; all given ones must match. */
export interface TaskFilter {
  /** A canonical time label: the task's time must mean the same. */
  period?: string;
  month?: number;
  /** A unit that leads or supports the task. */
  department?: string;
  status?: Status | 'open';
}

/** True when a task passes every filter given. */
export function matchesFilter(task: TaskView, f: TaskFilter, year: number): boolean {
  return matchesAsWritten(task, task.time, f, year) && matchesStatus(task.status, f.status);
}

/** The filters a task's time and units decide, before its status is known. */
function matchesAsWritten(task: { readonly departments?: readonly string[]; readonly support?: readonly string[] }, time: TaskTime, f: TaskFilter, year: number): boolean {
  if (f.period !== undefined && time.label !== f.period) return false;
  if (f.month !== undefined && !overlapsMonth(time, year, f.month)) return false;
  const d = f.department;
  return d === undefined || Boolean(task.departments?.includes(d) || task.support?.includes(d));
}

function matchesStatus(status: Status, wanted: TaskFilter['status']): boolean {
  if (wanted === 'open') return status !== 'done' && status !== 'cancelled';
  return wanted === undefined || status === wanted;
}

/** The views of a plan's tasks that pass every filter, in annex order; only tasks whose time and units pass get a view. */
export function selectTasks(plan: { year: number; tasks: readonly Task[] }, f: TaskFilter, asOf: string): TaskView[] {
  const out: TaskView[] = [];
  for (const task of plan.tasks) {
    if (!matchesAsWritten(task, taskTime(task, plan.year), f, plan.year)) continue;
    const view = viewTask(task, plan.year, asOf);
    if (matchesStatus(view.status, f.status)) out.push(view);
  }
  return out;
}
