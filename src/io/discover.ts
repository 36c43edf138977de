import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PlanError } from '../errors.js';
import { m } from '../messages.js';

/**
 * The plan file to use: `-f`, else $PLAN_FILE, else plans/<year of as-of>.yaml, else the only
 * plans/*.yaml; an error naming what it looked for otherwise. Paths are relative to `cwd`.
 */
export function findPlanFile(opts: { file?: string; env: NodeJS.ProcessEnv; cwd: string; asOf: string }): string {
  if (opts.file) return opts.file;
  if (opts.env.PLAN_FILE) return opts.env.PLAN_FILE;
  const wanted = `plans/${opts.asOf.slice(0, 4)}.yaml`;
  if (existsSync(join(opts.cwd, wanted))) return wanted;
  let found: string[] = [];
  try {
    found = readdirSync(join(opts.cwd, 'plans')).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    // no plans/ folder: fall through to the error below
  }
  if (found.length === 1) return `plans/${found[0]}`;
  if (found.length > 1) throw new PlanError(m.severalPlanFiles(wanted, found.map((f) => `plans/${f}`)));
  throw new PlanError(m.noPlanFile(['-f', '$PLAN_FILE', wanted, 'plans/*.yaml']));
}
