import type { Context, Output } from '../context.js';
import { m } from '../messages.js';
import { tallyTasks } from '../plan/tally.js';
import { openIndex } from './common.js';
import { tallyOutput, type TallyOptions } from './departments.js';

export async function periods(opts: TallyOptions, ctx: Context): Promise<Output> {
  const { index } = await openIndex(ctx);
  return tallyOutput(tallyTasks(index, [], index.year, ctx.asOf).byPeriod, 'period', m.columns.period, opts, ctx);
}
