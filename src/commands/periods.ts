import type { Context, Output } from '../context.js';
import { m } from '../messages.js';
import { tallyByPeriod } from '../plan/tally.js';
import { taskHeads } from '../plan/view.js';
import { openIndex } from './common.js';
import { tallyOutput, type TallyOptions } from './departments.js';

export async function periods(opts: TallyOptions, ctx: Context): Promise<Output> {
  const { index } = await openIndex(ctx);
  return tallyOutput(tallyByPeriod(taskHeads(index, index.year, ctx.asOf)), 'period', m.columns.period, opts, ctx);
}
