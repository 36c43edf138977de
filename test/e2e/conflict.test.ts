import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, run, seedPlan, testdir } from '../helpers.js';

const GIT_ENV = cleanEnv({ GIT_AUTHOR_NAME: '张三', GIT_AUTHOR_EMAIL: 'z@example.org', GIT_COMMITTER_NAME: '张三', GIT_COMMITTER_EMAIL: 'z@example.org' });
const CONTENT = /content: “书香城管”读书沙龙(?=\r?\n)/;

/** A repository whose plans/2023.yaml is left mid-merge: task 7's content changed on two branches. */
function conflictedRepo(plan: string): string {
  const cwd = testdir({ 'plans/2023.yaml': plan });
  const git = (...args: string[]) => spawnSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' });
  const commit = (content: string) => {
    const text = readFileSync(join(cwd, 'plans/2023.yaml'), 'utf8');
    expect(text).toMatch(CONTENT);
    writeFileSync(join(cwd, 'plans/2023.yaml'), text.replace(CONTENT, `content: ${content}`));
    expect(git('commit', '-q', '-a', '-m', content).status).toBe(0);
  };
  expect(git('init', '-q', '-b', 'main').status).toBe(0);
  expect(git('add', '.').status).toBe(0);
  expect(git('commit', '-q', '-m', 'init').status).toBe(0);
  expect(git('checkout', '-q', '-b', 'other').status).toBe(0);
  commit('“书香城管”读书会');
  expect(git('checkout', '-q', 'main').status).toBe(0);
  commit('“书香城管”读书沙龙 (线上)');
  const merge = git('merge', 'other');
  expect(merge.status, merge.stderr).toBe(1);
  expect(merge.stdout).toContain('CONFLICT (content): Merge conflict in plans/2023.yaml');
  return cwd;
}

const PROBLEM =
  'plans/2023.yaml:94:1: 文件中有未解决的 git 合并冲突 (第 94、96、98 行有冲突标记；请先解决冲突，删除 <<<<<<<、=======、>>>>>>> 标记后再运行)';
const MESSAGE = PROBLEM.slice('plans/2023.yaml:94:1: '.length);
const AS_OF = ['--as-of', '2023-04-20'];

describe.each([
  ['LF', seedPlan()],
  ['CRLF and a BOM', `\ufeff${seedPlan().replace(/\n/g, '\r\n')}`],
])('a plan left mid-merge by git (%s)', (_, plan) => {
  let cwd = '';
  let file = '';
  let bytes = Buffer.alloc(0);
  beforeAll(() => {
    cwd = conflictedRepo(plan);
    file = join(cwd, 'plans/2023.yaml');
    bytes = readFileSync(file);
  });

  it('holds the markers git wrote, where the message says', () => {
    const text = bytes.toString('utf8');
    expect([text.startsWith('\ufeff'), text.includes('\r\n')]).toEqual([plan.startsWith('\ufeff'), plan.includes('\r\n')]);
    const lines = text.split('\n');
    expect([93, 95, 97].map((i) => lines[i]!.replace(/\r$/, ''))).toEqual(['<<<<<<< HEAD', '=======', '>>>>>>> other']);
  });

  it('plan list: the one message, exit 1', () => {
    expect(run(['list', ...AS_OF], { cwd })).toEqual({ code: 1, stdout: '', stderr: `plan: ${PROBLEM}\n` });
  });

  it('plan validate: the one message, exit 1', () => {
    expect(run(['validate'], { cwd })).toEqual({ code: 1, stdout: 'plans/2023.yaml：1 个问题\n', stderr: `plan: ${PROBLEM}\n` });
  });

  it('plan validate in GitHub Actions: one annotation at the first marker', () => {
    const r = run(['validate'], { cwd, env: { GITHUB_ACTIONS: 'true' } });
    expect(r).toEqual({
      code: 1,
      stdout: `plans/2023.yaml：1 个问题\n::error file=plans/2023.yaml,line=94,col=1::${MESSAGE}\n`,
      stderr: `plan: ${PROBLEM}\n`,
    });
  });

  it('plan validate --format json: one problem at line 94, column 1', () => {
    const r = run(['validate', '--format', 'json'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([{ file: 'plans/2023.yaml', line: 94, column: 1, message: MESSAGE, severity: 'error' }]);
  });

  it('plan validate --format codequality: one problem on line 94', () => {
    const r = run(['validate', '--format', 'codequality'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { description: string; location: unknown }[];
    expect(report.map((p) => [p.description, p.location])).toEqual([[MESSAGE, { path: 'plans/2023.yaml', lines: { begin: 94 } }]]);
  });

  it('plan done 7: refused with the one message, the file byte-for-byte as git left it', () => {
    expect(run(['done', '7', ...AS_OF], { cwd })).toEqual({ code: 1, stdout: '', stderr: `plan: ${PROBLEM}\n` });
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(join(cwd, 'plans'))).toEqual(['2023.yaml']);
  });

  it('in English with --lang en', () => {
    expect(run(['done', '7', '--lang', 'en', ...AS_OF], { cwd }).stderr).toBe(
      'plan: plans/2023.yaml:94:1: unresolved git merge conflict (conflict markers on lines 94, 96, 98; resolve the merge and remove the <<<<<<<, =======, >>>>>>> markers first)\n',
    );
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});
