import type { Context, Output } from '../context.js';
import { isPlanError } from '../errors.js';
import { checkPlanText, readPlanSource } from '../io/load.js';
import { m } from '../messages.js';
import { errorAnnotation, inGitHubActions } from '../render/github.js';
import { locateProblem, type LocatedProblem } from '../render/problems.js';
import { escapeLine } from '../render/terminal.js';
import type { ValidateFormat } from '../formats.js';
import { planFile } from './common.js';

export interface ValidateOptions {
  format: ValidateFormat;
}

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

/** Every problem of the checks as data, in the order of the files and of their lines. */
export function locatedProblems(checks: readonly FileCheck[]): LocatedProblem[] {
  return checks.flatMap((c) => c.problems.map((p) => locateProblem(c.file, p)));
}

/**
 * Checks the files (default: the current plan); exit 1 when any has a problem. The text format
 * reports each file and prints the problems on stderr; a machine format prints only its document
 * on stdout, problems included, and nothing on stderr.
 */
export async function validate(files: string[], opts: ValidateOptions, ctx: Context): Promise<Output> {
  const targets = files.length ? files : [planFile(ctx)];
  const checks = await Promise.all(targets.map(checkFile));
  const exitCode = checks.some((c) => c.problems.length) ? 1 : 0;
  if (opts.format !== 'text') return { stdout: await renderProblems(locatedProblems(checks), opts.format, ctx), exitCode };
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
    exitCode,
  };
}

/** The problems in a machine format, loading only that format's renderer. */
async function renderProblems(problems: LocatedProblem[], format: Exclude<ValidateFormat, 'text'>, ctx: Context): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../render/problems-json.js')).problemsJson(problems);
    case 'codequality':
      return (await import('../render/codequality.js')).codeQualityReport(problems, ctx.cwd);
  }
}
