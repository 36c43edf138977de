import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { PlanError } from '../errors.js';
import { m } from '../messages.js';

/**
 * The largest file read as a plan or an annex table, far above any real plan's size. Anything
 * bigger is refused before it is read, so a stray dump or /dev/zero cannot exhaust memory.
 */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

/**
 * A file's bytes, refused with a PlanError (exit 1) when larger than `max`. Files that do not
 * say their size (pipes, devices) are read up to `max` bytes and refused beyond. Other failures
 * are thrown as the file system reports them.
 */
export function readFileBounded(file: string, max = MAX_INPUT_BYTES): Buffer {
  const fd = openSync(file, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > max) throw new PlanError(`${file}: ${m.fileTooLarge(stat.size, max)}`);
    const chunks: Buffer[] = [];
    let total = 0;
    // A file that says its size is read in one go (one byte more, to see it end); others by MiB.
    let size = stat.isFile() ? stat.size + 1 : 1 << 20;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(size, max + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > max) throw new PlanError(`${file}: ${m.fileTooLarge(total, max)}`);
      size = 1 << 20;
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}
