import { isDeepStrictEqual } from 'node:util';
import { PlanError } from '../errors.js';
import { m } from '../messages.js';
import type { TaskEdit } from '../plan/edits.js';
import type { Task } from '../plan/types.js';
import { semanticProblems } from '../plan/validate.js';
import { applyEdits } from '../plan/edits.js';
import type { Plan } from '../plan/types.js';
import { writeFileAtomic } from './atomic.js';
import { lineBreak, shiftRanges, spliceEdits, UneditableError, type Splice } from './edit.js';
import { fastParseTask, shiftSpan, type TaskSpan } from './fast-yaml.js';
import { checkPlanText, loadPlan, readPlanSource, type LoadedPlan, type PlanSource } from './load.js';
import { acquireLock } from './lock.js';
import { matchesSchema } from './schema.js';

/** An update made: the plan's year, and each edited task as it now is (in the order of the edits). */
export interface Update {
  year: number;
  tasks: Task[];
}

/** A plan file's bytes with edits spliced in, and each edited task's block as text. */
interface Spliced {
  /** The new file, in parts (not copied into one buffer). */
  parts: Buffer[];
  /** Each edited task's block from the start of its first line, with where the task starts in it. */
  blocks: { index: number; text: string; start: number }[];
}

/**
 * Changes a plan file safely: under its lock, reads and validates it, asks `decide` for the
 * edits (it may throw a PlanError: then nothing is written), splices them into the edited
 * tasks' blocks (the rest of the file is not even decoded), checks that the new text reads back
 * as exactly the intended plan, and replaces the file atomically.
 */
export async function updatePlanFile(file: string, decide: (plan: Plan) => TaskEdit[] | Promise<TaskEdit[]>): Promise<Update> {
  const lock = await acquireLock(file);
  try {
    const source = readPlanSource(file, { now: true });
    const before = await loadPlan(file, source);
    const edits = await decide(before.plan);
    if (!edits.length) return { year: before.plan.year, tasks: [] };

    const next = await spliceFile(file, source, before, edits);
    const after = applyEdits(before.plan, edits);
    if (!(await readsBackAs(file, next, after, source.bom))) {
      throw new PlanError(`${file}: ${m.cannotEdit('the edited text does not read back as intended')}`);
    }
    try {
      writeFileAtomic(file, next.parts);
    } catch (e) {
      throw new PlanError(`${file}: ${m.writeFailed(m.fsReason((e as NodeJS.ErrnoException).code, (e as Error).message))}`);
    }
    return { year: after.year, tasks: edits.map((e) => after.tasks[e.index]!) };
  } finally {
    lock.release();
  }
}

/**
 * The file with the edits spliced into their tasks' blocks. Each block is read alone to find
 * its keys; a layout the fast reader gives up on (such as a flow mapping) is located by `yaml`.
 */
async function spliceFile(file: string, source: PlanSource, plan: LoadedPlan, edits: readonly TaskEdit[]): Promise<Spliced> {
  const { bytes } = source;
  const eol = lineBreak(bytes.toString('latin1', 0, bytes.indexOf(10) + 1));
  const byTask = new Map<number, TaskEdit[]>();
  for (const e of edits) byTask.set(e.index, [...(byTask.get(e.index) ?? []), e]);
  const { ranges } = plan;
  const parts: Buffer[] = [];
  const blocks: Spliced['blocks'] = [];
  let yamlSpans: TaskSpan[] | undefined;
  let at = 0;
  for (const index of [...byTask.keys()].sort((a, b) => a - b)) {
    const [start, end] = [ranges[2 * index]!, ranges[2 * index + 1]!];
    const from = bytes.lastIndexOf(10, start - 1) + 1;
    const text = bytes.toString('utf8', from, end);
    const offset = bytes.toString('utf8', from, start).length;
    let span = fastParseTask(text, offset, text.length)?.span;
    if (!span) {
      yamlSpans ??= (await import('./yaml-check.js')).taskSpansOf(source.text);
      const whole = yamlSpans[index];
      span = whole && shiftSpan(whole, -bytes.toString('utf8', source.bom ? 3 : 0, from).length);
    }
    let spliced: { text: string; splices: Splice[] };
    try {
      spliced = spliceEdits(text, () => span, byTask.get(index)!, eol);
    } catch (e) {
      if (e instanceof UneditableError) throw new PlanError(`${file}: ${m.cannotEdit(e.message)}`);
      throw e;
    }
    const [newStart] = shiftRanges(spliced.splices, [offset]) as [number];
    parts.push(bytes.subarray(at, from), Buffer.from(spliced.text));
    blocks.push({ index, text: spliced.text, start: newStart });
    at = end;
  }
  parts.push(bytes.subarray(at));
  return { parts, blocks };
}

/**
 * Whether the edited file means exactly `after`. Each edit stays inside its task's block, so it
 * is enough that each edited block, read alone, is the intended task; when that cannot be
 * shown (a layout the fast reader gives up on), the whole text is read and compared instead.
 */
async function readsBackAs(file: string, next: Spliced, after: Plan, bom: boolean): Promise<boolean> {
  const local = next.blocks.every((b) => {
    const read = fastParseTask(b.text, b.start, b.text.length);
    return read !== undefined && isDeepStrictEqual(read.task, after.tasks[b.index]);
  });
  if (!local) {
    const reread = await checkPlanText(file, Buffer.concat(next.parts).toString('utf8', bom ? 3 : 0));
    return reread.plan !== undefined && isDeepStrictEqual(reread.plan, after);
  }
  // The other tasks are as they were, valid; the edited ones are checked in a plan of their own
  // (edits add records, never change ids, periods or departments, which the checks across tasks use).
  const edited = { ...after, tasks: next.blocks.map((b) => after.tasks[b.index]!) };
  return matchesSchema(edited) && semanticProblems(edited).length === 0;
}
