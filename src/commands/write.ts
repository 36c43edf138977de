import type { Context, Output } from '../context.js';
import type { RecordFormat } from '../formats.js';
import type { Update } from '../io/save.js';
import { m } from '../messages.js';
import { viewTask } from '../plan/view.js';
import { taskJson, toJson } from '../render/json.js';

// What every command that changes the plan file shares: --format, --commit, and how it reports.

export interface WriteOptions {
  format: RecordFormat;
  /** `--commit`: commit the plan file alone after the write (also PLAN_AUTO_COMMIT=1). */
  commit?: boolean;
}

/**
 * The hook that commits the plan file after a write when asked to (`--commit`, or
 * PLAN_AUTO_COMMIT=1), with the message made from the update; undefined otherwise.
 */
export function committer(file: string, opts: WriteOptions, ctx: Context, message: (u: Update) => string): { afterWrite?: (u?: Update) => Promise<void> } {
  if (!(opts.commit || ctx.env.PLAN_AUTO_COMMIT === '1')) return {};
  return {
    afterWrite: async (update?: Update) => {
      const { commitPlanFile } = await import('../io/git-commit.js');
      await commitPlanFile(file, message(update!), { cwd: ctx.cwd, env: ctx.env });
    },
  };
}

/** A task's content as a commit message has it: one line, at most 30 characters. */
export function subject(content: string): string {
  const line = content.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return m.commitMessage.what(chars.length > 30 ? `${chars.slice(0, 29).join('')}…` : line);
}

/** The line that says what was written (or, with --format json, the edited tasks); a failed commit after it is exit 1. */
export function report(update: Update, format: RecordFormat, ctx: Context, line: string): Output {
  const stdout = format === 'json' ? toJson(update.tasks.map((t) => taskJson(viewTask(t, update.year, ctx.asOf)))) : `${line}\n`;
  return { stdout, ...(update.afterError && { stderr: update.afterError.lines, exitCode: 1 }) };
}
