import type { Context, Output } from '../context.js';
import { PlanError } from '../errors.js';
import { checkPlanText, readPlanSource } from '../io/load.js';
import { m } from '../messages.js';
import { planFile } from './common.js';

/** The result of checking one file. */
export interface FileCheck {
  file: string;
  tasks?: number;
  problems: string[];
}

/** Checks one plan file; problems are located `FILE:LINE:COL: message` lines. */
export async function checkFile(file: string): Promise<FileCheck> {
  try {
    const { plan, problems } = await checkPlanText(file, readPlanSource(file).text);
    return { file, problems, ...(plan && { tasks: plan.tasks.length }) };
  } catch (e) {
    if (e instanceof PlanError) return { file, problems: e.lines };
    throw e;
  }
}

export async function validate(files: string[], ctx: Context): Promise<Output> {
  const targets = files.length ? files : [planFile(ctx)];
  const checks = await Promise.all(targets.map(checkFile));
  const stdout = checks.map((c) => (c.problems.length ? m.invalidFile(c.file, c.problems.length) : m.validFile(c.file, c.tasks ?? 0)));
  return {
    stdout: `${stdout.join('\n')}\n`,
    stderr: checks.flatMap((c) => c.problems),
    exitCode: checks.some((c) => c.problems.length) ? 1 : 0,
  };
}
