// GitHub Actions workflow commands, so that CI marks the problems of a plan on its lines.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import { locateProblem } from './problems.js';

/** True when running as a GitHub Actions step. */
export function inGitHubActions(env: NodeJS.ProcessEnv): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

/** A workflow command's message: `%`, CR and LF encoded. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: as a message, and `:` and `,` encoded too. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * An `::error` annotation for a problem line of `file`, which reads `FILE:LINE:COL: message` or
 * `FILE: message` (the tool's own format); any other line is annotated on the file as a whole.
 */
export function errorAnnotation(file: string, problem: string): string {
  const p = locateProblem(file, problem);
  const where = p.line !== null ? `,line=${p.line},col=${p.column}` : '';
  return `::error file=${escapeProperty(file)}${where}::${escapeData(p.message)}`;
}
