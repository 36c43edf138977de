import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../bench/generate.mjs';
import { checkPlanText } from '../../src/io/load.js';
import { splitTasks } from '../../src/io/plan-cache.js';
import { seedPlan } from '../helpers.js';

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
