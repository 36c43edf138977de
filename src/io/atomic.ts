import { closeSync, fsyncSync, linkSync, openSync, readlinkSync, realpathSync, renameSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { escapeRegExp, noHardLinks, removeLeftovers, unlinkQuietly } from './leftovers.js';

export interface AtomicOptions {
  /** Never replace an existing file: fail with an EEXIST error instead (checked atomically, by link). */
  noClobber?: boolean;
}

/**
 * Replaces a file's content atomically: writes a temporary file beside the target, fsyncs it,
 * keeps the target's mode, and renames it over the target (or, with `noClobber`, links it to
 * the target's name, which fails when something is there). A symlink stays a link: its target
 * is what gets written, also when it does not exist yet. A crash at any moment leaves either the
 * old or the new content, and at worst a temporary file, which the next write removes.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array | readonly Uint8Array[], opts: AtomicOptions = {}): void {
  const target = resolveLink(file);
  const dir = dirname(target);
  let mode = 0o666 & ~process.umask();
  try {
    mode = statSync(target).mode & 0o7777;
  } catch {
    // a new file: default mode
  }
  const base = basename(target);
  removeLeftovers(dir, new RegExp(`^\\.${escapeRegExp(base)}\\.(\\d+)\\.[a-z0-9]+\\.tmp$`));
  const temp = join(dir, `.${base}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  const bytes = typeof data === 'string' ? [Buffer.from(data, 'utf8')] : data instanceof Uint8Array ? [data] : data;
  createFile(temp, bytes, mode);
  try {
    if (opts.noClobber) linkNoClobber(temp, target, bytes, mode);
    else renameSync(temp, target);
  } catch (e) {
    unlinkQuietly(temp);
    throw e;
  }
  if (opts.noClobber) unlinkQuietly(temp);
  syncDirectory(dir);
}

/** Creates `path` (failing when it exists) holding `parts`, flushed to the disk; removed again if that fails. */
function createFile(path: string, parts: readonly Uint8Array[], mode: number): void {
  const fd = openSync(path, 'wx', mode);
  try {
    for (const bytes of parts) for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    unlinkQuietly(path);
    throw e;
  }
  closeSync(fd);
}

/** Gives the finished temporary file the target's name unless that name exists (EEXIST). */
function linkNoClobber(temp: string, target: string, bytes: readonly Uint8Array[], mode: number): void {
  try {
    linkSync(temp, target);
  } catch (e) {
    if (!noHardLinks(e)) throw e;
    // A file system without hard links: create the target exclusively and write it there.
    createFile(target, bytes, mode);
  }
}

/**
 * The file a path finally names, following symlinks, also a dangling one (its target is where a
 * new file goes); the path itself when it does not exist. Throws ELOOP for a cycle of links.
 */
function resolveLink(file: string): string {
  try {
    return realpathSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  let path = file;
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      link = readlinkSync(path);
    } catch {
      return path; // not a link (or not there): this is the name to write
    }
    path = resolve(dirname(path), link);
  }
  throw Object.assign(new Error(`too many levels of symbolic links: ${file}`), { code: 'ELOOP' });
}

/** Makes the rename durable; not every platform can open a directory, which is fine to skip. */
function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // best effort
  }
}
