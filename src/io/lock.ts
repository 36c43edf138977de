import { closeSync, linkSync, openSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PlanError } from '../errors.js';
import { m } from '../messages.js';
import { escapeRegExp, isAlive, noHardLinks, removeLeftovers, unlinkQuietly } from './leftovers.js';

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
 * Takes `<file>.lock` (holding `pid host time`, and never seen without them: written beside it,
 * then linked into place, which fails when the lock exists) for the file a path finally names.
 * Waits while another live process holds it; takes over a lock whose owner is dead (same host)
 * or that is older than `staleMs`. Released on release(), exit or a signal.
 */
export async function acquireLock(file: string, opts: LockOptions = {}): Promise<Lock> {
  const path = `${realTarget(file)}.lock`;
  const timeoutMs = opts.timeoutMs ?? Number(process.env.PLAN_LOCK_TIMEOUT ?? 10) * 1000;
  const staleMs = opts.staleMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(path)) {
      removeLeftovers(dirname(path), new RegExp(`^${escapeRegExp(basename(path))}\\.(?:new|stale)\\.(\\d+)\\.[a-z0-9]+$`));
      return hold(path);
    }
    if (isStale(readOwner(path), staleMs) && breakStaleLock(path, staleMs)) continue;
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

/** `<lock>.<kind>.<pid>.<random>`: files a locker makes beside the lock, named so that leftovers can be told apart. */
const besideLock = (path: string, kind: 'new' | 'stale') => `${path}.${kind}.${process.pid}.${Math.random().toString(36).slice(2)}`;

function tryCreate(path: string): boolean {
  const content = `${process.pid} ${hostname()} ${new Date().toISOString()}\n`;
  const temp = besideLock(path, 'new');
  try {
    writeFileSync(temp, content, { flag: 'wx', mode: 0o644 });
  } catch (e) {
    throw new PlanError(m.lockFailed(path, (e as Error).message));
  }
  try {
    linkSync(temp, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    // A file system without hard links: create the lock exclusively and write it (not atomic, but still exclusive).
    if (noHardLinks(e)) return createExclusive(path, content);
    throw new PlanError(m.lockFailed(path, (e as Error).message));
  } finally {
    unlinkQuietly(temp);
  }
}

function createExclusive(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new PlanError(m.lockFailed(path, (e as Error).message));
  }
  try {
    writeSync(fd, content);
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
    unlinkQuietly(path);
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

/** Whether a lock was left behind: too old, its owner dead on this host, or empty for a while. */
function isStale(owner: Owner | undefined, staleMs: number): boolean {
  if (!owner) return false; // gone already, or not readable: try again
  if (owner.ageMs > staleMs) return true;
  if (owner.host === hostname() && owner.pid !== process.pid && !isAlive(owner.pid)) return true;
  // Empty: made by an older version that creates, then writes, and died in between.
  return !owner.pid && owner.ageMs > 5000;
}

/**
 * Moves a stale lock aside and deletes it; true when it did. Should another process have
 * replaced it with a live lock in the meantime, that lock is put back (link fails rather than
 * overwrite) and the answer is false.
 */
function breakStaleLock(path: string, staleMs: number): boolean {
  const aside = besideLock(path, 'stale');
  try {
    renameSync(path, aside);
  } catch {
    return false; // someone else moved it: try again
  }
  let removed = true;
  if (!isStale(readOwner(aside), staleMs)) {
    removed = false;
    try {
      linkSync(aside, path);
    } catch {
      // a new lock exists already; the one we moved was replaced legitimately
    }
  }
  unlinkQuietly(aside);
  return removed;
}

function describeOwner(path: string): string {
  const owner = readOwner(path);
  return owner ? `pid ${owner.pid} @ ${owner.host}` : '?';
}
