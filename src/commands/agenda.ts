import type { AgendaFormat } from '../formats.js';
import type { Context, Output } from '../context.js';
import { usageError } from '../errors.js';
import { m } from '../messages.js';
import { agenda as makeAgenda, DEFAULT_DAYS, MAX_DAYS } from '../plan/agenda.js';
import { agendaJson, renderAgendaMarkdown, renderAgendaTable } from '../render/agenda.js';
import { toJson } from '../render/json.js';
import { paintFor } from '../render/style.js';
import { checkDepartment, openPlan } from './common.js';

export interface AgendaOptions {
  /** `--days` as typed (checked by parseDaysArg), or a number of days; default DEFAULT_DAYS. */
  days?: string | number;
  department?: string;
  format: AgendaFormat;
}

/** What needs attention on the as-of day: overdue, current, upcoming (within --days), recurring and quiet 全年/长期 tasks. */
export async function agenda(opts: AgendaOptions, ctx: Context): Promise<Output> {
  const days = typeof opts.days === 'string' ? parseDaysArg(opts.days) : (opts.days ?? DEFAULT_DAYS);
  const { plan } = await openPlan(ctx);
  const a = makeAgenda(plan, ctx.asOf, { days, ...(opts.department !== undefined && { department: checkDepartment(plan, opts.department) }) });
  switch (opts.format) {
    case 'json':
      return { stdout: toJson(agendaJson(a)) };
    case 'markdown':
      return { stdout: renderAgendaMarkdown(a) };
    case 'table':
      return { stdout: await renderAgendaTable(a, { style: await paintFor(ctx), ...(ctx.stdoutIsTTY && ctx.columns && { maxWidth: ctx.columns }) }) };
  }
}

/**
 * `--days`: a whole number from 0 to MAX_DAYS, else a usage error (exit 2), as src/args.ts's
 * parsers do. It lives here, not in args.ts, so that only `plan agenda` loads it.
 */
export function parseDaysArg(v: string): number {
  const s = v.trim();
  if (!/^\d{1,3}$/.test(s) || Number(s) > MAX_DAYS) throw usageError(m.agenda.badDays('--days', v));
  return Number(s);
}
