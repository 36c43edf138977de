import type { Context, Output } from '../context.js';
import { byPeriod } from '../plan/tally.js';
import { viewTasks } from '../plan/view.js';
import { columnTitle } from '../render/tasks.js';
import { openPlan } from './common.js';
import { tallyOutput, type TallyOptions } from './departments.js';

/** Tasks per canonical period, in annex order of first appearance. */
export async function periods(opts: TallyOptions, ctx: Context): Promise<Output> {
  const { plan } = await openPlan(ctx);
  return tallyOutput(byPeriod(viewTasks(plan, ctx.asOf)), 'period', columnTitle('period'), opts, ctx);
}
