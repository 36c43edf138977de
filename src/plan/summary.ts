import { parsePeriod } from './period.js';
import { tallyTasks } from './tally.js';
import type { Completion, Plan } from './types.js';
import { taskSource, type TaskSource, type TaskView } from './view.js';

/** How many tasks a group has, and how many of them are done and overdue. */
export interface Tally {
  total: number;
  done: number;
  overdue: number;
}

export interface PeriodTally extends Tally {
  /** The canonical period label. */
  period: string;
}

export interface DepartmentTally extends Tally {
  department: string;
}

/** A task as the summary lists it, as the annex shows it: its period in canonical form. */
export type ListedTask = Pick<TaskView, 'id' | 'period' | 'content' | 'departments'>;

/** A completed task with its completion record. */
export interface CompletedTask {
  task: ListedTask;
  completed: Completion;
}

/** The yearly summary of a plan as of a date. */
export interface Summary {
  year: number;
  title: string;
  asOf: string;
  total: number;
  done: number;
  overdue: number;
  current: number;
  upcoming: number;
  /** done / total, at most 4 decimals; 0 for a plan without tasks. */
  completionRate: number;
  /** In annex order of each period's first appearance. */
  byPeriod: PeriodTally[];
  /** In registry order; a task with several departments counts for each. */
  byDepartment: DepartmentTally[];
  /** In annex order. */
  overdueTasks: ListedTask[];
  /** By completion date, then annex order. */
  completions: CompletedTask[];
}

/** The figures of a plan as of a date: status counts, tallies by period and department, overdue tasks, completions. */
export function summarize(plan: Plan, asOf: string): Summary {
  return summarizeTasks(plan, taskSource(plan.tasks), asOf);
}

/** summarize, reading in full only the tasks it lists (the overdue and the done). */
export function summarizeTasks(plan: Pick<Plan, 'year' | 'title' | 'departments'>, source: TaskSource, asOf: string): Summary {
  const { status, byPeriod, byDepartment } = tallyTasks(source, plan.departments, plan.year, asOf);
  const labels = source.periods.values.map((written) => parsePeriod(written)!.label); // tallyTasks parsed them all
  const counts: Record<TaskView['status'], number> = { done: 0, overdue: 0, current: 0, upcoming: 0 };
  const overdueTasks: ListedTask[] = [];
  const completions: CompletedTask[] = [];
  for (let i = 0; i < status.length; i++) {
    const s = status[i]!;
    counts[s]++;
    if (s !== 'overdue' && s !== 'done') continue;
    // A task is listed as it is read, but for a period not written in canonical form.
    const task = source.task(i);
    const label = labels[source.periods.of[i]!]!;
    const listed = task.period === label ? task : { ...task, period: label };
    if (s === 'overdue') overdueTasks.push(listed);
    else completions.push({ task: listed, completed: task.completed! });
  }
  const { done } = counts;
  const total = status.length;
  return {
    year: plan.year,
    title: plan.title,
    asOf,
    total,
    done,
    overdue: counts.overdue,
    current: counts.current,
    upcoming: counts.upcoming,
    completionRate: total ? Math.round((done / total) * 10_000) / 10_000 : 0,
    byPeriod: byPeriod.map(({ key, ...tally }) => ({ period: key, ...tally })),
    byDepartment: byDepartment.map(({ key, ...tally }) => ({ department: key, ...tally })),
    overdueTasks,
    completions: completions.sort((a, b) => (a.completed.date < b.completed.date ? -1 : a.completed.date > b.completed.date ? 1 : 0)),
  };
}

/** A whole-number percentage of done in total, as displayed beside those counts; 0 when total is 0. */
export function percent(done: number, total: number): number {
  return total ? Math.round((100 * done) / total) : 0;
}
