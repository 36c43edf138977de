import type { Context, Output } from '../context.js';
import { m } from '../messages.js';
import { byUnit, type Tally } from '../plan/tally.js';
import { viewTasks } from '../plan/view.js';
import { toJson } from '../render/json.js';
import { renderGrid } from '../render/output.js';
import { openPlan } from './common.js';
import type { ListFormat } from '../formats.js';
import { writeOutput } from './write-output.js';

export interface TallyOptions {
  format: ListFormat;
  output?: string;
}

/** Tasks per unit of the registry: as lead (responsible) unit, and apart, as co-operating unit. */
export async function departments(opts: TallyOptions, ctx: Context): Promise<Output> {
  const { plan } = await openPlan(ctx);
  const { lead, support } = byUnit(viewTasks(plan, ctx.asOf), plan.departments);
  const withSupport = support.some((t) => t.total > 0);
  if (opts.format === 'json') {
    const rows = lead.map((t, i) => ({ ...tallyJson('department', t), support: countsJson(support[i]!) }));
    return writeOutput(toJson(rows), opts.output, opts.format);
  }
  const s = m.tally;
  const grid = {
    columns: [s.department, withSupport ? s.leadTotal : s.total, s.done, s.overdue, ...(withSupport ? [s.supportTotal, s.supportDone, s.supportOverdue] : [])],
    rows: lead.map((t, i) => [...tallyCells(t), ...(withSupport ? tallyCells(support[i]!).slice(1) : [])]),
    rightAligned: withSupport ? [1, 2, 3, 4, 5, 6] : [1, 2, 3],
  };
  return tallyGridOutput(grid, opts, ctx);
}

/** A tally as JSON: `{<key>: name, total, done, overdue, cancelled}`. */
export function tallyJson(key: string, t: Tally) {
  return { [key]: t.key, ...countsJson(t) };
}

const countsJson = (t: Tally) => ({ total: t.total, done: t.done, overdue: t.overdue, cancelled: t.cancelled });
const tallyCells = (t: Tally) => [t.key, String(t.total), String(t.done), String(t.overdue)];

/** Tallies as a table (key column, 任务数, 已完成, 已逾期) or as JSON `[{<key>, total, done, overdue, cancelled}]`. */
export async function tallyOutput(tallies: readonly Tally[], key: string, keyColumn: string, opts: TallyOptions, ctx: Context): Promise<Output> {
  if (opts.format === 'json') return writeOutput(toJson(tallies.map((t) => tallyJson(key, t))), opts.output, opts.format);
  const grid = { columns: [keyColumn, m.tally.total, m.tally.done, m.tally.overdue], rows: tallies.map(tallyCells), rightAligned: [1, 2, 3] };
  return tallyGridOutput(grid, opts, ctx);
}

async function tallyGridOutput(grid: { columns: string[]; rows: string[][]; rightAligned: number[] }, opts: TallyOptions, ctx: Context): Promise<Output> {
  const text = await renderGrid(grid, opts.format === 'json' ? 'table' : opts.format, { ...ctx, ...(opts.output !== undefined && { stdoutIsTTY: false }) }, []);
  return writeOutput(text, opts.output, opts.format);
}
