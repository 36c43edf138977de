import type { SummaryFormat } from '../formats.js';
import type { Context, Output } from '../context.js';
import { m } from '../messages.js';
import { summarize, type Summary } from '../plan/summary.js';
import { paintFor } from '../render/style.js';
import { openPlan } from './common.js';
import { writeOutput } from './write-output.js';


export interface SummaryOptions {
  format: SummaryFormat;
  output?: string;
  failOnOverdue: boolean;
}

/** The yearly summary as of the as-of date; with --fail-on-overdue, exit 1 (after the output) when any task is overdue. */
export async function summary(opts: SummaryOptions, ctx: Context): Promise<Output> {
  const { plan } = await openPlan(ctx);
  const s = summarize(plan, ctx.asOf);
  // A file gets no colour codes, whatever FORCE_COLOR says.
  const text = await renderSummary(s, opts.format, { ...ctx, ...(opts.output !== undefined && { stdoutIsTTY: false, color: false }) });
  const out = writeOutput(text, opts.output, opts.format);
  if (!opts.failOnOverdue || s.overdue === 0) return out;
  return { ...out, stderr: [m.summary.failOnOverdue(s.overdue)], exitCode: 1 };
}
/** The summary in a format, loading only that format's renderer. */
export async function renderSummary(s: Summary, format: SummaryFormat, ctx: Context): Promise<string> {
  switch (format) {
    case 'text': {
      const [{ renderSummaryText }, style] = await Promise.all([import('../render/summary-text.js'), paintFor(ctx)]);
      return await renderSummaryText(s, { style, ...(ctx.stdoutIsTTY && ctx.columns && { maxWidth: ctx.columns }) });
    }
    case 'markdown':
      return (await import('../render/summary-markdown.js')).renderSummaryMarkdown(s);
    case 'json': {
      const [{ summaryJson }, { toJson }] = await Promise.all([import('../render/summary-json.js'), import('../render/json.js')]);
      return toJson(summaryJson(s));
    }
    case 'html':
      return (await import('../render/summary-html.js')).renderSummaryHtml(s, ctx.lang === 'en' ? 'en' : 'zh-CN');
  }
}
