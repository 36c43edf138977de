import type { Plan } from '../plan/types.js';
import { checkPlanText } from './load.js';
import { knownOf, readAgainst, type Known } from './plan-cache.js';

/**
 * Reads many versions of one plan file (its git history, oldest first): each version is read
 * through the one before it, so only the task blocks that changed are parsed and checked; a
 * version whose header changed, or that is not in the simple layout, is read in full. An
 * invalid version is undefined. The same text (`key`, such as git's blob id) is read once.
 */
export async function readPlanVersions(file: string, versions: readonly { key: string; text: string }[]): Promise<(Plan | undefined)[]> {
  const seen = new Map<string, Plan | undefined>();
  const plans: (Plan | undefined)[] = [];
  let before: Known | undefined;
  for (const { key, text } of versions) {
    if (key && seen.has(key)) {
      plans.push(seen.get(key));
      continue;
    }
    let plan: Plan | undefined;
    const through = before && readAgainst(text, before);
    if (through) {
      plan = through.plan;
      before = through.known;
    } else {
      const full = await checkPlanText(file, text);
      plan = full.plan;
      if (plan && full.ranges) before = knownOf(text, plan, full.ranges) ?? before;
    }
    if (key) seen.set(key, plan);
    plans.push(plan);
  }
  return plans;
}
