import type { Lang } from './messages.js';

/** What every command gets from the global options and the process. */
export interface Context {
  /** `-f/--file`, when given. */
  file?: string;
  asOf: string;
  /** False with --no-color. */
  color: boolean;
  lang: Lang;
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdoutIsTTY: boolean;
  /** The terminal's width, when stdout is one. */
  columns?: number;
}

/** What a command prints and the exit code it ends with. */
export interface Output {
  /** Text, or the bytes of a binary format (xlsx, docx). */
  stdout?: string | Uint8Array;
  stderr?: string[];
  exitCode?: 0 | 1 | 2;
}
