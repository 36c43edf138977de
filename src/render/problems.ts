/** A problem of a plan file as data: its place (1-based line and column, null for the file as a whole) and what it says. */
export interface LocatedProblem {
  file: string;
  line: number | null;
  column: number | null;
  message: string;
}

/**
 * A problem line of `file` as data. The tool writes them `FILE:LINE:COL: message` or `FILE: message`;
 * the file is matched as the known prefix, so a name holding colons is no trouble. Any other line is
 * a message on the file as a whole.
 */
export function locateProblem(file: string, text: string): LocatedProblem {
  const rest = text.startsWith(file) ? text.slice(file.length) : undefined;
  const at = rest === undefined ? null : /^(?::(\d+):(\d+))?: ([\s\S]*)$/.exec(rest);
  if (!at) return { file, line: null, column: null, message: text };
  return { file, line: at[1] ? Number(at[1]) : null, column: at[2] ? Number(at[2]) : null, message: at[3]! };
}
