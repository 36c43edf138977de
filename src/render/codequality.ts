// A GitLab Code Quality report, which a merge request shows on the lines of the changed files.
// https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { toJson } from './json.js';
import type { LocatedProblem } from './problems.js';

/**
 * The report of `plan validate --format codequality`. Paths are relative to `cwd` (GitLab matches
 * them against the repository); a problem of a file as a whole (missing, unreadable) is critical
 * and placed on line 1, a problem on a line is major. The fingerprint, which GitLab uses to tell a
 * problem that stays from one that is new, hashes the path, the place and the message.
 */
export function codeQualityReport(problems: readonly LocatedProblem[], cwd: string): string {
  return toJson(
    problems.map((p) => {
      const path = reportPath(p.file, cwd);
      return {
        description: p.message,
        check_name: 'plan-validate',
        fingerprint: createHash('sha256').update(JSON.stringify([path, p.line, p.column, p.message])).digest('hex'),
        severity: p.line === null ? 'critical' : 'major',
        location: { path, lines: { begin: p.line ?? 1 } },
      };
    }),
  );
}

/** A file's path relative to `cwd`, with `/` separators; a file outside it keeps its absolute path. */
function reportPath(file: string, cwd: string): string {
  const absolute = resolve(cwd, file);
  const path = relative(cwd, absolute);
  if (path === '' || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) return absolute.split(sep).join('/');
  return path.split(sep).join('/');
}
