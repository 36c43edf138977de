import type { ListFormat } from '../formats.js';
import type { Context, Output } from '../context.js';
import { usageError } from '../errors.js';
import { m } from '../messages.js';
import { selectTasks, type TaskFilter } from '../plan/filter.js';
import { isTime, parseTime } from '../plan/time.js';
import type { Plan, Status } from '../plan/types.js';
import type { TaskView } from '../plan/view.js';
import { taskJson, toJson } from '../render/json.js';
import { renderGrid } from '../render/output.js';
import { listGrid } from '../render/tasks.js';
import { checkDepartment, openPlan } from './common.js';


export interface ListOptions {
  /** A time expression, as typed. */
  period?: string;
  month?: number;
  department?: string;
  status?: Status | 'open';
  format: ListFormat;
}

/** The tasks of a plan that pass the filters, in annex order, with status as of `asOf`. */
export function listTasks(plan: Plan, opts: Omit<ListOptions, 'format'>, asOf: string): TaskView[] {
  const filter: TaskFilter = {
    ...(opts.period !== undefined && { period: periodLabel(plan, opts.period) }),
    ...(opts.month !== undefined && { month: opts.month }),
    ...(opts.department !== undefined && { department: checkDepartment(plan, opts.department) }),
    ...(opts.status !== undefined && { status: opts.status }),
  };
  return selectTasks(plan, filter, asOf);
}

/** What `--period` means in this plan's year (exit 2 when it is not a time of that year). */
function periodLabel(plan: Plan, text: string): string {
  const time = parseTime(text, plan.year, 'period');
  if (!isTime(time)) throw usageError(time.problem === 'otherYear' ? m.periodOtherYear('--period', text, plan.year) : m.badPeriod('--period', text));
  return time.label;
}

export async function list(opts: ListOptions, ctx: Context): Promise<Output> {
  const { plan } = await openPlan(ctx);
  const tasks = listTasks(plan, opts, ctx.asOf);
  if (opts.format === 'json') return { stdout: toJson(tasks.map(taskJson)) };
  if (opts.format === 'table' && tasks.length === 0) return { stdout: `${m.noTasks}\n` };
  const out = await renderGrid(listGrid(tasks), opts.format, ctx, tasks);
  return { stdout: opts.format === 'table' ? `${out}${m.taskCount(tasks.length)}\n` : out };
}
