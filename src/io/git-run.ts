import { execFile } from 'node:child_process';

/** git failed: its own first error line (without `fatal:`), and `code` ENOENT when there is no git. */
export class GitFailure extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Runs git in `cwd` and gives its standard output; rejects with a GitFailure. */
export function runGit(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((ok, fail) => {
    execFile('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return ok(stdout);
      const code = (error as NodeJS.ErrnoException).code;
      const said = `${stderr}\n${stdout}`.split('\n').map((l) => l.trim()).filter(Boolean);
      const line = said.find((l) => /^(error|fatal):/i.test(l)) ?? said[0] ?? error.message;
      fail(new GitFailure(line.replace(/^(error|fatal):\s*/i, ''), typeof code === 'string' ? code : undefined));
    });
  });
}
