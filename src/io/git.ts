import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

/**
 * `git config user.name` in `cwd`, when git is there and has one; never rejects. The config files
 * are read directly when where they are and what they say is certain: spawning git (loading
 * child_process, then the process itself) would be a large share of a `done`.
 * Otherwise git is asked (GIT_CONFIG* and the like, includes, worktrees, a git other than Linux's
 * /usr/bin/git).
 */
export async function gitUserName(cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const read = configUserName(cwd, env);
  return read === ASK_GIT ? askGit(cwd, env) : read;
}

/** Variables that change which config files git reads, or which repository it finds. */
const GIT_LOCATIONS = /^GIT_(CONFIG|DIR$|WORK_TREE$|COMMON_DIR$|CEILING_DIRECTORIES$|DISCOVERY_ACROSS_FILESYSTEM$|TEST_)/;

/** Where reading the files is not certain to give git's answer. */
export const ASK_GIT = Symbol('ask git');

/** user.name (trimmed) from the config files git reads in `cwd`; ASK_GIT when that is not certain. */
export function configUserName(cwd: string, env: NodeJS.ProcessEnv): string | undefined | typeof ASK_GIT {
  if (Object.keys(env).some((k) => GIT_LOCATIONS.test(k)) || !env.HOME) return ASK_GIT;
  const git = onPath('git', env.PATH ?? '');
  if (git === undefined) return undefined; // no git: no name
  // A distribution's git, whose system config is /etc/gitconfig (not so for macOS's /usr/bin/git).
  if (git !== '/usr/bin/git' || process.platform !== 'linux') return ASK_GIT;
  const local = repositoryConfig(cwd);
  if (local === ASK_GIT) return ASK_GIT;
  const files = ['/etc/gitconfig', join(env.XDG_CONFIG_HOME || join(env.HOME, '.config'), 'git', 'config'), join(env.HOME, '.gitconfig'), local];
  let name: string | undefined;
  for (const file of files) {
    if (file === undefined) continue;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      return ASK_GIT;
    }
    const found = userNames(text);
    if (found === ASK_GIT) return ASK_GIT;
    if (found.length) name = found.at(-1);
  }
  return name?.trim() || undefined; // as git's output, trimmed
}

/** The resolved path of the first `name` on PATH. */
function onPath(name: string, path: string): string | undefined {
  const file = path.split(delimiter).map((dir) => dir && join(dir, name)).find((f) => f && isFile(f));
  return file && realpathSync(file);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The config file of the repository `cwd` is in (undefined outside one); ASK_GIT for anything but a plain one of ours. */
function repositoryConfig(cwd: string): string | undefined | typeof ASK_GIT {
  let dir: string;
  let device: number;
  try {
    dir = realpathSync(cwd);
    device = statSync(dir).dev;
  } catch {
    return ASK_GIT;
  }
  for (;;) {
    try {
      const dotGit = lstatSync(join(dir, '.git'));
      // A .git file (worktree, submodule), one git would pass over (no HEAD), or a repository
      // owned by someone else (safe.directory).
      const uid = process.getuid?.();
      if (!dotGit.isDirectory() || !isFile(join(dir, '.git', 'HEAD')) || dotGit.uid !== uid || statSync(dir).uid !== uid) return ASK_GIT;
      return join(dir, '.git', 'config');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return ASK_GIT;
    }
    if (isFile(join(dir, 'HEAD'))) return ASK_GIT; // maybe a bare repository
    const up = dirname(dir);
    if (up === dir) return undefined;
    try {
      if (statSync(up).dev !== device) return ASK_GIT; // git stops at a file system's edge
    } catch {
      return ASK_GIT;
    }
    dir = up;
  }
}

/** White space as git's ctype has it. */
const SPACE = /[ \t\r\n]/;

/**
 * The values of user.name in a config file's text, in order, parsed as git's config.c does;
 * ASK_GIT for includes, worktree settings, a name without a value, or text git would reject.
 */
export function userNames(text: string): string[] | typeof ASK_GIT {
  if (/\[\s*include|worktreeconfig/i.test(text)) return ASK_GIT;
  const s = text.replace(/^\ufeff/, '').replace(/\r\n/g, '\n');
  const names: string[] = [];
  let section = '';
  let i = 0;
  const keyChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9-]/.test(c);
  while (i < s.length) {
    const c = s[i]!;
    if (SPACE.test(c)) {
      i++;
    } else if (c === '#' || c === ';') {
      while (i < s.length && s[i] !== '\n') i++;
    } else if (c === '[') {
      const header = /^\[([A-Za-z0-9.-]+)(?:[ \t\r]+"((?:[^"\\\n]|\\.)*)")?\]/.exec(s.slice(i, i + 1000));
      if (!header) return ASK_GIT;
      section = header[2] === undefined ? header[1]!.toLowerCase() : `${header[1]!.toLowerCase()}.${header[2]}`;
      i += header[0].length;
    } else if (/[A-Za-z]/.test(c)) {
      let key = '';
      while (keyChar(s[i])) key += s[i++]!.toLowerCase();
      while (s[i] === ' ' || s[i] === '\t') i++;
      let value: string | undefined;
      if (i < s.length && s[i] !== '\n') {
        if (s[i] !== '=') return ASK_GIT;
        const parsed = parseValue(s, i + 1);
        if (!parsed) return ASK_GIT;
        [value, i] = parsed;
      }
      if (section === 'user' && key === 'name') {
        if (value === undefined) return ASK_GIT;
        names.push(value);
      }
    } else {
      return ASK_GIT;
    }
  }
  return names;
}

/** A value from `at` to the end of its line (config.c parse_value), and where the next line starts. */
function parseValue(s: string, at: number): [string, number] | undefined {
  let value = '';
  let quote = false;
  let comment = false;
  let trim = -1; // where trailing white space began, outside quotes
  let i = at;
  for (;;) {
    const c = i < s.length ? s[i++]! : '\n';
    if (c === '\n') {
      if (quote) return undefined;
      return [trim >= 0 ? value.slice(0, trim) : value, i];
    }
    if (comment) continue;
    if (!quote && SPACE.test(c)) {
      if (trim < 0) trim = value.length;
      if (value.length) value += ' '; // as config.c: each blank outside quotes is a space
      continue;
    }
    if (!quote && (c === ';' || c === '#')) {
      comment = true;
      continue;
    }
    trim = -1;
    if (c === '\\') {
      const e = i < s.length ? s[i++]! : '\n';
      if (e === '\n') continue;
      const escaped = ({ t: '\t', b: '\b', n: '\n', '\\': '\\', '"': '"' } as Record<string, string>)[e];
      if (escaped === undefined) return undefined;
      value += escaped;
    } else if (c === '"') {
      quote = !quote;
    } else {
      value += c;
    }
  }
}

/** Asks git itself, asynchronously (it runs while the plan is read). */
async function askGit(cwd: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    try {
      execFile('git', ['config', 'user.name'], { cwd, env, encoding: 'utf8', timeout: 2000 }, (error, stdout) => resolve((!error && stdout.trim()) || undefined));
    } catch {
      resolve(undefined);
    }
  });
}
