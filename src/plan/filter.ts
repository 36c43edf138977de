import { parsePeriod } from './period.js';
import type { Period, Plan, Status } from './types.js';
import { viewTask, type TaskSource, type TaskView } from './view.js';

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

/** Whether a task of this period and these departments can pass the filters (its status aside). */
export function mayMatch(f: TaskFilter, period: string, departments: readonly string[]): boolean {
  return periodMayMatch(f, period) && (f.department === undefined || departments.includes(f.department));
}

function periodMayMatch(f: TaskFilter, period: string): boolean {
  if (!f.period && f.month === undefined) return true;
  const p = parsePeriod(period)!;
  if (f.period && p.label !== f.period.label) return false;
  return f.month === undefined || (f.month >= p.from && f.month <= p.to);
}

/** mayMatch for each task of a source, deciding once for each distinct period and department list. */
export function mayMatchTasks(f: TaskFilter, tasks: TaskSource): (i: number) => boolean {
  const { periods, departments } = tasks;
  const periodOk = periods.values.map((p) => periodMayMatch(f, p));
  const departmentsOk = departments.values.map((d) => f.department === undefined || d.includes(f.department));
  return (i) => periodOk[periods.of[i]!]! && departmentsOk[departments.of[i]!]!;
}

/**
 * The views of a plan's tasks that pass every filter. Only the tasks that may pass (mayMatch)
 * get a view: on 10,000 tasks most do not.
 */
export function selectTasks(plan: Plan, f: TaskFilter, asOf: string): TaskView[] {
  const out: TaskView[] = [];
  for (const task of plan.tasks) {
    if (!mayMatch(f, task.period, task.departments)) continue;
    const view = viewTask(task, plan.year, asOf);
    if (matchesFilter(view, f)) out.push(view);
  }
  return out;
}
