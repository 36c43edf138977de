import type { Context } from '../context.js';
import { PlanError, usageError } from '../errors.js';
import { findPlanFile } from '../io/discover.js';
import { loadPlan, type LoadedPlan } from '../io/load.js';
import { m } from '../messages.js';
import { suggest } from '../plan/suggest.js';
import type { Plan } from '../plan/types.js';

/** Finds and loads the plan the global options name. */
export function openPlan(ctx: Context): Promise<LoadedPlan> {
  return loadPlan(planFile(ctx));
}

/** Checks that a department is in the plan's registry (exit 2 with a suggestion otherwise). */
export function checkDepartment(plan: Plan, department: string): string {
  const d = department.trim();
  if (plan.departments.includes(d)) return d;
  const hint = suggest(d, plan.departments);
  throw usageError(m.unknownDepartment(department, plan.departments, hint ? m.didYouMean(hint) : ''));
}

/** The index in annex order of each id (duplicates dropped); exit 1 naming every unknown id. */
export function taskIndexes(file: string, plan: Plan, ids: readonly number[]): number[] {
  const unique = [...new Set(ids)];
  const indexes = unique.map((id) => plan.tasks.findIndex((t) => t.id === id));
  const missing = unique.filter((_, i) => indexes[i]! < 0);
  if (missing.length) {
    const known = idRanges(plan.tasks.map((t) => t.id));
    throw new PlanError(missing.map((id) => m.unknownTask(file, id, known)));
  }
  return indexes;
}

/** The index of one task, exit 1 naming the known ids when there is none. */
export function oneTask(file: string, plan: Plan, id: number): number {
  return taskIndexes(file, plan, [id])[0]!;
}

/** The plan file the global options name, without reading it. */
export function planFile(ctx: Context): string {
  return findPlanFile({ ...(ctx.file !== undefined && { file: ctx.file }), env: ctx.env, cwd: ctx.cwd, asOf: ctx.asOf });
}

/** `1-25` or `1-3、7、9-10` style summary of ids. */
export function idRanges(ids: readonly number[]): string {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.length ? m.list(parts) : '-';
}
