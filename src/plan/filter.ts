import type { Period, Status } from './types.js';
import type { TaskView } from './view.js';

/** `list` filters; all given ones must match. */
export interface TaskFilter {
  period?: Period;
  month?: number;
  department?: string;
  status?: Status | 'open';
}

/** True when a task passes every filter given. */
export function matchesFilter(task: TaskView, f: TaskFilter): boolean {
  if (f.period && task.period !== f.period.label) return false;
  if (f.month !== undefined && (f.month < task.from || f.month > task.to)) return false;
  if (f.department !== undefined && !task.departments.includes(f.department)) return false;
  if (f.status === 'open') return task.status !== 'done';
  if (f.status !== undefined && task.status !== f.status) return false;
  return true;
}

/** The tasks passing every filter, in their original order. */
export function filterTasks(tasks: readonly TaskView[], f: TaskFilter): TaskView[] {
  return tasks.filter((t) => matchesFilter(t, f));
}
