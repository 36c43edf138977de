import type { Context, Output } from '../context.js';
import { m } from '../messages.js';
import { tallyTasks, type Tally } from '../plan/tally.js';
import { toJson } from '../render/json.js';
import { renderGrid } from '../render/output.js';
import { openIndex } from './common.js';
import type { ListFormat } from './list.js';
import { writeOutput } from './write-output.js';

export interface TallyOptions {
  format: ListFormat;
  output?: string;
}

export async function departments(opts: TallyOptions, ctx: Context): Promise<Output> {
  const { index } = await openIndex(ctx);
  // The registry is all of the plan it needs besides the tasks' columns.
  const { departments: registry } = index.plan(() => false);
  return tallyOutput(tallyTasks(index, registry, index.year, ctx.asOf).byDepartment, 'department', m.tally.department, opts, ctx);
}

/** Tallies as a table (key column, 任务数, 已完成, 已逾期) or as JSON `[{<key>, total, done, overdue}]`. */
export async function tallyOutput(tallies: readonly Tally[], key: string, keyColumn: string, opts: TallyOptions, ctx: Context): Promise<Output> {
  if (opts.format === 'json') {
    return writeOutput(toJson(tallies.map((t) => ({ [key]: t.key, total: t.total, done: t.done, overdue: t.overdue }))), opts.output, opts.format);
  }
  const grid = {
    columns: [keyColumn, m.tally.total, m.tally.done, m.tally.overdue],
    rows: tallies.map((t) => [t.key, String(t.total), String(t.done), String(t.overdue)]),
    rightAligned: [1, 2, 3],
  };
  const text = await renderGrid(grid, opts.format, { ...ctx, ...(opts.output !== undefined && { stdoutIsTTY: false }) }, []);
  return writeOutput(text, opts.output, opts.format);
}
