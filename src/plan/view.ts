import { parsePeriod, periodInterval } from './period.js';
import { taskStatus } from './status.js';
import type { Completion, LogEntry, Plan, Status, Task } from './types.js';

/** A task as the commands see it: canonical period, its interval and month range, status on the as-of date. */
export interface TaskView {
  id: number;
  period: string;
  from: number;
  to: number;
  start: string;
  end: string;
  content: string;
  departments: string[];
  status: Status;
  completed: Completion | null;
  log: LogEntry[];
}

/** One task's view; the plan must be valid (its period parses). */
export function viewTask(task: Task, year: number, asOf: string): TaskView {
  const period = parsePeriod(task.period);
  if (!period) throw new Error(`unparseable period in a validated plan: ${task.period}`);
  const interval = periodInterval(period, year);
  return {
    id: task.id,
    period: period.label,
    from: period.from,
    to: period.to,
    start: interval.start,
    end: interval.end,
    content: task.content,
    departments: task.departments,
    status: taskStatus(task, interval, asOf),
    completed: task.completed ?? null,
    log: task.log ?? [],
  };
}

/** Every task of a plan, in annex order. */
export function viewTasks(plan: Plan, asOf: string): TaskView[] {
  return plan.tasks.map((t) => viewTask(t, plan.year, asOf));
}

/** Values that repeat over the tasks: the distinct ones, and each task's index among them. */
export interface Column<T> {
  values: readonly T[];
  of: ArrayLike<number>;
}

/**
 * A plan's tasks in annex order, with what tallies and filters need (period, departments, done
 * or not) as columns apart from the whole task, which a big plan's cache parses only when asked
 * for: over 10,000 tasks, a handful of distinct periods and department lists.
 */
export interface TaskSource {
  readonly count: number;
  /** Each task's period as written. */
  readonly periods: Column<string>;
  /** Each task's departments (arrays shared between tasks: not to be changed). */
  readonly departments: Column<readonly string[]>;
  /** 1 for a task with a completion record, else 0. */
  readonly done: ArrayLike<number>;
  task(i: number): Task;
}

/** The TaskSource of tasks at hand. */
export function taskSource(tasks: readonly Task[]): TaskSource {
  const periods = new Map<string, number>();
  const of = Int32Array.from(tasks, (t) => periods.get(t.period) ?? (periods.set(t.period, periods.size), periods.size - 1));
  return {
    count: tasks.length,
    periods: { values: [...periods.keys()], of },
    departments: { values: tasks.map((t) => t.departments), of: Int32Array.from(tasks, (_, i) => i) },
    done: Uint8Array.from(tasks, (t) => (t.completed ? 1 : 0)),
    task: (i) => tasks[i]!,
  };
}
