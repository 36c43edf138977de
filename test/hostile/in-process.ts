// Runs the CLI in this process (main() with an Io of our own): the same code as bin/plan.js,
// without spawning Node per command, so property tests can try many inputs in seconds.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { main, type Io } from '../../src/cli.js';
import { cleanEnv, testdir, type RunResult } from '../helpers.js';

/** `plan <args>` in-process, with the clean environment `run()` uses. */
export async function planInProcess(args: string[], opts: { cwd: string; env?: Record<string, string | undefined>; tty?: boolean }): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    env: cleanEnv(opts.env),
    cwd: opts.cwd,
    stdoutIsTTY: Boolean(opts.tty),
    columns: opts.tty ? 100 : undefined,
    out: (s) => void (stdout += s),
    err: (s) => void (stderr += s),
    exitCode: 0,
  };
  const code = await main(['node', 'plan', ...args], io);
  return { code, stdout, stderr };
}

/** Every command that reads or writes a plan, in each of its formats (writes last). */
export const EVERY_COMMAND: readonly string[][] = [
  ...['table', 'json', 'csv', 'tsv', 'markdown'].map((f) => ['list', '--format', f]),
  ['list', '--department', '甲部'],
  ['show', '1'],
  ['show', '1', '--format', 'json'],
  ...['table', 'markdown', 'html', 'csv', 'tsv', 'json'].map((f) => ['render', '--format', f, '--with-status']),
  ...['text', 'markdown', 'json', 'html'].map((f) => ['summary', '--format', f]),
  ...['html', 'markdown'].map((f) => ['document', '--format', f]),
  ['validate'],
  ['departments'],
  ['periods', '--format', 'csv'],
  ['export'],
  ['done', '1', '--by', '测试'],
  ['log', '2', '进展'],
  ['undo', '1'],
  ['done', '2', '--force', '--note', 'x'],
];

/** What no command may ever print: an internal error or a stack trace. */
export function crashed(r: RunResult): string | undefined {
  if (r.code !== 0 && r.code !== 1 && r.code !== 2) return `exit code ${r.code}`;
  if (/内部错误|internal error/.test(r.stderr)) return 'internal error';
  if (/\n\s+at /.test(r.stderr) || /^\s+at /m.test(r.stderr)) return 'stack trace';
  return undefined;
}

/**
 * `plan -f FILE <args> --as-of 2024-03-15` in-process; throws, naming the input, when the
 * command crashed, took more than 5 s, or failed without a `plan:` message.
 */
export async function runChecked(file: string, args: string[], input: string | Uint8Array, env?: Record<string, string>): Promise<RunResult> {
  const started = Date.now();
  const r = await planInProcess(['-f', file, ...args, '--as-of', '2024-03-15'], { cwd: dirname(file), ...(env && { env }) });
  const ms = Date.now() - started;
  const problem = crashed(r) ?? (ms > 5000 ? `took ${ms} ms` : undefined) ?? (r.code !== 0 && !r.stderr.startsWith('plan: ') ? 'no message' : undefined);
  if (problem) throw new Error(`plan ${args.join(' ')}: ${problem}\n${r.stderr}\ninput: ${JSON.stringify(Buffer.from(input).toString('latin1'))}`);
  return r;
}

/** Checks `numRuns` inputs of `arbitrary`, each written to the same plan file, with `check(file, input)`. */
export async function forEachPlanFile<T extends string | Uint8Array>(arbitrary: fc.Arbitrary<T>, numRuns: number, check: (file: string, input: T) => Promise<void>): Promise<void> {
  const file = join(testdir(), 'plan.yaml');
  await fc.assert(
    fc.asyncProperty(arbitrary, async (input) => {
      writeFileSync(file, input);
      await check(file, input);
    }),
    { numRuns },
  );
}
