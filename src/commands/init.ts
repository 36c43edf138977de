import type { Context, Output } from '../context.js';
import { loadPlan } from '../io/load.js';
import { m } from '../messages.js';
import { rolloverPlan, skeletonPlan } from '../plan/new-plan.js';
import { writeNewPlan } from './new-plan-file.js';

export interface InitOptions {
  from?: string;
  output?: string;
}

/** A new plan for `year`: last year's carried over (--from), else a skeleton that validates. */
export async function init(year: number, opts: InitOptions, _ctx: Context): Promise<Output> {
  const plan = opts.from === undefined ? skeletonPlan(year) : rolloverPlan((await loadPlan(opts.from)).plan, year);
  const written = await writeNewPlan(opts.output, year, plan);
  return opts.from === undefined ? { stdout: `${written.stdout}${m.newPlan.skeletonHint}\n` } : written;
}
