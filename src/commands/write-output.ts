import type { Output } from '../context.js';
import { PlanError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { m } from '../messages.js';

/** Prints `text`, or with `-o FILE` writes it atomically (CSV with a BOM, so Excel reads it as UTF-8). */
export function writeOutput(text: string, file: string | undefined, format: string): Output {
  if (file === undefined) return { stdout: text };
  try {
    writeFileAtomic(file, format === 'csv' ? `\ufeff${text}` : text);
  } catch (e) {
    throw new PlanError(`${file}: ${m.writeFailed((e as Error).message)}`);
  }
  return {};
}
