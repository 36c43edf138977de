import { execFile } from 'node:child_process';
import { basename, dirname, resolve } from 'node:path';
import { PlanError } from '../errors.js';
import { m } from '../messages.js';

/**
 * Commits one plan file alone after a write (`--commit`): what else is staged stays staged and
 * out of the commit (`git commit --only`). A file already as committed is nothing to do. When git
 * fails the written file stays as it is and the PlanError says so (exit 1).
 */
export async function commitPlanFile(file: string, message: string, opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<void> {
  const path = resolve(opts.cwd, file);
  const run = (args: string[]) => git(args, dirname(path), opts.env);
  try {
    await run(['rev-parse', '--git-dir']).catch((e: GitFailure) => {
      throw e.code === 'ENOENT' ? e : new GitFailure(m.gitCommit.notRepo);
    });
    const name = `./${basename(path)}`;
    await run(['add', '--', name]);
    // Nothing staged for the file (as committed already, e.g. `done` then `undo`): nothing to commit.
    if ((await hasHead(run)) && (await run(['diff', '--cached', '--quiet', 'HEAD', '--', name]).then(() => true, () => false))) return;
    await run(['commit', '--quiet', '--only', '-m', message, '--', name]);
  } catch (e) {
    if (!(e instanceof GitFailure)) throw e;
    throw new PlanError(m.gitCommit.failed(file, e.code === 'ENOENT' ? m.gitCommit.noGit : e.message));
  }
}

class GitFailure extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

async function hasHead(run: (args: string[]) => Promise<string>): Promise<boolean> {
  return run(['rev-parse', '--verify', '--quiet', 'HEAD']).then(() => true, () => false);
}

/** Runs git in `cwd`; rejects with a GitFailure holding git's own last words (its first error line). */
function git(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((ok, fail) => {
    execFile('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return ok(stdout);
      const code = (error as NodeJS.ErrnoException).code;
      const said = `${stderr}\n${stdout}`.split('\n').map((l) => l.trim()).filter(Boolean);
      const line = said.find((l) => /^(error|fatal):/i.test(l)) ?? said[0] ?? error.message;
      fail(new GitFailure(line.replace(/^(error|fatal):\s*/i, ''), typeof code === 'string' ? code : undefined));
    });
  });
}
