import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASK_GIT, configUserName, gitUserName, userNames } from '../../src/io/git.js';

// user.name is read from git's config files directly where that is certain; these hold the
// reading to git's own answers.
const hasGit = spawnSync('git', ['--version']).status === 0;
const systemGit = hasGit && realpathSync(execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()) === '/usr/bin/git';

/** What `git config --file` says user.name is in a file holding `text`: every value, or 'error'. */
function gitSays(text: string): string[] | 'error' {
  const dir = mkdtempSync(join(tmpdir(), 'plan-git-'));
  writeFileSync(join(dir, 'config'), text);
  const r = spawnSync('git', ['config', '--file', join(dir, 'config'), '-z', '--get-all', 'user.name'], { encoding: 'utf8', env: { PATH: process.env.PATH } });
  if (r.status === 1 && r.stdout === '') return [];
  if (r.status !== 0) return 'error';
  return r.stdout.split('\0').slice(0, -1);
}

const SAMPLES = [
  '[user]\n\tname = 张三\n',
  '[user]\n\tname = "  spaced  "  \n',
  '[User]\nNAME=a\n[user]\nname = b # comment\n',
  '[user] name = same line\n',
  '[user "x"]\nname = not this\n[user.name]\nname = nor this\n',
  '[user]\nname = a \\\n  continued\n',
  '[user]\nname = tab\\there\\\\ and \\"quote\\"\n',
  '[user]\r\nname = crlf\r\n',
  '\ufeff[user]\nname = bom\n',
  '; only a comment\n[core]\n\tbare = false\n',
  '[user]\nname = a ; b\nemail = x@y\n',
  '[user]\nname =\n',
  '[user]\nname = "unterminated\n',
  '[user]\nname = bad \\q escape\n',
  '[user\nname = x\n',
  '[user ]\nname = x\n',
  '[user]\n  name\t=\t"a" b "c"  \n',
  '[user]\nname = a\tb\n',
  'name = before any section\n',
  '[user]\n1name = x\n',
];

describe('userNames (a config file read as git reads it)', () => {
  it.skipIf(!hasGit)('gives git\'s values for user.name, or defers to git where git would fail', () => {
    for (const text of SAMPLES) {
      const ours = userNames(text);
      const git = gitSays(text);
      if (ours === ASK_GIT) continue;
      expect(git, JSON.stringify(text)).toEqual(ours);
    }
    // Some of them the reader must answer itself, or it would never save anything.
    expect(SAMPLES.filter((t) => userNames(t) !== ASK_GIT).length).toBeGreaterThan(12);
  });

  it.skipIf(!hasGit)('agrees with git on generated config files', () => {
    const piece = fc.constantFrom(
      '[user]', '[User]', '[user "a b"]', '[core]', '[user.x]', '[user]\t', ' [user] ',
      'name', 'Name', 'email', 'name2', 'na-me',
      ' = ', '=', ' =\t', '"', '\\"', '\\\\', '\\n', '\\t', '\\', '\\\n', '#', ';', ' ', '\t', '\r\n', '\n', '\n', '\n',
      '张三', 'a', 'x y', '  ', '[include]', 'path = x',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const text = pieces.join('');
        const ours = userNames(text);
        if (ours === ASK_GIT) return;
        expect(gitSays(text), JSON.stringify(text)).toEqual(ours);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('defers includes and worktree settings to git', () => {
    expect(userNames('[include]\n\tpath = other\n[user]\nname = a\n')).toBe(ASK_GIT);
    expect(userNames('[includeIf "gitdir:~/w/"]\n\tpath = w\n')).toBe(ASK_GIT);
    expect(userNames('[extensions]\n\tworktreeConfig = true\n')).toBe(ASK_GIT);
  });
});

describe('configUserName (which files, in which order)', () => {
  const home = () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'plan-home-')));
    return { dir, env: { HOME: dir, PATH: process.env.PATH } };
  };

  it.skipIf(!systemGit)('reads the global files, then the repository\'s, as git does', () => {
    const { dir, env } = home();
    const repo = join(dir, 'work');
    mkdirSync(join(repo, 'plans'), { recursive: true });
    execFileSync('git', ['init', '-q', repo], { env });
    const git = (cwd: string) => spawnSync('git', ['config', 'user.name'], { cwd, env, encoding: 'utf8' }).stdout.trim() || undefined;
    const check = () => {
      for (const cwd of [dir, repo, join(repo, 'plans')]) expect(configUserName(cwd, env)).toBe(git(cwd));
    };
    check(); // none anywhere (unless /etc/gitconfig has one: both read it)
    mkdirSync(join(dir, '.config', 'git'), { recursive: true });
    writeFileSync(join(dir, '.config', 'git', 'config'), '[user]\n\tname = xdg\n');
    check();
    writeFileSync(join(dir, '.gitconfig'), '[user]\n\tname = "home  "\n');
    check();
    execFileSync('git', ['config', 'user.name', '仓库'], { cwd: repo, env });
    check();
    expect(configUserName(join(repo, 'plans'), env)).toBe('仓库');
  });

  it('defers to git for variables that move its config or repository, a .git file, or no HOME', () => {
    const { dir, env } = home();
    expect(configUserName(dir, { ...env, GIT_CONFIG_GLOBAL: '/dev/null' })).toBe(ASK_GIT);
    expect(configUserName(dir, { ...env, GIT_DIR: join(dir, 'x') })).toBe(ASK_GIT);
    expect(configUserName(dir, { ...env, GIT_SSL_CAINFO: '/etc/ssl/certs/ca-certificates.crt' })).not.toBe(ASK_GIT);
    expect(configUserName(dir, { PATH: env.PATH })).toBe(ASK_GIT);
    writeFileSync(join(dir, '.git'), 'gitdir: elsewhere\n');
    if (systemGit) expect(configUserName(dir, env)).toBe(ASK_GIT);
  });

  it('gives no name without git on PATH, and git\'s answer when it defers', async () => {
    const { dir, env } = home();
    expect(configUserName(dir, { ...env, PATH: dir })).toBeUndefined();
    writeFileSync(join(dir, '.gitconfig'), '[include]\n\tpath = more\n');
    writeFileSync(join(dir, 'more'), '[user]\n\tname = included\n');
    if (hasGit) expect(await gitUserName(dir, env)).toBe('included');
  });
});
