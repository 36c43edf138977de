/** Exit codes: 1 = the plan is invalid or the operation cannot be done; 2 = the command line is wrong. */
export type ExitCode = 1 | 2;

/** An error the user can fix: printed as `plan: <line>` for each line, without a stack trace. */
export class PlanError extends Error {
  readonly lines: string[];
  constructor(
    lines: string | string[],
    readonly exitCode: ExitCode = 1,
  ) {
    const all = typeof lines === 'string' ? [lines] : lines;
    super(all.join('\n'));
    this.name = 'PlanError';
    this.lines = all;
  }
}

/** True for a PlanError, also one thrown by another bundle's copy of this class (dist/*.cjs). */
export function isPlanError(e: unknown): e is PlanError {
  return e instanceof Error && e.name === 'PlanError' && Array.isArray((e as PlanError).lines);
}

/** A command-line mistake (exit code 2). */
export function usageError(message: string): PlanError {
  return new PlanError(message, 2);
}
