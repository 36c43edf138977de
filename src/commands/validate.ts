import type { Context, Output } from '../context.js';
import { PlanError } from '../errors.js';
import { findPlanFile } from '../io/discover.js';
import { checkPlanText, readPlanText } from '../io/load.js';
import { m } from '../messages.js';
import { errorAnnotation, inGitHubActions } from '../render/github.js';

/** The result of checking one file. */
export interface FileCheck {
  file: string;
  tasks?: number;
  problems: string[];
}

/** Checks one plan file; problems are located `FILE:LINE:COL: message` lines. */
export function checkFile(file: string): FileCheck {
  try {
    const { plan, problems } = checkPlanText(file, readPlanText(file));
    return { file, problems, ...(plan && { tasks: plan.tasks.length }) };
  } catch (e) {
    if (e instanceof PlanError) return { file, problems: e.lines };
    throw e;
  }
}

export async function validate(files: string[], ctx: Context): Promise<Output> {
  const targets = files.length ? files : [findPlanFile({ ...(ctx.file !== undefined && { file: ctx.file }), env: ctx.env, cwd: ctx.cwd, asOf: ctx.asOf })];
  const checks = targets.map(checkFile);
  // In GitHub Actions each problem is also an annotation, so the workflow marks its line.
  const annotate = inGitHubActions(ctx.env);
  const report = (c: FileCheck) => [
    c.problems.length ? m.invalidFile(c.file, c.problems.length) : m.validFile(c.file, c.tasks ?? 0),
    ...(annotate ? c.problems.map((p) => errorAnnotation(c.file, p)) : []),
  ];
  return {
    stdout: `${checks.flatMap(report).join('\n')}\n`,
    stderr: checks.flatMap((c) => c.problems),
    exitCode: checks.some((c) => c.problems.length) ? 1 : 0,
  };
}
