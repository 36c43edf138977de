import { toJson } from './json.js';
import type { LocatedProblem } from './problems.js';

/** `plan validate --format json`: every problem as `{file, line, column, message, severity}`, line and column null for a whole file. */
export function problemsJson(problems: readonly LocatedProblem[]): string {
  return toJson(problems.map((p) => ({ file: p.file, line: p.line, column: p.column, message: p.message, severity: 'error' })));
}
