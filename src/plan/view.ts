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
