import type { Output } from '../context.js';
import { PlanError } from '../errors.js';
import { writeFileAtomic, type AtomicOptions } from '../io/atomic.js';
import { m } from '../messages.js';

/** Prints `text`, or with `-o FILE` writes it atomically (CSV with a BOM, so Excel reads it as UTF-8). */
export function writeOutput(text: string, file: string | undefined, format: string, opts: AtomicOptions = {}): Output {
  if (file === undefined) return { stdout: text };
  try {
    writeFileAtomic(file, format === 'csv' ? `\ufeff${text}` : text, opts);
  } catch (e) {
    if (opts.noClobber && (e as NodeJS.ErrnoException).code === 'EEXIST') throw new PlanError(m.newPlan.exists(file));
    throw new PlanError(`${file}: ${m.writeFailed(m.fsReason((e as NodeJS.ErrnoException).code, (e as Error).message))}`);
  }
  return {};
}
