import type { Context, Output } from '../context.js';
import { PlanError, usageError } from '../errors.js';
import { gitUserName } from '../io/git.js';
import { updatePlanFile, type Update } from '../io/save.js';
import { m } from '../messages.js';
import { completion, type TaskEdit } from '../plan/edits.js';
import type { Completion, Task } from '../plan/types.js';
import { escapeControls } from '../render/terminal.js';
import { oneTask, planFile, taskIndexes } from './common.js';
import { committer, report, subject, type WriteOptions } from './write.js';

// The commands that write a task's records: done, undo, log, unlog, cancel. Each decides its
// edits from the plan read under the lock.

export interface DoneOptions extends WriteOptions {
  date?: string;
  by?: string;
  note?: string;
  force?: boolean;
}

/** `plan done <id...>`: records completion; all ids or none; a done task only with --force. */
export async function done(ids: number[], opts: DoneOptions, ctx: Context): Promise<Output> {
  const file = planFile(ctx);
  const by = opts.by ?? gitUserName(ctx.cwd, ctx.env); // git answers while the plan is read
  let record!: Completion;
  const update = await updatePlanFile(
    file,
    async (plan) => {
      record = completion(opts.date ?? ctx.asOf, await by, opts.note);
      const tasks = taskIndexes(file, plan, ids).map((i) => [i, plan.tasks[i]!] as const);
      const cancelled = tasks.filter(([, t]) => t.cancelled);
      if (cancelled.length) throw new PlanError(cancelled.map(([, t]) => m.isCancelled(file, t.id, t.cancelled!.date)));
      const refused = opts.force ? [] : tasks.filter(([, t]) => t.completed);
      if (refused.length) throw new PlanError(refused.map(([, t]) => m.alreadyDone(file, t.id, t.completed!.date, t.completed!.by)));
      return tasks.map(([index]): TaskEdit => ({ index, op: 'complete', completion: record }));
    },
    committer(file, opts, ctx, (u) => m.commitMessage.done(idList(u), about(u))),
  );
  return report(update, opts.format, ctx, m.recordedDone(idsOf(update), record.date, record.by && escapeControls(record.by)));
}

/** `plan undo <id...>`: removes completion records; all ids or none; each must be done. */
export async function undo(ids: number[], opts: WriteOptions, ctx: Context): Promise<Output> {
  const file = planFile(ctx);
  const update = await updatePlanFile(
    file,
    (plan) => {
      const indexes = taskIndexes(file, plan, ids);
      const open = indexes.map((i) => plan.tasks[i]!).filter((t) => !t.completed);
      if (open.length) throw new PlanError(open.map((t) => m.notDone(file, t.id)));
      return indexes.map((index): TaskEdit => ({ index, op: 'uncomplete' }));
    },
    committer(file, opts, ctx, (u) => m.commitMessage.undo(idList(u), about(u))),
  );
  return report(update, opts.format, ctx, m.recordedUndo(idsOf(update)));
}

/** `plan log <id> <note>`: appends a progress note to a task's log. */
export async function log(id: number, note: string, opts: WriteOptions & { date?: string }, ctx: Context): Promise<Output> {
  const text = note.trim();
  if (!text) throw usageError(m.emptyNote);
  const file = planFile(ctx);
  const entry = { date: opts.date ?? ctx.asOf, note: text };
  const update = await updatePlanFile(
    file,
    (plan) => [{ index: oneTask(file, plan, id), op: 'log', entry }],
    committer(file, opts, ctx, (u) => m.commitMessage.log(id, about(u))),
  );
  return report(update, opts.format, ctx, m.recordedLog(id, entry.date, escapeControls(entry.note)));
}

/** `plan unlog <id> [n]`: removes the nth log entry (1-based; default the last). */
export async function unlog(id: number, n: number | undefined, opts: WriteOptions, ctx: Context): Promise<Output> {
  const file = planFile(ctx);
  let position = 0;
  let removed!: { date: string; note: string };
  const update = await updatePlanFile(
    file,
    (plan) => {
      const index = oneTask(file, plan, id);
      const entries = plan.tasks[index]!.log ?? [];
      if (!entries.length) throw new PlanError(m.change.noLog(file, id));
      position = (n ?? entries.length) - 1;
      if (position >= entries.length) throw new PlanError(m.change.noLogEntry(file, id, n!, entries.length));
      removed = entries[position]!;
      return [{ index, op: 'unlog', position }];
    },
    committer(file, opts, ctx, (u) => m.commitMessage.unlog(id, about(u))),
  );
  return report(update, opts.format, ctx, m.change.unlogged(id, position + 1, removed.date, escapeControls(removed.note)));
}

export interface CancelOptions extends WriteOptions {
  reason?: string;
  date?: string;
  undo?: boolean;
}

/** `plan cancel <id> --reason R` records a cancellation (schema 2); `--undo` removes it. */
export async function cancel(id: number, opts: CancelOptions, ctx: Context): Promise<Output> {
  const reason = opts.reason?.trim();
  if (!opts.undo && !reason) throw usageError(m.change.needsReason);
  const file = planFile(ctx);
  const date = opts.date ?? ctx.asOf;
  const update = await updatePlanFile(
    file,
    (plan): TaskEdit[] => {
      const index = oneTask(file, plan, id);
      const task = plan.tasks[index]!;
      if (opts.undo) {
        if (!task.cancelled) throw new PlanError(m.change.notCancelled(file, id));
        return [{ index, op: 'uncancel' }];
      }
      if (plan.schemaVersion === 1) throw new PlanError(m.change.needsSchema2(file, 'plan cancel'));
      if (task.cancelled) throw new PlanError(m.change.alreadyCancelled(file, id, task.cancelled.date));
      if (task.completed) throw new PlanError(m.change.cancelDone(file, id, task.completed.date));
      return [{ index, op: 'cancel', cancellation: { date, reason: reason! } }];
    },
    committer(file, opts, ctx, (u) => (opts.undo ? m.commitMessage.uncancel : m.commitMessage.cancel)(id, about(u))),
  );
  return report(update, opts.format, ctx, opts.undo ? m.change.uncancelled(id) : m.change.cancelled(id, date, reason && escapeControls(reason)));
}

const idsOf = (u: Update) => u.tasks.map((t) => t.id);
const idList = (u: Update) => m.list(idsOf(u));
/** The content of the one task changed, for a commit message. */
const about = (u: Update) => (u.tasks.length === 1 ? subject((u.tasks[0] as Task).content) : '');
