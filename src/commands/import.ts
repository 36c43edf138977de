import type { Context, Output } from '../context.js';
import { PlanError, usageError } from '../errors.js';
import { findTable, formatsFor, readTableText } from '../io/table-text.js';
import { m } from '../messages.js';
import { annexPlan, readAnnex, yearIn, type RowProblem } from '../plan/annex.js';
import { writeNewPlan } from './new-plan-file.js';

export interface ImportOptions {
  year?: number;
  output?: string;
}

/**
 * A plan from the annex table in `file` (Word text, CSV or markdown, told apart by which one
 * has a header row). Every bad row is reported, located, and then nothing is written.
 */
export async function importAnnex(file: string, opts: ImportOptions, _ctx: Context): Promise<Output> {
  const text = readTableText(file);
  const table = findTable(text, formatsFor(file));
  if (!table) throw new PlanError(m.importer.noHeader(file));
  const { annex, problems } = readAnnex(table.rows, table.header);
  const all = [...table.problems, ...problems].sort((a, b) => a.line - b.line || a.col - b.col);
  if (!annex || all.length) throw new PlanError(all.map((p) => `${file}:${p.line}:${p.col}: ${rowMessage(p)}`));
  const year = opts.year ?? yearIn(annex.title ?? '');
  if (year === undefined) throw usageError(m.importer.noYear(file));
  return await writeNewPlan(opts.output, year, annexPlan(annex, year));
}

/** A row's problem in the user's language. */
export function rowMessage(p: RowProblem): string {
  const say = m.importer[p.code] as string | ((...args: unknown[]) => string);
  return typeof say === 'string' ? say : say(...p.args);
}
