import { closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces a file's content atomically: writes a temporary file beside the target, fsyncs it,
 * keeps the target's mode, and renames it over the target. A symlink stays a link: its target
 * is what gets replaced. A crash at any moment leaves either the old or the new content.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const target = resolveLink(file);
  let mode = 0o666 & ~process.umask();
  try {
    mode = statSync(target).mode & 0o7777;
  } catch {
    // a new file: default mode
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const fd = openSync(temp, 'wx', mode);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    unlinkSync(temp);
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(temp, target);
  } catch (e) {
    unlinkSync(temp);
    throw e;
  }
  syncDirectory(dirname(target));
}

/** The file a path finally names, following symlinks; the path itself when it does not exist yet. */
function resolveLink(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
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
