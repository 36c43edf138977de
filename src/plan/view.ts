import { parsePeriod, periodInterval } from './period.js';
import { statusOn, taskStatus } from './status.js';
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

/**
 * A plan's tasks read by their index in annex order: what tallies need (period, departments,
 * done or not) apart from the whole task, which a big plan's cache parses only when asked for.
 */
export interface TaskSource {
  readonly count: number;
  period(i: number): string;
  /** Shared with other tasks: not to be changed. */
  departments(i: number): readonly string[];
  /** Whether the task has a completion record. */
  done(i: number): boolean;
  task(i: number): Task;
}

/** The TaskSource of tasks at hand. */
export function taskSource(tasks: readonly Task[]): TaskSource {
  return {
    count: tasks.length,
    period: (i) => tasks[i]!.period,
    departments: (i) => tasks[i]!.departments,
    done: (i) => tasks[i]!.completed !== undefined,
    task: (i) => tasks[i]!,
  };
}

/**
 * What tallies count of each task, in annex order: its canonical period, its departments and
 * its status, as columns (10,000 tasks make no objects).
 */
export interface TaskHeads {
  period: string[];
  departments: (readonly string[])[];
  status: Status[];
}

/** The heads of a source's tasks, without reading the rest of them. */
export function taskHeads(tasks: TaskSource, year: number, asOf: string): TaskHeads {
  const heads: TaskHeads = { period: [], departments: [], status: [] };
  for (let i = 0; i < tasks.count; i++) {
    const period = parsePeriod(tasks.period(i));
    if (!period) throw new Error(`unparseable period in a validated plan: ${tasks.period(i)}`);
    heads.period.push(period.label);
    heads.departments.push(tasks.departments(i));
    heads.status.push(statusOn(tasks.done(i), periodInterval(period, year), asOf));
  }
  return heads;
}
