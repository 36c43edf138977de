import { execFileSync } from 'node:child_process';

/** `git config user.name` in `cwd`, when git is there and has one. */
export function gitUserName(cwd: string): string | undefined {
  try {
    const name = execFileSync('git', ['config', 'user.name'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 2000 }).trim();
    return name || undefined;
  } catch {
    return undefined;
  }
}
