import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Output } from '../context.js';
import { PlanError } from '../errors.js';
import { checkPlanText } from '../io/load.js';
import { planText } from '../io/plan-text.js';
import { schemaRefFor } from '../io/schema-ref.js';
import { m } from '../messages.js';
import type { NewPlan } from '../plan/new-plan.js';
import { writeOutput } from './write-output.js';

/**
 * Writes a new plan to `-o FILE`, else to plans/<year>.yaml (relative to the working directory,
 * creating plans/ in a fresh repository; a folder named with -o must exist, as for every -o),
 * and says so: never over an existing file (not even one that appears while this runs: the
 * final step is a link, which fails when the name is taken), only text that passes
 * `plan validate`, atomically.
 */
export async function writeNewPlan(output: string | undefined, year: number, plan: NewPlan): Promise<Output> {
  const file = output ?? `plans/${year}.yaml`;
  if (existsSync(file)) throw new PlanError(m.newPlan.exists(file));
  const text = planText(plan, schemaRefFor(file));
  const { problems } = await checkPlanText(file, text);
  if (problems.length) throw new PlanError(problems);
  if (output === undefined) {
    try {
      mkdirSync(dirname(file), { recursive: true });
    } catch {
      // writeOutput below reports the folder that cannot be written to
    }
  }
  writeOutput(text, file, 'yaml', { noClobber: true });
  return { stdout: `${m.newPlan.created(file, plan.tasks.length, plan.departments.length)}\n` };
}
