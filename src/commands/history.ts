import type { Context, Output } from '../context.js';
import { PlanError, usageError } from '../errors.js';
import type { HistoryFormat } from '../formats.js';
import { fileVersions } from '../io/git-history.js';
import { readPlanVersions } from '../io/plan-versions.js';
import { m } from '../messages.js';
import { planHistory, type Version } from '../plan/history.js';
import { historyJson, renderHistoryMarkdown, renderHistoryTable, type HistoryView } from '../render/history.js';
import { toJson } from '../render/json.js';
import { paintFor } from '../render/style.js';
import { planFile } from './common.js';

export interface HistoryOptions {
  /** `--limit` as typed (checked by parseLimitArg), or a count. */
  limit?: string | number;
  format: HistoryFormat;
}

/**
 * The changes to a task (or to the whole plan) from the plan file's git history: every committed
 * version read and compared with the one before, then the working copy's uncommitted changes.
 * The file as it is now need not be valid: a version that is not is passed over.
 */
export async function history(id: number | undefined, opts: HistoryOptions, ctx: Context): Promise<Output> {
  const limit = typeof opts.limit === 'string' ? parseLimitArg(opts.limit) : opts.limit;
  const file = planFile(ctx);
  const found = await fileVersions(file, { cwd: ctx.cwd, env: ctx.env });
  const plans = await readPlanVersions(file, found.map((v) => ({ key: v.blob, text: v.text })));
  const versions: Version[] = found.map((v, i) => ({ commit: v.commit, parents: v.parents, ...(plans[i] && { plan: plans[i] }) }));
  const all = planHistory(versions, id);
  const entries = limit === undefined ? all : all.slice(-limit);
  const latest = versions.findLast((v) => v.plan)?.plan;
  let heading: string;
  if (id === undefined) {
    heading = m.history.heading(latest?.title ?? file);
  } else {
    const task = versions.map((v) => v.plan?.tasks.find((t) => t.id === id)).findLast((t) => t !== undefined);
    if (!task) throw new PlanError(m.history.notInHistory(file, id));
    heading = m.history.taskHeading(id, task.content);
  }
  const view: HistoryView = { heading, entries, ...(id !== undefined && { task: id }) };
  switch (opts.format) {
    case 'json':
      return { stdout: toJson(historyJson(file, view)) };
    case 'markdown':
      return { stdout: renderHistoryMarkdown(view) };
    case 'table':
      return { stdout: await renderHistoryTable(view, { style: await paintFor(ctx), ...(ctx.stdoutIsTTY && ctx.columns && { maxWidth: ctx.columns }) }) };
  }
}

/** `--limit`: a positive whole number, else a usage error (exit 2). */
export function parseLimitArg(v: string): number {
  const s = v.trim();
  if (!/^\d{1,9}$/.test(s) || Number(s) < 1) throw usageError(m.history.badLimit(v));
  return Number(s);
}
