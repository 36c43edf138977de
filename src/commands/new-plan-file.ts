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

/** Where a new plan goes: `-o FILE`, else plans/<year>.yaml (relative to the working directory). */
export function newPlanFile(output: string | undefined, year: number): string {
  return output ?? `plans/${year}.yaml`;
}

/**
 * Writes a new plan file and says so: never over an existing file, only text that passes
 * `plan validate`, atomically, creating its folder when needed.
 */
export async function writeNewPlan(file: string, plan: NewPlan): Promise<Output> {
  if (existsSync(file)) throw new PlanError(m.newPlan.exists(file));
  const text = planText(plan, schemaRefFor(file));
  const { problems } = await checkPlanText(file, text);
  if (problems.length) throw new PlanError(problems);
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch {
    // writeOutput below reports the folder that cannot be written to
  }
  writeOutput(text, file, 'yaml');
  return { stdout: `${m.newPlan.created(file, plan.tasks.length, plan.departments.length)}\n` };
}
