import { tallyTasks } from './tally.js';
import type { Completion, Plan } from './types.js';
import { taskSource, viewTask, type TaskSource, type TaskView } from './view.js';

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

/** A completed task with its completion record. */
export interface CompletedTask {
  task: TaskView;
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
  overdueTasks: TaskView[];
  /** By completion date, then annex order. */
  completions: CompletedTask[];
}

/** The figures of a plan as of a date: status counts, tallies by period and department, overdue tasks, completions. */
export function summarize(plan: Plan, asOf: string): Summary {
  return summarizeTasks(plan, taskSource(plan.tasks), asOf);
}

/** summarize, reading in full only the tasks it lists (the overdue and the done). */
export function summarizeTasks(plan: Pick<Plan, 'year' | 'title' | 'departments'>, source: TaskSource, asOf: string): Summary {
  const tallies = tallyTasks(source, plan.departments, plan.year, asOf);
  const counts: Record<TaskView['status'], number> = { done: 0, overdue: 0, current: 0, upcoming: 0 };
  const listed: TaskView[] = [];
  tallies.status.forEach((status, i) => {
    counts[status]++;
    if (status === 'overdue' || status === 'done') listed.push(viewTask(source.task(i), plan.year, asOf));
  });
  const { done } = counts;
  const total = tallies.status.length;
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
    byPeriod: tallies.byPeriod.map(({ key, ...tally }) => ({ period: key, ...tally })),
    byDepartment: tallies.byDepartment.map(({ key, ...tally }) => ({ department: key, ...tally })),
    overdueTasks: listed.filter((t) => t.status === 'overdue'),
    completions: listed
      .flatMap((task) => (task.completed ? [{ task, completed: task.completed }] : []))
      .sort((a, b) => (a.completed.date < b.completed.date ? -1 : a.completed.date > b.completed.date ? 1 : 0)),
  };
}

/** A whole-number percentage of done in total, as displayed beside those counts; 0 when total is 0. */
export function percent(done: number, total: number): number {
  return total ? Math.round((100 * done) / total) : 0;
}
