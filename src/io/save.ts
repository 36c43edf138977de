import { isDeepStrictEqual } from 'node:util';
import { PlanError } from '../errors.js';
import { m } from '../messages.js';
import { applyEdits, type TaskEdit } from '../plan/edits.js';
import type { Plan } from '../plan/types.js';
import { semanticProblems } from '../plan/validate.js';
import { writeFileAtomic } from './atomic.js';
import { writeCache } from './cache.js';
import { shiftRanges, spliceEdits, UneditableError, type Splice } from './edit.js';
import { fastParseTask, type TaskSpan } from './fast-yaml.js';
import { checkPlanFile, checkPlanText, readPlanSource } from './load.js';
import { acquireLock } from './lock.js';
import { matchesSchema } from './schema.js';

/** The plan before and after an update, and the edits made. */
export interface Update {
  before: Plan;
  after: Plan;
  edits: TaskEdit[];
}

/**
 * Changes a plan file safely: under its lock, reads and validates it, asks `decide` for the
 * edits (it may throw a PlanError: then nothing is written), splices them into the text, checks
 * that the new text reads back as exactly the intended plan, and replaces the file atomically.
 */
export async function updatePlanFile(file: string, decide: (plan: Plan) => TaskEdit[] | Promise<TaskEdit[]>): Promise<Update> {
  const lock = await acquireLock(file);
  try {
    const source = readPlanSource(file);
    const { text } = source;
    const read = await checkPlanFile(file, source);
    const { plan, ranges } = read;
    if (!plan || !ranges) throw new PlanError(read.problems);
    const edits = await decide(plan);
    const after = applyEdits(plan, edits);
    if (!edits.length) return { before: plan, after, edits };

    const spans = await taskSpans(text, read.tasks, ranges, edits);
    let next: { text: string; splices: Splice[] };
    try {
      next = spliceEdits(text, (index) => spans.get(index), edits);
    } catch (e) {
      if (e instanceof UneditableError) throw new PlanError(`${file}: ${m.cannotEdit(e.message)}`);
      throw e;
    }
    const nextRanges = shiftRanges(next.splices, ranges);
    if (!(await readsBackAs(file, next.text, nextRanges, edits, after))) {
      throw new PlanError(`${file}: ${m.cannotEdit('the edited text does not read back as intended')}`);
    }

    const bytes = Buffer.from(source.bom ? `\ufeff${next.text}` : next.text, 'utf8');
    try {
      writeFileAtomic(file, bytes);
    } catch (e) {
      throw new PlanError(`${file}: ${m.writeFailed(m.fsReason((e as NodeJS.ErrnoException).code, (e as Error).message))}`);
    }
    writeCache(file, bytes, { plan: after, ranges: nextRanges, problems: [] });
    return { before: plan, after, edits };
  } finally {
    lock.release();
  }
}

/**
 * Where the edited tasks' keys are: known from the parse, else read from each task's block
 * alone, else (a layout the fast reader gives up on, such as a flow mapping) from `yaml`.
 */
async function taskSpans(text: string, known: TaskSpan[] | undefined, ranges: number[], edits: readonly TaskEdit[]): Promise<Map<number, TaskSpan>> {
  const spans = new Map<number, TaskSpan>();
  const missing: number[] = [];
  for (const { index } of edits) {
    const span = known?.[index] ?? fastParseTask(text, ranges[2 * index]!, ranges[2 * index + 1]!)?.span;
    if (span) spans.set(index, span);
    else missing.push(index);
  }
  if (missing.length) {
    const all = (await import('./yaml-check.js')).taskSpansOf(text);
    for (const index of missing) if (all[index]) spans.set(index, all[index]);
  }
  return spans;
}

/**
 * Whether the edited text means exactly `after`. Each edit stays inside its task's block, so it
 * is enough that each edited block, read alone, is the intended task; when that cannot be
 * shown (a layout the fast reader gives up on), the whole text is read and compared instead.
 */
async function readsBackAs(file: string, text: string, ranges: number[], edits: readonly TaskEdit[], after: Plan): Promise<boolean> {
  const local = edits.every((e) => {
    const read = fastParseTask(text, ranges[2 * e.index]!, ranges[2 * e.index + 1]!);
    return read !== undefined && isDeepStrictEqual(read.task, after.tasks[e.index]);
  });
  if (!local) {
    const reread = await checkPlanText(file, text);
    return reread.plan !== undefined && isDeepStrictEqual(reread.plan, after);
  }
  // The other tasks are as they were, valid; the edited ones are checked in a plan of their own
  // (edits add records, never change ids, periods or departments, which the checks across tasks use).
  const edited = { ...after, tasks: [...new Set(edits.map((e) => e.index))].map((i) => after.tasks[i]!) };
  return matchesSchema(edited) && semanticProblems(edited).length === 0;
}
