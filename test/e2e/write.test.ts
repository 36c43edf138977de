import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, cleanEnv, miniPlan, run, runAsync, seedPlan, testdir } from '../helpers.js';

const FILE = 'plans/2023.yaml';
const setup = (content: string | Buffer = seedPlan()) => {
  const cwd = testdir({ [FILE]: content });
  const path = join(cwd, FILE);
  return { cwd, path, bytes: () => readFileSync(path), plan: (args: string[], env?: Record<string, string>) => run([...args, '--as-of', '2023-05-01'], { cwd, ...(env && { env }) }) };
};
const tasksOf = (bytes: Buffer) => (parse(bytes.toString('utf8').replace(/^\ufeff/, '')) as { tasks: { id: number; completed?: object; log?: object[] }[] }).tasks;

describe('plan done', () => {
  it('appends a completed block inside the task and changes no other line', () => {
    const t = setup();
    const before = t.bytes().toString();
    const r = t.plan(['done', '7', '--note', '首期读书沙龙', '--by', '张三', '--date', '2023-04-20']);
    expect(r).toMatchObject({ code: 0, stdout: '已记录完成：任务 7 (2023-04-20，张三)\n', stderr: '' });
    const after = t.bytes().toString();
    const anchor = '    content: “书香城管”读书沙龙\n    departments: [局工会, 机关工会]\n';
    expect(after).toBe(before.replace(anchor, `${anchor}    completed:\n      date: 2023-04-20\n      by: 张三\n      note: 首期读书沙龙\n`));
    expect(run(['validate'], { cwd: t.cwd }).code).toBe(0);
  });

  it('defaults the date to --as-of and the name to git config user.name', () => {
    const t = setup();
    const gitconfig = join(t.cwd, 'gitconfig');
    writeFileSync(gitconfig, '[user]\n\tname = 李四\n');
    expect(t.plan(['done', '5'], { GIT_CONFIG_GLOBAL: gitconfig }).code).toBe(0);
    expect(tasksOf(t.bytes())[4]!.completed).toEqual({ date: '2023-05-01', by: '李四' });
    expect(t.plan(['done', '6']).code).toBe(0); // no git identity: no `by`
    expect(tasksOf(t.bytes())[5]!.completed).toEqual({ date: '2023-05-01' });
  });

  it('records several ids, or none of them', () => {
    const t = setup();
    const before = t.bytes();
    const unknown = t.plan(['done', '5', '99', '100']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('plan: plans/2023.yaml: 没有序号为 99 的任务 (本计划的序号为 1-25)\nplan: plans/2023.yaml: 没有序号为 100 的任务 (本计划的序号为 1-25)\n');
    expect(t.bytes()).toEqual(before);
    expect(t.plan(['done', '5', '6', '--date', '2023-04-01']).stdout).toBe('已记录完成：任务 5、6 (2023-04-01)\n');
    const afterTwo = t.bytes();
    const again = t.plan(['done', '7', '6']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('plan: plans/2023.yaml: 任务 6 已于 2023-04-01 完成 (如需改写完成记录，请加 --force)\n');
    expect(t.bytes()).toEqual(afterTwo);
  });

  it('replaces a record with --force', () => {
    const t = setup();
    t.plan(['done', '7', '--by', '张三', '--date', '2023-04-20']);
    const refused = t.plan(['done', '7']);
    expect(refused.stderr).toContain('任务 7 已于 2023-04-20 完成，记录人 张三');
    expect(t.plan(['done', '7', '--force', '--date', '2023-04-28', '--note', '补记']).code).toBe(0);
    expect(tasksOf(t.bytes())[6]!.completed).toEqual({ date: '2023-04-28', note: '补记' });
  });

  it('prints the changed tasks as JSON', () => {
    const t = setup();
    const r = t.plan(['done', '7', '--date', '2023-04-20', '--format', 'json']);
    expect(JSON.parse(r.stdout)).toEqual([
      { id: 7, period: '3-4月', start: '2023-03-01', end: '2023-04-30', content: '“书香城管”读书沙龙', departments: ['局工会', '机关工会'], status: 'done', completed: { date: '2023-04-20' }, log: [], support: [], owners: [], group: null, fields: {}, cancelled: null },
    ]);
  });

  it.each([
    [['done', '7', '--date', '2023-13-01'], 2, '--date "2023-13-01" 不是日期'],
    [['done', 'seven'], 2, '"seven" 不是任务序号'],
    [['done'], 2, '缺少参数 <id>'],
    [['done', '7', '--format', 'xml'], 2, '--format "xml" 无效'],
    [['undo', '7'], 1, '任务 7 尚未完成，没有可撤销的完成记录'],
    [['undo', '99'], 1, '没有序号为 99 的任务'],
    [['log', '22'], 2, '缺少参数 <note>'],
    [['log', '22', '  '], 2, '进展内容为空'],
    [['log', '99', 'x'], 1, '没有序号为 99 的任务'],
  ])('%j fails with exit %i and leaves the file alone', (args, code, message) => {
    const t = setup();
    const before = t.bytes();
    const r = t.plan(args);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
    expect(t.bytes()).toEqual(before);
    expect(readdirSync(join(t.cwd, 'plans'))).toEqual(['2023.yaml']);
  });

  it('refuses to write an invalid plan and leaves it alone', () => {
    const t = setup(miniPlan().replace('1-2月', '13月'));
    const before = t.bytes();
    const r = t.plan(['done', '2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^plan: plans\/2023\.yaml:7:13: tasks\[0\]\.period "13月"/);
    expect(t.bytes()).toEqual(before);
  });
});

describe('plan undo and plan log', () => {
  it('undo after done gives back the original bytes', () => {
    const t = setup();
    const before = t.bytes();
    t.plan(['done', '1', '25', '--note', '已完成']);
    expect(t.plan(['undo', '1', '25'])).toMatchObject({ code: 0, stdout: '已撤销完成记录：任务 1、25\n' });
    expect(t.bytes()).toEqual(before);
  });

  it('log creates the list, then appends to it', () => {
    const t = setup();
    expect(t.plan(['log', '22', '第一季度竞赛已启动', '--date', '2023-03-31']).stdout).toBe('已记录进展：任务 22 (2023-03-31)：第一季度竞赛已启动\n');
    t.plan(['log', '22', '评比结果已公示']);
    expect(tasksOf(t.bytes())[21]!.log).toEqual([
      { date: '2023-03-31', note: '第一季度竞赛已启动' },
      { date: '2023-05-01', note: '评比结果已公示' },
    ]);
    expect(t.bytes().toString()).toContain('    departments: [局工会]\n    log:\n      - date: 2023-03-31\n        note: 第一季度竞赛已启动\n      - date: 2023-05-01\n        note: 评比结果已公示\n\n  - id: 23\n');
  });
});

describe('what survives a write', () => {
  it('edits flow-style tasks and files the fast reader leaves to yaml (an anchor here)', () => {
    const text = 'schemaVersion: 1\nyear: 2023\ntitle: T\ndepartments: [甲, 乙]\ntasks:\n  - {id: 1, period: 1-2月, content: 一, departments: [甲]}\n  - &t2 {id: 2, period: 3-4月, content: 二, departments: [甲, 乙]}\n';
    const t = setup(text);
    expect(t.plan(['done', '1', '--note', 'a, b']).code).toBe(0);
    expect(t.plan(['log', '2', 'x: y']).code).toBe(0);
    expect(t.bytes().toString()).toBe(
      text
        .replace('departments: [甲]}', 'departments: [甲], completed: {date: 2023-05-01, note: "a, b"}}')
        .replace('departments: [甲, 乙]}\n', 'departments: [甲, 乙], log: [{date: 2023-05-01, note: "x: y"}]}\n'),
    );
    expect(t.plan(['undo', '1']).code).toBe(0);
    expect(t.bytes().toString()).toContain('  - {id: 1, period: 1-2月, content: 一, departments: [甲]}\n');
  });

  it('edits a flow-style task after a byte-order mark and Chinese text (where yaml, reading characters, locates it)', () => {
    const text = '\ufeffschemaVersion: 1\nyear: 2023\ntitle: 二〇二三年计划\ndepartments: [甲, 乙]\ntasks:\n  - {id: 1, period: 1-2月, content: 一二三四五, departments: [甲]}\n  - &t2 {id: 2, period: 3-4月, content: 六七八, departments: [甲, 乙]}\n';
    const t = setup(text);
    expect(t.plan(['done', '2', '--by', '张三']).code).toBe(0);
    expect(t.bytes().toString()).toBe(text.replace('departments: [甲, 乙]}', 'departments: [甲, 乙], completed: {date: 2023-05-01, by: 张三}}'));
    expect(t.plan(['undo', '2']).code).toBe(0);
    expect(t.bytes().toString()).toBe(text);
  });

  it('keeps CRLF line ends, a UTF-8 BOM, comments and the file mode', () => {
    const text = `\ufeff${seedPlan().replace('departments: [局工会, 机关工会]\n\n  - id: 8', 'departments: [局工会, 机关工会]   # 读书月\n\n  - id: 8')}`.replace(/\n/g, '\r\n');
    const t = setup(Buffer.from(text));
    chmodSync(t.path, 0o640);
    expect(t.plan(['done', '7', '--date', '2023-04-20']).code).toBe(0);
    const after = t.bytes().toString('utf8');
    expect(after.startsWith('\ufeff')).toBe(true);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(after).toContain('# 读书月\r\n    completed:\r\n      date: 2023-04-20\r\n\r\n  - id: 8');
    expect(statSync(t.path).mode & 0o777).toBe(0o640);
    expect(t.plan(['undo', '7']).code).toBe(0);
    expect(t.bytes().toString('utf8')).toBe(text);
  });

  it('writes through a symlink to its target and keeps the link', () => {
    const cwd = testdir({ 'data/real.yaml': seedPlan() });
    symlinkSync('data/real.yaml', join(cwd, 'plans.yaml'));
    expect(run(['-f', 'plans.yaml', 'done', '3', '--as-of', '2023-02-01'], { cwd }).code).toBe(0);
    expect(lstatSync(join(cwd, 'plans.yaml')).isSymbolicLink()).toBe(true);
    expect(tasksOf(readFileSync(join(cwd, 'data/real.yaml')))[2]!.completed).toEqual({ date: '2023-02-01' });
    expect(readdirSync(join(cwd, 'data'))).toEqual(['real.yaml']);
  });
});

describe('concurrent and interrupted writers', () => {
  it('records all of 20 concurrent `plan done` on different ids, leaving no lock or temp file', async () => {
    const t = setup();
    const ids = Array.from({ length: 20 }, (_, i) => String(i + 1));
    const results = await Promise.all(ids.map((id) => runAsync(['done', id, '--as-of', '2023-05-01'], { cwd: t.cwd })));
    expect(results.map((r) => r.code)).toEqual(ids.map(() => 0));
    expect(tasksOf(t.bytes()).filter((task) => task.completed).map((task) => task.id)).toEqual(ids.map(Number));
    expect(readdirSync(join(t.cwd, 'plans'))).toEqual(['2023.yaml']);
  }, 60_000);

  it('takes over a lock left by a dead process at once', () => {
    const t = setup();
    const dead = execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(`${t.path}.lock`, `${dead} ${hostname()} 2023-01-01T00:00:00Z\n`);
    const started = Date.now();
    expect(t.plan(['done', '7']).code).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(existsSync(`${t.path}.lock`)).toBe(false);
  });

  it('waits for a live lock, then fails saying how to remove a stale one', () => {
    const t = setup();
    writeFileSync(`${t.path}.lock`, `${process.pid} ${hostname()} now\n`);
    const before = t.bytes();
    const r = t.plan(['done', '7'], { PLAN_LOCK_TIMEOUT: '0.5' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`计划文件正被另一个进程修改 (锁文件 ${t.path}.lock，持有者 pid ${process.pid}`);
    expect(r.stderr).toContain(`rm "${t.path}.lock"`);
    expect(t.bytes()).toEqual(before);
    expect(existsSync(`${t.path}.lock`)).toBe(true); // not ours to remove
  });

  it('never leaves a truncated file when a writer is killed at any moment', async () => {
    const t = setup();
    const original = t.bytes();
    for (let i = 0; i < 12; i++) {
      const child = spawn(process.execPath, [BIN, 'done', String((i % 25) + 1), '--force', '--as-of', '2023-05-01'], { cwd: t.cwd, env: cleanEnv() });
      const closed = new Promise((r) => child.on('close', r)); // it may finish before the kill
      await new Promise((r) => setTimeout(r, 40 + ((i * 37) % 120)));
      child.kill('SIGKILL');
      await closed;
      const bytes = t.bytes();
      const check = run(['validate'], { cwd: t.cwd });
      expect(check.code, check.stderr).toBe(0);
      expect(bytes.length).toBeGreaterThanOrEqual(original.length);
    }
    // A lock left by a killed writer does not block the next one.
    expect(t.plan(['done', '25', '--force']).code).toBe(0);
    expect(readdirSync(join(t.cwd, 'plans')).filter((f) => f !== '2023.yaml' && !f.endsWith('.lock'))).toEqual([]);
  }, 60_000);
});

describe('git', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...cleanEnv(), GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' } });

  it('merges two branches that complete neighbouring tasks without conflict', () => {
    const t = setup();
    git(t.cwd, 'init', '-q', '-b', 'main');
    git(t.cwd, 'add', '.');
    git(t.cwd, 'commit', '-qm', 'plan');
    git(t.cwd, 'checkout', '-qb', 'a');
    expect(t.plan(['done', '6', '--note', '疗休养已安排']).code).toBe(0);
    git(t.cwd, 'commit', '-qam', 'done 6');
    git(t.cwd, 'checkout', '-q', 'main');
    git(t.cwd, 'checkout', '-qb', 'b');
    expect(t.plan(['done', '7']).code).toBe(0);
    expect(t.plan(['log', '5', '已举办']).code).toBe(0);
    git(t.cwd, 'commit', '-qam', 'done 7, log 5');
    git(t.cwd, 'merge', '-q', '--no-edit', 'a'); // throws on a conflict
    const tasks = tasksOf(t.bytes());
    expect(tasks.filter((task) => task.completed).map((task) => task.id)).toEqual([6, 7]);
    expect(tasks[4]!.log).toHaveLength(1);
    expect(run(['validate'], { cwd: t.cwd }).code).toBe(0);
    // The diff of a `done` is only the task's own lines.
    const diff = git(t.cwd, 'diff', 'main', 'a', '--unified=0');
    expect(diff.split('\n').filter((l) => /^[+-](?![+-])/.test(l))).toEqual(['+    completed:', '+      date: 2023-05-01', '+      note: 疗休养已安排']);
  });
});
