import { basename, dirname, resolve } from 'node:path';
import { PlanError } from '../errors.js';
import { m } from '../messages.js';
import { GitFailure, runGit } from './git-run.js';

/**
 * Commits one plan file alone after a write (`--commit`): what else is staged stays staged and
 * out of the commit (`git commit --only`). A file already as committed is nothing to do. When git
 * fails the written file stays as it is and the PlanError says so (exit 1).
 */
export async function commitPlanFile(file: string, message: string, opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<void> {
  const path = resolve(opts.cwd, file);
  const run = (args: string[]) => runGit(args, dirname(path), opts.env);
  try {
    await run(['rev-parse', '--git-dir']).catch((e: GitFailure) => {
      throw e.code === 'ENOENT' ? e : new GitFailure(m.git.notRepo);
    });
    const name = `./${basename(path)}`;
    await run(['add', '--', name]);
    // Nothing staged for the file (as committed already, e.g. `done` then `undo`): nothing to commit.
    if ((await hasHead(run)) && (await run(['diff', '--cached', '--quiet', 'HEAD', '--', name]).then(() => true, () => false))) return;
    await run(['commit', '--quiet', '--only', '-m', message, '--', name]);
  } catch (e) {
    if (!(e instanceof GitFailure)) throw e;
    throw new PlanError(m.git.commitFailed(file, e.code === 'ENOENT' ? m.git.noGit : e.message));
  }
}

async function hasHead(run: (args: string[]) => Promise<string>): Promise<boolean> {
  return run(['rev-parse', '--verify', '--quiet', 'HEAD']).then(() => true, () => false);
}
