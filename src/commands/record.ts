import type { RecordFormat } from '../formats.js';
import type { Context, Output } from '../context.js';
import { PlanError, usageError } from '../errors.js';
import { gitUserName } from '../io/git.js';
import { updatePlanFile, type Update } from '../io/save.js';
import { m } from '../messages.js';
import { completion, type TaskEdit } from '../plan/edits.js';
import type { Completion } from '../plan/types.js';
import { viewTask } from '../plan/view.js';
import { taskJson, toJson } from '../render/json.js';
import { escapeControls } from '../render/terminal.js';
import { planFile, taskIndexes } from './common.js';

// The write commands: done, undo, log. Each decides its edits from the plan read under the lock.


export interface DoneOptions {
  date?: string;
  by?: string;
  note?: string;
  force?: boolean;
  format: RecordFormat;
}

/** `plan done <id...>`: records completion; all ids or none; a done task only with --force. */
export async function done(ids: number[], opts: DoneOptions, ctx: Context): Promise<Output> {
  const file = planFile(ctx);
  const by = opts.by ?? gitUserName(ctx.cwd, ctx.env); // git answers while the plan is read
  let record!: Completion;
  const update = await updatePlanFile(file, async (plan) => {
    record = completion(opts.date ?? ctx.asOf, await by, opts.note);
    const indexes = taskIndexes(file, plan, ids);
    const cancelled = indexes.map((i) => plan.tasks[i]!).filter((t) => t.cancelled);
    if (cancelled.length) throw new PlanError(cancelled.map((t) => m.isCancelled(file, t.id, t.cancelled!.date)));
    const refused = opts.force ? [] : indexes.map((i) => plan.tasks[i]!).filter((t) => t.completed);
    if (refused.length) throw new PlanError(refused.map((t) => m.alreadyDone(file, t.id, t.completed!.date, t.completed!.by)));
    return indexes.map((index): TaskEdit => ({ index, op: 'complete', completion: record }));
  });
  return report(update, opts.format, ctx, m.recordedDone(idsOf(update), record.date, record.by && escapeControls(record.by)));
}

/** `plan undo <id...>`: removes completion records; all ids or none; each must be done. */
export async function undo(ids: number[], opts: { format: RecordFormat }, ctx: Context): Promise<Output> {
  const file = planFile(ctx);
  const update = await updatePlanFile(file, (plan) => {
    const indexes = taskIndexes(file, plan, ids);
    const open = indexes.map((i) => plan.tasks[i]!).filter((t) => !t.completed);
    if (open.length) throw new PlanError(open.map((t) => m.notDone(file, t.id)));
    return indexes.map((index): TaskEdit => ({ index, op: 'uncomplete' }));
  });
  return report(update, opts.format, ctx, m.recordedUndo(idsOf(update)));
}

/** `plan log <id> <note>`: appends a progress note to a task's log. */
export async function log(id: number, note: string, opts: { date?: string; format: RecordFormat }, ctx: Context): Promise<Output> {
  const text = note.trim();
  if (!text) throw usageError(m.emptyNote);
  const file = planFile(ctx);
  const entry = { date: opts.date ?? ctx.asOf, note: text };
  const update = await updatePlanFile(file, (plan) => taskIndexes(file, plan, [id]).map((index): TaskEdit => ({ index, op: 'log', entry })));
  return report(update, opts.format, ctx, m.recordedLog(id, entry.date, escapeControls(entry.note)));
}

const idsOf = (u: Update) => u.tasks.map((t) => t.id);

function report(update: Update, format: RecordFormat, ctx: Context, line: string): Output {
  if (format === 'json') return { stdout: toJson(update.tasks.map((t) => taskJson(viewTask(t, update.year, ctx.asOf)))) };
  return { stdout: `${line}\n` };
}
