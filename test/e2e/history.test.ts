import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, run, seedPlan, testdir } from '../helpers.js';

const who = (name: string, date?: string) => ({
  GIT_AUTHOR_NAME: name,
  GIT_AUTHOR_EMAIL: `${name}@example.org`,
  GIT_COMMITTER_NAME: name,
  GIT_COMMITTER_EMAIL: `${name}@example.org`,
  ...(date && { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }),
});

/** A repository whose plan went through a year: commits by three people, through plan and by hand, a rename, and changes not committed yet. */
function officeRepo() {
  const cwd = testdir({ 'plans/2023.yaml': seedPlan(), 'README.md': '工会\n' });
  const git = (env: Record<string, string>, ...args: string[]) => execFileSync('git', args, { cwd, env: cleanEnv(env), encoding: 'utf8' });
  const plan = (env: Record<string, string>, ...args: string[]) => {
    const r = run([...args, '--commit'], { cwd, env });
    expect(r.code, r.stderr).toBe(0);
  };
  git(who('张三', '2023-02-13T09:00:00+08:00'), 'init', '-q', '-b', 'main');
  git(who('张三', '2023-02-13T09:00:00+08:00'), 'add', '.');
  git(who('张三', '2023-02-13T09:00:00+08:00'), 'commit', '-q', '-m', '印发 2023 年工作计划');
  plan(who('李四', '2023-04-20T17:30:00+08:00'), 'done', '7', '--as-of', '2023-04-20');
  plan(who('王五', '2023-05-08T10:00:00+08:00'), 'edit', '9', '--period', '9-10月', '--note', '因场地调整', '--as-of', '2023-05-08');
  plan(who('王五', '2023-05-09T10:00:00+08:00'), 'add', '--content', '职工书法比赛', '--period', '11月', '--department', '机关工会');
  // By hand: content reworded and a unit added, in one commit with another file.
  const file = join(cwd, 'plans/2023.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('content: “书香城管”读书沙龙', 'content: “书香城管”读书沙龙（四期）'));
  writeFileSync(join(cwd, 'README.md'), '工会工作计划\n');
  git(who('赵六', '2023-06-01T08:00:00+08:00'), 'commit', '-q', '-am', '修订读书沙龙');
  plan(who('李四', '2023-06-15T09:00:00+08:00'), 'cancel', '26', '--reason', '上级通知取消', '--date', '2023-06-15');
  return { cwd, git, file };
}

describe('plan history in a repository with several authors', () => {
  let repo: ReturnType<typeof officeRepo>;
  beforeAll(() => {
    repo = officeRepo();
  });

  it('one task: when, by whom, what (table)', () => {
    const r = run(['history', '7'], { cwd: repo.cwd });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('│')).map((l) => l.split('│').slice(1, -1).map((c) => c.trim()));
    expect(r.stdout.split('\n')[0]).toBe('任务 7 的变化记录 (“书香城管”读书沙龙（四期）)');
    expect(rows).toEqual([
      ['日期', '提交者', '提交', '变化'],
      ['2023-02-13 09:00', '张三', expect.stringMatching(/^[0-9a-f]{7}$/), '新增：“书香城管”读书沙龙'],
      ['2023-04-20 17:30', '李四', expect.stringMatching(/^[0-9a-f]{7}$/), '完成 (2023-04-20)'],
      ['2023-06-01 08:00', '赵六', expect.stringMatching(/^[0-9a-f]{7}$/), '内容：“书香城管”读书沙龙 → “书香城管”读书沙龙（四期）'],
    ]);
  });

  it('a moved period and its log entry; an added then cancelled task', () => {
    const nine = run(['history', '9', '--format', 'json'], { cwd: repo.cwd });
    const entries = JSON.parse(nine.stdout).entries;
    expect(entries.slice(1).map((e: { author: string; change: unknown }) => [e.author, e.change])).toEqual([
      ['王五', { kind: 'changed', key: 'period', from: expect.any(String), to: '9-10月' }],
      ['王五', { kind: 'logged', date: '2023-05-08', note: expect.stringMatching(/^计划时间由.+调整为9-10月：因场地调整$/) }],
    ]);
    const added = JSON.parse(run(['history', '26', '--format', 'json'], { cwd: repo.cwd }).stdout);
    expect(added.entries.map((e: { subject: string; change: { kind: string } }) => [e.subject, e.change.kind])).toEqual([
      ['plan: 新增任务 26 (职工书法比赛)', 'added'],
      ['plan: 取消任务 26 (职工书法比赛)', 'cancelled'],
    ]);
  });

  it('the whole plan, with the documented JSON', () => {
    const r = run(['history', '--format', 'json'], { cwd: repo.cwd });
    const h = JSON.parse(r.stdout);
    expect(Object.keys(h)).toEqual(['file', 'task', 'entries']);
    expect(h.file).toBe('plans/2023.yaml');
    expect(h.task).toBeNull();
    expect(h.entries[0]).toEqual({
      commit: expect.stringMatching(/^[0-9a-f]{40}$/),
      date: '2023-02-13T09:00:00+08:00',
      author: '张三',
      email: '张三@example.org',
      subject: '印发 2023 年工作计划',
      task: null,
      change: { kind: 'created', tasks: 25 },
    });
    expect(h.entries.map((e: { task: number | null; change: { kind: string } }) => `${e.task}:${e.change.kind}`)).toEqual([
      'null:created', '7:completed', '9:changed', '9:logged', '26:added', '7:changed', '26:cancelled',
    ]);
    const md = run(['history', '--format', 'markdown', '--limit', '2'], { cwd: repo.cwd });
    expect(md.stdout).toMatch(/^### 2023年市城管执法局工会工作计划：变化记录\n\n\| 日期 \| 提交者 \| 提交 \| 任务 \| 变化 \|\n/);
    expect(md.stdout.trim().split('\n')).toHaveLength(6); // heading, blank, head, rule, two rows
  });

  it('--limit keeps the most recent; --lang en speaks English', () => {
    const r = run(['history', '--limit', '1', '--lang', 'en'], { cwd: repo.cwd });
    expect(r.stdout).toContain('cancelled (2023-06-15): 上级通知取消');
    expect(r.stdout).not.toContain('plan file created');
  });
});

describe('plan history and the working copy', () => {
  it('uncommitted changes come last, marked; a conflicted working copy is one invalid entry', () => {
    const { cwd, file } = officeRepo();
    expect(run(['log', '3', '已部署', '--as-of', '2023-07-01'], { cwd }).code).toBe(0);
    const r = JSON.parse(run(['history', '3', '--format', 'json'], { cwd }).stdout);
    expect(r.entries.at(-1)).toEqual({ commit: null, date: null, author: null, email: null, subject: null, task: 3, change: { kind: 'logged', date: '2023-07-01', note: '已部署' } });
    expect(run(['history', '3'], { cwd }).stdout).toContain('(未提交)');
    writeFileSync(file, `${readFileSync(file, 'utf8')}<<<<<<< HEAD\n=======\n>>>>>>> other\n`);
    const all = JSON.parse(run(['history', '--format', 'json'], { cwd }).stdout);
    expect(all.entries.at(-1)).toMatchObject({ commit: null, task: null, change: { kind: 'invalid' } });
  });

  it('a merge reports what each branch did once, by its author, and only its own resolution itself', () => {
    const { cwd, git, file } = officeRepo();
    git(who('李四'), 'checkout', '-q', '-b', 'branch');
    expect(run(['log', '3', '分支进展', '--as-of', '2023-07-01', '--commit'], { cwd, env: who('李四') }).code).toBe(0);
    git(who('王五'), 'checkout', '-q', 'main');
    expect(run(['done', '5', '--as-of', '2023-07-02', '--commit'], { cwd, env: who('王五') }).code).toBe(0);
    expect(run(['edit', '8', '--content', '主线内容', '--commit'], { cwd, env: who('王五') }).code).toBe(0);
    git(who('李四'), 'checkout', '-q', 'branch');
    expect(run(['edit', '8', '--content', '分支内容', '--commit'], { cwd, env: who('李四') }).code).toBe(0);
    git(who('王五'), 'checkout', '-q', 'main');
    expect(() => git(who('王五'), 'merge', '-q', 'branch')).toThrow(); // both changed task 8
    const text = readFileSync(file, 'utf8').replace(/<<<<<<< .*\n.*\n=======\n.*\n>>>>>>> .*\n/, '    content: 合并后的内容\n');
    writeFileSync(file, text);
    git(who('王五'), 'commit', '-q', '-am', '合并分支');
    const h = JSON.parse(run(['history', '--format', 'json', '--limit', '5'], { cwd }).stdout);
    const seen = h.entries.map((e: { author: string; subject: string; task: number; change: { kind: string; to?: string } }) => `${e.author} ${e.task} ${e.change.kind}${e.change.to ? ` ${e.change.to}` : ''}`);
    expect(seen.sort()).toEqual(['李四 3 logged', '李四 8 changed 分支内容', '王五 5 completed', '王五 8 changed 主线内容', '王五 8 changed 合并后的内容'].sort());
    expect(h.entries.at(-1).subject).toBe('合并分支');
  });

  it('after a rename, the history starts at the rename', () => {
    const { cwd, git } = officeRepo();
    mkdirSync(join(cwd, 'archive'));
    git(who('张三'), 'mv', 'plans/2023.yaml', 'archive/2023.yaml');
    git(who('张三'), 'commit', '-q', '-m', '归档');
    const r = run(['history', '7', '-f', 'archive/2023.yaml', '--format', 'json'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).entries.map((e: { subject: string; change: { kind: string } }) => `${e.subject} ${e.change.kind}`)).toEqual(['归档 added', '归档 completed']);
  });
});

describe('plan history refusals', () => {
  it('no repository, a file never committed, no git: one clear line, exit 1', () => {
    const bare = testdir({ 'plans/2023.yaml': seedPlan() });
    expect(run(['history'], { cwd: bare })).toEqual({ code: 1, stdout: '', stderr: 'plan: plans/2023.yaml: 文件不在 git 仓库中\n' });
    execFileSync('git', ['init', '-q'], { cwd: bare, env: cleanEnv() });
    const never = run(['history', '7'], { cwd: bare });
    expect(never.code).toBe(1);
    expect(never.stderr).toMatch(/^plan: plans\/2023\.yaml: 文件还没有提交到 git，没有变化记录 \(.*\)\n$/);
    const noGit = run(['history'], { cwd: bare, env: { PATH: '/nonexistent' } });
    expect(noGit).toEqual({ code: 1, stdout: '', stderr: 'plan: plans/2023.yaml: 找不到 git 命令\n' });
  });

  it('a task the plan never had: exit 1; a bad --limit: exit 2', () => {
    const { cwd } = officeRepo();
    expect(run(['history', '99'], { cwd })).toEqual({ code: 1, stdout: '', stderr: 'plan: plans/2023.yaml: 任务 99 不在计划文件中，也不在它的 git 历史中 (应为计划中有过的任务序号)\n' });
    for (const limit of ['0', '-1', 'x', '1.5']) {
      const r = run(['history', '--limit', limit], { cwd });
      expect(r.code, limit).toBe(2);
      expect(r.stderr).toContain('不是条数');
    }
  });

  it('a task removed since still has its history', () => {
    const { cwd } = officeRepo();
    expect(run(['remove', '26', '--force', '--commit'], { cwd, env: who('李四') }).code).toBe(0);
    const r = JSON.parse(run(['history', '26', '--format', 'json'], { cwd }).stdout);
    expect(r.entries.at(-1).change).toEqual({ kind: 'removed', content: '职工书法比赛' });
  });
});
