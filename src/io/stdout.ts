// Standard output without process.stdout where it can be done: creating that stream loads Node's
// stream modules (~4-6 ms, a twentieth of a short run) and a command writes its output once.
import { fstatSync, statSync, writeSync } from 'node:fs';

/** Whether standard output is a terminal; process.stdout is asked only when it may be one. */
export function stdoutIsTTY(): boolean {
  if (process.platform !== 'win32') {
    try {
      const out = fstatSync(1);
      // A terminal is a character device; /dev/null is one too, and the usual one.
      if (!out.isCharacterDevice() || out.rdev === statSync('/dev/null').rdev) return false;
    } catch {
      return false; // no standard output
    }
  }
  return Boolean(process.stdout.isTTY);
}

/**
 * Writes all of `text` to file descriptor 1. A reader that went away (`plan list | head -1`) is
 * not an error worth a message: the rest is dropped. A pipe left non-blocking by another process
 * is waited for when full.
 */
export function writeStdout(text: string): void {
  let bytes = Buffer.from(text, 'utf8');
  while (bytes.length) {
    try {
      bytes = bytes.subarray(writeSync(1, bytes));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return;
      if (code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1); // 1 ms, then again
    }
  }
}
