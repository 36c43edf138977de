// Resource bounds: hostile files give a clear error or a result within seconds, in bounded memory.
// The binary runs with a 256 MB heap: a file that made it allocate more would crash it.
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../bench/generate.mjs';
import { distance, suggest } from '../../src/plan/suggest.js';
import { miniPlan, run, testdir, type RunResult } from '../helpers.js';

const HEAP = { NODE_OPTIONS: '--max-old-space-size=256' };

/** Runs `plan -f plan.yaml <args>` on `content` (with a small heap unless `bigHeap`) and returns the result and how long it took. */
function timed(content: string | Buffer, args: string[], bigHeap = false): RunResult & { ms: number } {
  const cwd = testdir({ 'plan.yaml': content });
  const started = Date.now();
  const r = run(['-f', 'plan.yaml', ...args, '--as-of', '2024-03-01'], { cwd, ...(!bigHeap && { env: HEAP }) });
  return { ...r, ms: Date.now() - started };
}

const plan = miniPlan();

describe('resource bounds', () => {
  it('refuses an alias bomb ("billion laughs")', () => {
    let bomb = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 12; i++) bomb += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    const r = timed(`${plan}${bomb}`, ['list']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('plan: plan.yaml:1:1: YAML 语法错误：Excessive alias count indicates a resource exhaustion attack\n');
    expect(r.ms).toBeLessThan(5000);
  });

  it.each([
    ['100,000 [', `${plan}x: ${'['.repeat(100_000)}\n`, 'plan: plan.yaml:15:68: 列表或映射嵌套过深 (计划文件只需嵌套几层)\n'],
    ['5,000,000 [', `x: ${'['.repeat(5_000_000)}\n`, 'plan: plan.yaml:1:68: 列表或映射嵌套过深 (计划文件只需嵌套几层)\n'],
    ['100,000 {a: ', `x: ${'{a: '.repeat(100_000)}\n`, 'plan: plan.yaml:1:260: 列表或映射嵌套过深 (计划文件只需嵌套几层)\n'],
    ['50,000 nested "- "', `${'- '.repeat(50_000)}x\n`, /^plan: plan\.yaml:1:\d+: 列表或映射嵌套过深 \(计划文件只需嵌套几层\)\n$/],
  ])('refuses %s deep, located, in one line', (_name, content, message) => {
    const r = timed(content, ['list']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(typeof message === 'string' ? new RegExp(`^${message.replace(/[[\]().*+?]/g, '\\$&')}$`) : message);
    expect(r.ms).toBeLessThan(5000);
  });

  it('lists at most 20 YAML syntax errors, then says how many more', () => {
    const r = timed(`${plan}x: ${'[a: '.repeat(60)}\n`.replace(/\n/g, '\n'.repeat(1)), ['validate']);
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(21);
    expect(lines.every((l) => l.startsWith('plan: plan.yaml'))).toBe(true);
  });

  it('refuses a 50 MB file before reading it, and /dev/zero after 32 MiB', () => {
    const cwd = testdir();
    const fd = openSync(join(cwd, 'big.yaml'), 'w');
    const chunk = Buffer.from(`${'  - note: 0123456789abcdef\n'.repeat(40_000)}`);
    writeSync(fd, Buffer.from(plan));
    for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) writeSync(fd, chunk);
    closeSync(fd);
    for (const cmd of [['list'], ['validate', 'big.yaml'], ['done', '1'], ['import', 'big.yaml']]) {
      const started = Date.now();
      const r = run(['-f', 'big.yaml', ...cmd, '--as-of', '2024-03-01'], { cwd, env: HEAP });
      expect(r.code, cmd.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/^plan: big\.yaml: 文件过大：5\d MiB \(计划文件最大 32 MiB\)\n$/);
      expect(Date.now() - started).toBeLessThan(5000);
    }
    const zero = run(['-f', '/dev/zero', 'list'], { cwd, env: HEAP });
    expect(zero).toEqual({ code: 1, stdout: '', stderr: 'plan: /dev/zero: 文件过大：32 MiB (计划文件最大 32 MiB)\n' });
  });

  it('lists a task whose content is one line of 10 MB within seconds (the terminal table took minutes)', () => {
    const content = `${'长'.repeat(10)}${'x'.repeat(10 * 1024 * 1024)}`;
    const text = plan.replace('content: 第一项', `content: ${content}`);
    // (Over 8 MiB, the plan is read by the fast reader alone: the simple layout is not limited to that.)
    for (const args of [['list']]) {
      const r = timed(text, args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(10 * 1024 * 1024);
      expect(r.ms, args.join(' ')).toBeLessThan(15_000);
    }
  }, 120_000);

  it('checks a registry of 30,000 departments against 5,000 unknown ones within seconds', () => {
    const registry = Array.from({ length: 30_000 }, (_, i) => `部门${i}`);
    const tasks = Array.from({ length: 5_000 }, (_, i) => `  - id: ${i + 1}\n    period: 全年\n    content: 任务\n    departments: [其他${i}]\n`).join('');
    const r = timed(`schemaVersion: 1\nyear: 2024\ntitle: t\ndepartments: [${registry.join(', ')}]\ntasks:\n${tasks}`, ['validate'], true);
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(5_000);
    // The registry is listed up to 20 names, not 30,000 times 5,000.
    expect(lines[0]).toMatch(/^plan: plan\.yaml:\d+:\d+: tasks\[0\]\.departments\[0\] "其他0" 不在部门名录 departments 中 \(应为：部门0、部门1、.*、部门19、…\)$/);
    expect(r.ms).toBeLessThan(15_000);
  }, 60_000);

  it('summarises 30,000 tasks over a registry of 30,000 departments within seconds', () => {
    const registry = Array.from({ length: 30_000 }, (_, i) => `部门${i}`);
    const tasks = registry.map((d, i) => `  - id: ${i + 1}\n    period: 全年\n    content: 任务\n    departments: [${d}]\n`).join('');
    const r = timed(`schemaVersion: 1\nyear: 2024\ntitle: t\ndepartments: [${registry.join(', ')}]\ntasks:\n${tasks}`, ['summary', '--format', 'json'], true);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).byDepartment).toHaveLength(30_000);
    expect(r.ms).toBeLessThan(10_000);
  }, 60_000);

  it('checks a plan with problems in detail only up to 8 MiB', () => {
    const big = generatePlan(70_000, { year: 2024 });
    expect(Buffer.byteLength(big)).toBeGreaterThan(8 * 1024 * 1024);
    const broken = timed(big.replace('period: 3-4月', 'period: 13月'), ['list'], true);
    expect(broken).toMatchObject({ code: 1, stdout: '' });
    expect(broken.stderr).toMatch(/^plan: plan\.yaml: 文件有问题或超出简单格式，而它过大 \(\d\.\d MiB\)，无法用完整的 YAML 解析器逐项检查 \(这样的文件最大 8\.0 MiB；/);
    expect(broken.ms).toBeLessThan(10_000);
  }, 60_000);

  it('suggests nothing for a paragraph, and quickly', () => {
    const long = 'x'.repeat(100_000);
    const started = Date.now();
    expect(suggest(long, [long.slice(1), '甲部'])).toBeUndefined();
    expect(suggest('甲', [long, '甲部'])).toBe('甲部');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(distance('lsit', 'list')).toBe(1);
  });

  it('suggests from at most 1,000 known words, for at most 20 unknown departments', () => {
    const known = Array.from({ length: 2000 }, (_, i) => `部门${i}`);
    expect(suggest('部门1x', known.slice(0, 1000))).toBe('部门1');
    expect(suggest('部门1x', known)).toBeUndefined();
    const tasks = Array.from({ length: 30 }, (_, i) => `  - id: ${i + 1}\n    period: 全年\n    content: 任务\n    departments: [部门1x]\n`).join('');
    const r = timed(`schemaVersion: 1\nyear: 2024\ntitle: t\ndepartments: [部门1, 部门2]\ntasks:\n${tasks}`, ['validate']);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(30);
    expect(lines.map((l) => l.includes('是否想输入 "部门1"'))).toEqual([...Array(20).fill(true), ...Array(10).fill(false)]);
  });
});
