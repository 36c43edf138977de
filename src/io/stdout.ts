// Standard output without process.stdout where it can be done: creating that stream loads Node's
// stream modules (a noticeable share of a short run) and a command writes its output once.
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
export function writeStdout(text: string | Uint8Array): void {
  if (typeof text !== 'string') return void writeAll(Buffer.from(text.buffer, text.byteOffset, text.byteLength));
  // Encoded a chunk at a time into one reused buffer: a large output encoded whole would need
  // fresh memory pages of its own.
  const chunk = Buffer.allocUnsafeSlow(Math.min(CHUNK, 3 * text.length));
  const encoder = new TextEncoder();
  for (let rest = text; rest.length; ) {
    const { read, written } = encoder.encodeInto(rest, chunk);
    if (!writeAll(chunk.subarray(0, written))) return;
    rest = rest.slice(read);
  }
}

const CHUNK = 64 * 1024;

/** Writes all of `bytes` to file descriptor 1; false when the reader has gone. */
function writeAll(bytes: Buffer): boolean {
  while (bytes.length) {
    try {
      bytes = bytes.subarray(writeSync(1, bytes));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // A pipe's reader gone is EPIPE; a socket's (a parent's stdio is often a socket pair) ECONNRESET.
      if (code === 'EPIPE' || code === 'ECONNRESET') return false;
      if (code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1); // 1 ms, then again
    }
  }
  return true;
}
