import { isDeepStrictEqual } from 'node:util';
import type { Context, Output } from '../context.js';
import { isPlanError, PlanError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { checkPlanText, loadPlan, readPlanSource } from '../io/load.js';
import { acquireLock } from '../io/lock.js';
import { applySplices, migrationSplices } from '../io/migrate.js';
import { m } from '../messages.js';
import { migratedPlan } from '../plan/migrate.js';
import { planFile } from './common.js';
import { committer } from './write.js';

/**
 * `plan migrate`: rewrites a schema 1 plan file as schema 2, changing only the `schemaVersion`
 * line and the `no:` keys of the narrative (to `label:`), under the plan's lock and atomically,
 * after checking that the new text reads back as the same plan in schema 2. A schema 2 file is
 * left as it is.
 */
export async function migrate(opts: { commit?: boolean }, ctx: Context): Promise<Output> {
  const file = planFile(ctx);
  const lock = await acquireLock(file);
  try {
    const source = readPlanSource(file, { now: true });
    const { plan } = await loadPlan(file, source);
    if (plan.schemaVersion === 2) return { stdout: `${m.migrate.already(file)}\n` };
    const splices = migrationSplices(source.text);
    const text = applySplices(source.text, splices);
    const reread = await checkPlanText(file, text);
    // A schema 1 plan that schema 2 reads otherwise (none is known) is left alone, with its problems.
    if (!reread.plan) throw new PlanError([m.migrate.notValidAfter(file), ...reread.problems]);
    if (!isDeepStrictEqual(reread.plan, migratedPlan(plan))) throw new PlanError(`${file}: ${m.cannotEdit('the migrated text does not read back as intended')}`);
    try {
      writeFileAtomic(file, [...(source.bom ? [Buffer.from([0xef, 0xbb, 0xbf])] : []), Buffer.from(text)]);
    } catch (e) {
      throw new PlanError(`${file}: ${m.writeFailed(m.fsReason((e as NodeJS.ErrnoException).code, (e as Error).message))}`);
    }
    const stdout = `${m.migrate.done(file, splices.length)}\n`;
    const { afterWrite } = committer(file, { format: 'text', ...opts }, ctx, () => m.commitMessage.migrate);
    try {
      await afterWrite?.();
    } catch (e) {
      if (isPlanError(e)) return { stdout, stderr: e.lines, exitCode: 1 };
      throw e;
    }
    return { stdout };
  } finally {
    lock.release();
  }
}
