import { execFile } from 'node:child_process';

/**
 * `git config user.name` in `cwd`, when git is there and has one; never rejects. Asynchronous,
 * so that git (~18 ms) runs while the plan is read.
 */
export function gitUserName(cwd: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    try {
      execFile('git', ['config', 'user.name'], { cwd, encoding: 'utf8', timeout: 2000 }, (error, stdout) => resolve((!error && stdout.trim()) || undefined));
    } catch {
      resolve(undefined);
    }
  });
}
