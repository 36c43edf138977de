// What writers leave beside a file when they are killed, and the small file-system helpers for
// taking locks and writing atomically that depend on it.
import { readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/** Whether a process of this machine runs with that pid (EPERM: it does, as another user). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Deletes the files in `dir` that a process killed mid-write left behind: those whose whole name
 * matches `pattern`, its first group being a pid, when that process is gone. Best effort:
 * nothing here may fail a write.
 */
export function removeLeftovers(dir: string, pattern: RegExp): void {
  try {
    for (const name of readdirSync(dir)) {
      const pid = Number(pattern.exec(name)?.[1]);
      if (pid && pid !== process.pid && !isAlive(pid)) unlinkSync(join(dir, name));
    }
  } catch {
    // unreadable folder, or a file gone meanwhile
  }
}

/** `s` matched literally inside a regular expression. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Deletes a file if it is there. */
export function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // gone already
  }
}

/** True for the error link(2) gives on a file system without hard links (then: create exclusively instead). */
export function noHardLinks(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS';
}
