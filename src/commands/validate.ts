import type { Context, Output } from '../context.js';
import { isPlanError } from '../errors.js';
import { checkPlanText, readPlanSource } from '../io/load.js';
import { m } from '../messages.js';
import { errorAnnotation, inGitHubActions } from '../render/github.js';
import { escapeLine } from '../render/terminal.js';
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
    if (isPlanError(e)) return { file, problems: e.lines };
    throw e;
  }
}

export async function validate(files: string[], ctx: Context): Promise<Output> {
  const targets = files.length ? files : [planFile(ctx)];
  const checks = await Promise.all(targets.map(checkFile));
  // In GitHub Actions each problem is also an annotation, so the workflow marks its line.
  const annotate = inGitHubActions(ctx.env);
  const report = (c: FileCheck) => [
    c.problems.length ? m.invalidFile(c.file, c.problems.length) : m.validFile(c.file, c.tasks ?? 0),
    ...(annotate ? c.problems.map((p) => errorAnnotation(c.file, p)) : []),
  ];
  return {
    // File names come from a glob over a repository: shown escaped, like the problems on stderr.
    stdout: `${checks.flatMap(report).map(escapeLine).join('\n')}\n`,
    stderr: checks.flatMap((c) => c.problems),
    exitCode: checks.some((c) => c.problems.length) ? 1 : 0,
  };
}
