import { closeSync, linkSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { PlanError } from '../errors.js';
import { m } from '../messages.js';

/** A held lock; `release` is idempotent. */
export interface Lock {
  path: string;
  release(): void;
}

export interface LockOptions {
  /** How long to wait for a lock another process holds (default 10 s, or $PLAN_LOCK_TIMEOUT seconds). */
  timeoutMs?: number;
  /** A lock older than this is taken to be left behind, whoever owns it (default 60 s). */
  staleMs?: number;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Takes `<file>.lock` (git-style: created with O_EXCL, holding `pid host time`) for the file a
 * path finally names. Waits while another live process holds it; takes over a lock whose owner
 * is dead (same host) or that is older than `staleMs`. Released on release(), exit or a signal.
 */
export async function acquireLock(file: string, opts: LockOptions = {}): Promise<Lock> {
  const path = `${realTarget(file)}.lock`;
  const timeoutMs = opts.timeoutMs ?? Number(process.env.PLAN_LOCK_TIMEOUT ?? 10) * 1000;
  const staleMs = opts.staleMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(path)) return hold(path);
    if (isStale(path, staleMs)) {
      breakStaleLock(path, staleMs);
      continue;
    }
    if (Date.now() >= deadline) throw new PlanError(m.lockBusy(path, describeOwner(path)));
    await sleep(Math.min(100, 5 * 2 ** Math.min(attempt, 5)) + Math.random() * 10);
  }
}

function realTarget(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

function tryCreate(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new PlanError(m.lockFailed(path, (e as Error).message));
  }
  try {
    writeSync(fd, `${process.pid} ${hostname()} ${new Date().toISOString()}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function hold(path: string): Lock {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    for (const s of SIGNALS) process.off(s, onSignal);
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  };
  // Writes under the lock are synchronous, so a signal is handled once they are done: release, then die of it.
  const onSignal = (signal: NodeJS.Signals) => {
    release();
    process.kill(process.pid, signal);
  };
  process.once('exit', release);
  for (const s of SIGNALS) process.once(s, onSignal);
  return { path, release };
}

interface Owner {
  pid: number;
  host: string;
  ageMs: number;
}

function readOwner(path: string): Owner | undefined {
  try {
    const [pid, host] = readFileSync(path, 'utf8').trim().split(' ');
    return { pid: Number(pid), host: host ?? '', ageMs: Date.now() - statSync(path).mtimeMs };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(path: string, staleMs: number): boolean {
  const owner = readOwner(path);
  if (!owner) return false; // gone already, or not readable: try again
  if (owner.ageMs > staleMs) return true;
  if (owner.host === hostname() && owner.pid !== process.pid && !isAlive(owner.pid)) return true;
  // Created but not yet written by its owner, or written by a process that died in between.
  return !owner.pid && owner.ageMs > 5000;
}

/**
 * Moves a stale lock aside and deletes it. Should another process have replaced it with a live
 * lock in the meantime, that lock is put back (link fails rather than overwrite).
 */
function breakStaleLock(path: string, staleMs: number): void {
  const aside = `${path}.stale.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // someone else moved it: try again
  }
  const owner = readOwner(aside);
  if (owner && owner.ageMs <= staleMs && (owner.host !== hostname() || isAlive(owner.pid))) {
    try {
      linkSync(aside, path);
    } catch {
      // a new lock exists already; the one we moved was replaced legitimately
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // gone
  }
}

function describeOwner(path: string): string {
  const owner = readOwner(path);
  return owner ? `pid ${owner.pid} @ ${owner.host}` : '?';
}
