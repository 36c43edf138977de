import type { Output } from '../context.js';
import { PlanError, usageError } from '../errors.js';
import { writeFileAtomic, type AtomicOptions } from '../io/atomic.js';
import { m } from '../messages.js';

/**
 * Prints `data`, or with `-o FILE` writes it atomically (CSV with a BOM, so Excel reads it as
 * UTF-8). Bytes (xlsx, docx) go to standard output only when it is not a terminal: there they
 * would be garbage, so that is a usage error asking for `-o FILE`.
 */
export function writeOutput(data: string | Uint8Array, file: string | undefined, format: string, opts: AtomicOptions & { stdoutIsTTY?: boolean } = {}): Output {
  if (file === undefined) {
    if (typeof data !== 'string' && opts.stdoutIsTTY) throw usageError(m.binaryToTerminal(format));
    return { stdout: data };
  }
  try {
    writeFileAtomic(file, format === 'csv' && typeof data === 'string' ? `\ufeff${data}` : data, opts);
  } catch (e) {
    if (opts.noClobber && (e as NodeJS.ErrnoException).code === 'EEXIST') throw new PlanError(m.newPlan.exists(file));
    throw new PlanError(`${file}: ${m.writeFailed(m.fsReason((e as NodeJS.ErrnoException).code, (e as Error).message))}`);
  }
  return {};
}
