import type { Context, Output } from '../context.js';
import { m } from '../messages.js';
import { mayMatchTasks, selectTasks, type TaskFilter } from '../plan/filter.js';
import type { Plan } from '../plan/types.js';
import type { TaskView } from '../plan/view.js';
import { taskJson, toJson } from '../render/json.js';
import { renderGrid } from '../render/output.js';
import { taskGrid } from '../render/tasks.js';
import { checkDepartment, openIndex } from './common.js';

export const LIST_FORMATS = ['table', 'json', 'csv', 'tsv', 'markdown'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

export interface ListOptions extends TaskFilter {
  format: ListFormat;
}

/** The tasks of a plan that pass the filters, in annex order, with status as of `asOf`. */
export function listTasks(plan: Plan, filter: TaskFilter, asOf: string): TaskView[] {
  if (filter.department !== undefined) checkDepartment(plan, filter.department);
  return selectTasks(plan, filter, asOf);
}

export async function list(opts: ListOptions, ctx: Context): Promise<Output> {
  const { index } = await openIndex(ctx, { busy: true });
  const filter: TaskFilter = { ...opts, ...(opts.department !== undefined && { department: opts.department.trim() }) };
  // Only the tasks that may pass are parsed (from a big plan's cache entry; a parsed plan has them all).
  const plan = index.plan(mayMatchTasks(filter, index));
  const tasks = listTasks(plan, filter, ctx.asOf);
  if (opts.format === 'json') return { stdout: toJson(tasks.map(taskJson)) };
  if (opts.format === 'table' && tasks.length === 0) return { stdout: `${m.noTasks}\n` };
  const out = await renderGrid(taskGrid(tasks, { withStatus: true }), opts.format, ctx, tasks);
  return { stdout: opts.format === 'table' ? `${out}${m.taskCount(tasks.length)}\n` : out };
}
