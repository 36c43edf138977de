import { byPeriod, byUnit, type Tally } from './tally.js';
import type { Completion, LogEntry, Plan, Status } from './types.js';
import { viewTasks, type TaskView } from './view.js';

/** Counts of a group of tasks: how many, done, overdue, cancelled. */
export type Counts = Omit<Tally, 'key'>;

export interface PeriodTally extends Counts {
  /** The canonical period label. */
  period: string;
}

export interface DepartmentTally extends Counts {
  department: string;
  /** The tasks the unit co-operates on (配合), counted apart. */
  support: Counts;
}

/** A task as the summary lists it. */
export type ListedTask = TaskView;

/** A completed task with its completion record. */
export interface CompletedTask {
  task: ListedTask;
  completed: Completion;
}

/** A cancelled task with its cancellation record. */
export interface CancelledTask {
  task: ListedTask;
  cancelled: NonNullable<TaskView['cancelled']>;
}

/** A progress note (`plan log`) of a task. */
export interface ProgressNote {
  task: ListedTask;
  entry: LogEntry;
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
  cancelled: number;
  /** done / (total − cancelled), at most 4 decimals; 0 for a plan without such tasks. */
  completionRate: number;
  /** In annex order of each period's first appearance. */
  byPeriod: PeriodTally[];
  /** In registry order; a task with several departments counts for each. */
  byDepartment: DepartmentTally[];
  /** In annex order. */
  overdueTasks: ListedTask[];
  /** By completion date, then annex order. */
  completions: CompletedTask[];
  /** In annex order. */
  cancellations: CancelledTask[];
  /** Every task's progress notes, by date, then annex order. */
  progress: ProgressNote[];
}

/** The figures of a plan as of a date: status counts, tallies by period and department, overdue, done and cancelled tasks. */
export function summarize(plan: Plan, asOf: string): Summary {
  const tasks = viewTasks(plan, asOf);
  const counts: Record<Status, number> = { done: 0, overdue: 0, current: 0, upcoming: 0, cancelled: 0 };
  const overdueTasks: ListedTask[] = [];
  const completions: CompletedTask[] = [];
  const cancellations: CancelledTask[] = [];
  const progress: ProgressNote[] = [];
  for (const t of tasks) {
    for (const entry of t.log) progress.push({ task: t, entry });
    counts[t.status]++;
    if (t.status === 'overdue') overdueTasks.push(t);
    else if (t.status === 'done') completions.push({ task: t, completed: t.completed! });
    else if (t.status === 'cancelled') cancellations.push({ task: t, cancelled: t.cancelled! });
  }
  const counted = tasks.length - counts.cancelled;
  const units = byUnit(tasks, plan.departments);
  return {
    year: plan.year,
    title: plan.title,
    asOf,
    total: tasks.length,
    ...counts,
    completionRate: counted ? Math.round((counts.done / counted) * 10_000) / 10_000 : 0,
    byPeriod: byPeriod(tasks).map(({ key, ...c }) => ({ period: key, ...c })),
    byDepartment: units.lead.map(({ key, ...c }, i) => ({ department: key, ...c, support: countsOf(units.support[i]!) })),
    overdueTasks,
    completions: completions.sort(byDate((c) => c.completed.date)),
    cancellations,
    progress: progress.sort(byDate((p) => p.entry.date)),
  };
}

/** Compares by a date (stable sort keeps annex order among equal dates). */
function byDate<T>(date: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => (date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : 0);
}

function countsOf({ key: _key, ...counts }: Tally): Counts {
  return counts;
}

/** A whole-number percentage of done in the tasks that count (cancelled ones do not), as displayed beside those counts; 0 when none count. */
export function percent(c: Pick<Counts, 'done' | 'total' | 'cancelled'>): number {
  const counted = c.total - c.cancelled;
  return counted ? Math.round((100 * c.done) / counted) : 0;
}
