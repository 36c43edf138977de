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
  if (f.period !== undefined && task.period !== f.period) return false;
  if (f.month !== undefined && !overlapsMonth(task, year, f.month)) return false;
  if (f.department !== undefined && !task.departments.includes(f.department) && !task.support.includes(f.department)) return false;
  if (f.status === 'open') return task.status !== 'done' && task.status !== 'cancelled';
  if (f.status !== undefined && task.status !== f.status) return false;
  return true;
}

/** Whether one of the task's windows overlaps month m of the year. */
function overlapsMonth(task: TaskView, year: number, month: number): boolean {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const last = `${year}-${String(month).padStart(2, '0')}-31`;
  return task.time.windows.some((w) => w.start <= last && w.end >= first);
}

/** The views of a plan's tasks that pass every filter, in annex order. */
export function selectTasks(plan: { year: number; tasks: readonly Task[] }, f: TaskFilter, asOf: string): TaskView[] {
  const out: TaskView[] = [];
  for (const task of plan.tasks) {
    const view = viewTask(task, plan.year, asOf);
    if (matchesFilter(view, f, plan.year)) out.push(view);
  }
  return out;
}
