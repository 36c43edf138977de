import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generatePlan } from '../../bench/generate.mjs';
import { run, testdir } from '../helpers.js';

// Plans of the size offices have at most (the bench's 1,200-task plan is 150 KiB).
describe('big plans', () => {
  const setup = () => {
    const cwd = testdir({ 'plans/2023.yaml': generatePlan(1200) });
    const plan = (args: string[], env: Record<string, string> = {}) => run([...args, '--as-of', '2023-05-01'], { cwd, env });
    return { cwd, file: join(cwd, 'plans/2023.yaml'), plan };
  };
  const ids = (stdout: string) => (JSON.parse(stdout) as { id: number; status: string }[]).map((t) => `${t.id}:${t.status}`);

  it('reads a big plan again after every change, and locates a problem in it', () => {
    const { file, plan } = setup();
    const first = plan(['list', '--period', '3-4月', '--format', 'json']);
    expect(first.code).toBe(0);
    expect(plan(['list', '--period', '3-4月', '--format', 'json']).stdout).toBe(first.stdout);

    // Edited by hand: seen at once.
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - id: 11\n    period: 3-4月\n', '  - id: 11\n    period: 5-6月\n'));
    const edited = ids(plan(['list', '--period', '3-4月', '--format', 'json']).stdout);
    expect(edited).not.toContain('11:overdue');
    expect(edited).toHaveLength(ids(first.stdout).length - 1);

    // Made invalid by hand: reported as such, located.
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - id: 11\n    period: 5-6月', '  - id: 11\n    period: 13月'));
    const invalid = plan(['list']);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/^plan: plans\/2023\.yaml:\d+:13: tasks\[10\]\.period "13月"/);
  });


  it('finds the tasks of a plan whose ids an int32 cannot hold', () => {
    const { file, plan } = setup();
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - id: 5\n', '  - id: 5000000000\n'));
    const listed = plan(['list', '--format', 'json']);
    expect(JSON.parse(listed.stdout)[4].id).toBe(5000000000);
    expect(plan(['show', '705032704']).stderr).toContain('5000000000'); // that id as an int32 is not a task; the real ids are listed
    expect(plan(['done', '6']).code).toBe(0);
  });


  it('records completion in a big plan with a minimal diff, and the next read sees it', () => {
    const { file, plan } = setup();
    const before = readFileSync(file, 'utf8');
    expect(plan(['done', '599', '--force', '--date', '2023-04-02']).code).toBe(0);
    const after = readFileSync(file, 'utf8');
    const removed = before.split('\n').filter((l, i, all) => !after.split('\n').includes(l) && all.indexOf(l) === i);
    expect(removed.every((l) => /^ {4}completed:|^ {6}(date|by):/.test(l) || l === '')).toBe(true);
    expect((parse(after) as { tasks: { id: number; completed?: object }[] }).tasks[598]!.completed).toEqual({ date: '2023-04-02' });
    const shown = JSON.parse(plan(['show', '599', '--format', 'json']).stdout);
    expect(shown.completed).toEqual({ date: '2023-04-02' });
    expect(plan(['validate']).code).toBe(0);
    expect(plan(['log', '600', '场地已落实']).code).toBe(0);
    expect(JSON.parse(plan(['show', '600', '--format', 'json']).stdout).log.at(-1)).toEqual({ date: '2023-05-01', note: '场地已落实' });
  });
});

// The cache of big plans' tasks (src/io/plan-cache.ts): the same answers as without it, always.
describe('the cache of big plans', () => {
  // Plan entries, not the compiled code kept beside them (dist/load.cjs).
  const entries = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : []);
  const setup = () => {
    const cwd = testdir({ 'plans/2023.yaml': generatePlan(1200) });
    const cache = join(cwd, 'cache');
    const plan = (args: string[], env: Record<string, string> = {}) => run([...args, '--as-of', '2023-05-01'], { cwd, env: { PLAN_CACHE_DIR: cache, ...env } });
    const entry = () => readFileSync(join(cache, entries(cache)[0]!), 'utf8');
    return { cwd, cache, file: join(cwd, 'plans/2023.yaml'), plan, entry };
  };
  const reads = [
    ['list', '--format', 'json'],
    ['list', '--period', '3-4月', '--department', '女工委', '--format', 'csv'],
    ['show', '599', '--format', 'json'],
    ['summary', '--format', 'json'],
    ['departments', '--format', 'json'],
    ['render', '--format', 'markdown'],
  ];

  it('answers every reading command as without it, after writes, hand edits and a header change', () => {
    const t = setup();
    const same = (when: string) => {
      for (const args of reads) {
        const cached = t.plan(args);
        expect(cached.code, `${when}: ${args.join(' ')}: ${cached.stderr}`).toBe(0);
        expect(cached.stdout, `${when}: ${args.join(' ')}`).toBe(t.plan(args, { PLAN_NO_CACHE: '1' }).stdout);
      }
    };
    same('first read');
    expect(entries(t.cache)).toHaveLength(1);
    same('from the entry');
    expect(t.plan(['done', '599', '600', '--date', '2023-04-02']).code).toBe(0);
    same('after done');
    expect(t.plan(['undo', '600']).code).toBe(0);
    expect(t.plan(['log', '1', '进展顺利']).code).toBe(0);
    same('after undo and log');
    // By hand: a task's content, and a task moved to another period (what a git pull brings).
    writeFileSync(t.file, readFileSync(t.file, 'utf8').replace('  - id: 11\n    period: 3-4月\n', '  - id: 11\n    period: 5-6月\n').replace(/(  - id: 599\n.*\n    content: ).*/, '$1"第599项 \\"引号\\" 与 \\\\ 反斜杠"'));
    same('after hand edits');
    // The header: a department added to the registry.
    writeFileSync(t.file, readFileSync(t.file, 'utf8').replace('departments: [', 'departments: [新部门, '));
    same('after a header change');
  }, 60_000);

  it('follows what comes after the tasks, and a line that ends the tasks inside a block', () => {
    const t = setup();
    writeFileSync(t.file, `${readFileSync(t.file, 'utf8')}notice:\n  title: 关于印发计划的通知\n`);
    const both = (args: string[]) => {
      const cached = t.plan(args);
      const plain = t.plan(args, { PLAN_NO_CACHE: '1' });
      expect([cached.code, cached.stdout, cached.stderr]).toEqual([plain.code, plain.stdout, plain.stderr]);
      return cached;
    };
    expect(both(['list', '--format', 'json']).code).toBe(0);
    expect(entries(t.cache)).toHaveLength(1);
    writeFileSync(t.file, readFileSync(t.file, 'utf8').replace('title: 关于印发计划的通知', 'title: 通知'));
    both(['list', '--format', 'json']);
    // A top-level key typed into the middle of the tasks: the tasks below it are no longer tasks.
    writeFileSync(t.file, readFileSync(t.file, 'utf8').replace('  - id: 600\n', 'printed: 2023-02-13\n  - id: 600\n'));
    expect(both(['list', '--format', 'json']).code).toBe(1);
  });

  it('reports a task made invalid, located, as without it', () => {
    const t = setup();
    expect(t.plan(['list']).code).toBe(0);
    writeFileSync(t.file, readFileSync(t.file, 'utf8').replace('  - id: 11\n    period: 3-4月', '  - id: 11\n    period: 13月'));
    const invalid = t.plan(['list']);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/^plan: plans\/2023\.yaml:\d+:13: tasks\[10\]\.period "13月"/);
    // A duplicate id, which only the check across tasks sees.
    writeFileSync(t.file, readFileSync(t.file, 'utf8').replace('period: 13月', 'period: 3-4月').replace('  - id: 12\n', '  - id: 11\n'));
    expect(t.plan(['list']).stderr).toContain('序号重复');
    // A task's block copied as it is, below the last: every block is one the entry knows.
    const text = generatePlan(1200);
    writeFileSync(t.file, text);
    expect(t.plan(['list']).code).toBe(0);
    const block = /\n(  - id: 7\n[\s\S]*?\n)(?=  - id: 8\n)/.exec(text)![1]!;
    writeFileSync(t.file, `${text}${block}`);
    const copied = t.plan(['list']);
    expect(copied.code).toBe(1);
    expect(copied.stderr).toContain('序号重复');
  });

  it('rewrites its entry only once many tasks have changed, and ignores a damaged one', () => {
    const t = setup();
    expect(t.plan(['list']).code).toBe(0);
    const first = t.entry();
    writeFileSync(t.file, readFileSync(t.file, 'utf8').replace('第1项', '第1项（改）'));
    expect(t.plan(['list', '--format', 'json']).stdout).toContain('第1项（改）');
    expect(t.entry()).toBe(first); // one task read anew costs less than a rewrite
    writeFileSync(t.file, readFileSync(t.file, 'utf8').replace(/content: 第(\d+)项/g, 'content: 第$1项（改）'));
    expect(t.plan(['list']).code).toBe(0);
    expect(t.entry()).not.toBe(first);
    expect(t.entry()).toContain('第2项（改）');
    // Damaged: cut short, or not an entry at all.
    const name = join(t.cache, entries(t.cache)[0]!);
    const good = t.plan(['list', '--format', 'json']).stdout;
    for (const damage of [t.entry().slice(0, 5000), 'not json\n']) {
      writeFileSync(name, damage);
      expect(t.plan(['list', '--format', 'json']).stdout).toBe(good);
    }
  });

  it('writes nothing with PLAN_NO_CACHE=1, nor an entry for a small plan', () => {
    const t = setup();
    expect(t.plan(['list'], { PLAN_NO_CACHE: '1' }).code).toBe(0);
    expect(existsSync(t.cache)).toBe(false);
    const small = testdir({ 'plans/2023.yaml': generatePlan(50) });
    expect(run(['list'], { cwd: small, env: { PLAN_CACHE_DIR: join(small, 'cache') } }).code).toBe(0);
    expect(entries(join(small, 'cache'))).toEqual([]);
  });
});
