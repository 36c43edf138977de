import { isDeepStrictEqual } from 'node:util';
import { PlanError } from '../errors.js';
import { m } from '../messages.js';
import { applyEdits, type TaskEdit } from '../plan/edits.js';
import type { Plan } from '../plan/types.js';
import { writeFileAtomic } from './atomic.js';
import { spliceEdits, UneditableError } from './edit.js';
import { checkPlanText, readPlanSource } from './load.js';
import { acquireLock } from './lock.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

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
export async function updatePlanFile(file: string, decide: (plan: Plan) => TaskEdit[]): Promise<Update> {
  const lock = await acquireLock(file);
  try {
    const { text, bom } = readPlanSource(file);
    const { plan, problems, tasks } = await checkPlanText(file, text);
    if (!plan || !tasks) throw new PlanError(problems);
    const edits = decide(plan);
    const after = applyEdits(plan, edits);
    if (!edits.length) return { before: plan, after, edits };

    let next: string;
    try {
      next = spliceEdits(text, tasks, edits);
    } catch (e) {
      if (e instanceof UneditableError) throw new PlanError(`${file}: ${m.cannotEdit(e.message)}`);
      throw e;
    }
    const reread = await checkPlanText(file, next);
    if (!reread.plan || !isDeepStrictEqual(reread.plan, after)) throw new PlanError(`${file}: ${m.cannotEdit('the edited text does not read back as intended')}`);

    try {
      writeFileAtomic(file, bom ? Buffer.concat([BOM, Buffer.from(next, 'utf8')]) : next);
    } catch (e) {
      throw new PlanError(`${file}: ${m.writeFailed(m.fsReason((e as NodeJS.ErrnoException).code, (e as Error).message))}`);
    }
    return { before: plan, after, edits };
  } finally {
    lock.release();
  }
}
