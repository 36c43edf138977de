import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../bench/generate.mjs';
import { checkPlanText, loadPlan, readPlanSource } from '../../src/io/load.js';
import { readCached, splitTasks } from '../../src/io/plan-cache.js';
import { seedPlan, testdir } from '../helpers.js';

/** The split's parts put back together, and each task's block, as the reader locates tasks. */
async function agrees(text: string, tail = '') {
  const split = splitTasks(text, tail.length)!;
  expect(split.head + split.blocks.join('') + split.tail).toBe(text);
  expect(split.offsets).toEqual(split.blocks.map((_, i) => split.head.length + split.blocks.slice(0, i).join('').length));
  const { plan, ranges } = await checkPlanText('p', text);
  expect(split.blocks).toHaveLength(plan!.tasks.length);
  // Each task lies inside its block.
  split.offsets.forEach((o, i) => {
    expect(ranges![2 * i]).toBeGreaterThanOrEqual(o);
    expect(ranges![2 * i + 1]).toBeLessThanOrEqual(o + split.blocks[i]!.length);
  });
  return split;
}

const mini = (tasks: string, after = '') => `schemaVersion: 2\nyear: 2024\ntitle: t\ndepartments: [甲]\ntasks:\n${tasks}${after}`;

describe('splitTasks', () => {
  it('cuts the bundled plan and a generated one at their tasks', async () => {
    expect((await agrees(seedPlan())).blocks).toHaveLength(25);
    expect((await agrees(generatePlan(300))).blocks).toHaveLength(300);
  });

  it('keeps blank and comment lines with the task above, and what follows the tasks apart', async () => {
    const after = 'columns:\n  - {title: 序号, key: id}\n  - {title: 内容, key: content}\n';
    const split = await agrees(mini('  # 第一部分\n  - id: 1\n    period: 3月\n    content: a\n\n# 注\n  - id: 2\n    due: 6月底前\n    content: b\n', after), after);
    expect(split.head.endsWith('tasks:\n  # 第一部分\n')).toBe(true);
    expect(split.blocks).toEqual(['  - id: 1\n    period: 3月\n    content: a\n\n# 注\n', '  - id: 2\n    due: 6月底前\n    content: b\n']);
    expect(split.tail).toBe('columns:\n  - {title: 序号, key: id}\n  - {title: 内容, key: content}\n');
  });

  it("reads items at the key's own indentation, and CRLF", async () => {
    const split = await agrees(mini('- id: 1\r\n  period: 3月\r\n  content: a\r\n- id: 2\r\n  period: 4月\r\n  content: b\r\n').replace(/\n/g, '\r\n').replace(/\r\r/g, '\r'));
    expect(split.blocks).toHaveLength(2);
  });

  it.each([
    ['no tasks key', 'schemaVersion: 2\nyear: 2024\n'],
    ['flow tasks', mini('').replace('tasks:\n', 'tasks: [{id: 1, period: 3月, content: a}]\n')],
    ['a tab', mini('  - id: 1\n    period: 3月\n    content:\ta\n')],
    ['no items', mini('')],
    ['two tasks keys', `${mini('  - id: 1\n    period: 3月\n    content: a\n')}tasks:\n  - id: 2\n`],
  ])('gives up on %s', (_, text) => {
    expect(splitTasks(text, 0)).toBeUndefined();
  });

  it('gives up on a tail that does not start a line, or is longer than the text', () => {
    const text = mini('  - id: 1\n    period: 3月\n    content: abc\n');
    expect(splitTasks(text, 3)).toBeUndefined();
    expect(splitTasks(text, text.length + 1)).toBeUndefined();
    expect(splitTasks(text, 0)?.blocks).toHaveLength(1);
  });
});

// yamllint asks for a `---` at the start; the file may also have CRLF line ends and a BOM.
describe('a plan that starts with ---', () => {
  const started = generatePlan(500).replace('\nschemaVersion:', '\n---\nschemaVersion:');
  it.each([
    ['LF', started, ''],
    ['CRLF', started.replace(/\n/g, '\r\n'), ''],
    ['a BOM and CRLF', started.replace(/\n/g, '\r\n'), '\ufeff'],
  ])('with %s is read by the fast reader, remembered and read back through the cache', async (_, text, bom) => {
    expect(text.length).toBeGreaterThan(32 * 1024); // big enough to be cached
    const checked = await checkPlanText('p', text);
    expect(checked.simple).toBe(true);
    expect(splitTasks(text, 0)?.head.split(/\r?\n/).slice(0, 2)).toEqual(['# yaml-language-server: $schema=../schemas/plan.schema.json', '---']);
    const dir = testdir({ 'plan.yaml': bom + text });
    const file = join(dir, 'plan.yaml');
    const env = { PLAN_CACHE_DIR: join(dir, 'cache') };
    const full = await loadPlan(file, readPlanSource(file), env);
    expect(full.plan).toEqual(checked.plan);
    const cached = readCached(file, text, env);
    expect(cached?.plan).toEqual(checked.plan);
    expect(cached?.ranges).toEqual(checked.ranges);
    writeFileSync(file, bom + text.replace('content: ', 'content: 改'));
    expect(readCached(file, readPlanSource(file).text, env)?.plan.tasks[0]!.content).toMatch(/^改/);
  });
});
