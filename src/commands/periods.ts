import type { Context, Output } from '../context.js';
import { m } from '../messages.js';
import { tallyByPeriod } from '../plan/tally.js';
import { viewTasks } from '../plan/view.js';
import { openPlan } from './common.js';
import { tallyOutput, type TallyOptions } from './departments.js';

export async function periods(opts: TallyOptions, ctx: Context): Promise<Output> {
  const { plan } = await openPlan(ctx);
  return tallyOutput(tallyByPeriod(viewTasks(plan, ctx.asOf)), 'period', m.columns.period, opts, ctx);
}
