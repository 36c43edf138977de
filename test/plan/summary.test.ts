import { describe, expect, it } from 'vitest';
import { percent, summarize } from '../../src/plan/summary.js';
import type { Plan, Task } from '../../src/plan/types.js';

const task = (id: number, period: string, departments: string[], completed?: Task['completed']): Task => ({
  id,
  period,
  content: `任务${id}`,
  departments,
  ...(completed && { completed }),
});

/** Six tasks over four periods; 甲部 and 乙部 share two; 丙部 owns nothing. */
const plan = (tasks: Task[] = sixTasks): Plan => ({
  schemaVersion: 1,
  year: 2024,
  title: '测试计划',
  departments: ['乙部', '甲部', '丙部'],
  tasks,
});
const sixTasks = [
  task(1, '1-2月', ['甲部'], { date: '2024-02-10', by: '张三', note: '按时' }),
  task(2, '1 - 2 月', ['甲部', '乙部']),
  task(3, 'Q2', ['乙部'], { date: '2024-01-05' }),
  task(4, '全年', ['甲部', '乙部']),
  task(5, '1～2月', ['甲部']),
  task(6, '11-12月', ['乙部'], { date: '2024-01-05', by: '李四' }),
];
const counts = (s: ReturnType<typeof summarize>) => [s.total, s.done, s.overdue, s.current, s.upcoming, s.completionRate];

describe('summarize', () => {
  it('counts mid-year: done, overdue (period ended), current, upcoming', () => {
    const s = summarize(plan(), '2024-07-15');
    expect(counts(s)).toEqual([6, 3, 2, 1, 0, 0.5]);
    expect(s).toMatchObject({ year: 2024, title: '测试计划', asOf: '2024-07-15' });
    expect(s.overdueTasks.map((t) => t.id)).toEqual([2, 5]);
  });

  it('lists tasks with their periods in canonical form, whatever form they were written in', () => {
    const s = summarize(plan(), '2024-07-15');
    expect(s.overdueTasks.map(({ id, period, content, departments }) => ({ id, period, content, departments }))).toEqual([
      { id: 2, period: '1-2月', content: '任务2', departments: ['甲部', '乙部'] },
      { id: 5, period: '1-2月', content: '任务5', departments: ['甲部'] },
    ]);
    expect(s.completions.map((c) => [c.task.id, c.task.period])).toEqual([
      [3, '第二季度'],
      [6, '11-12月'],
      [1, '1-2月'],
    ]);
    expect(sixTasks[1]!.period).toBe('1 - 2 月'); // the plan's own task is not changed
  });

  it('counts before the year starts and after it ends', () => {
    expect(counts(summarize(plan(), '2023-12-31'))).toEqual([6, 3, 0, 0, 3, 0.5]);
    expect(counts(summarize(plan(), '2024-12-31'))).toEqual([6, 3, 2, 1, 0, 0.5]);
    expect(counts(summarize(plan(), '2025-01-01'))).toEqual([6, 3, 3, 0, 0, 0.5]);
  });

  it('groups by canonical period in annex order of first appearance', () => {
    expect(summarize(plan(), '2024-07-15').byPeriod).toEqual([
      { period: '1-2月', total: 3, done: 1, overdue: 2, cancelled: 0 },
      { period: '第二季度', total: 1, done: 1, overdue: 0, cancelled: 0 },
      { period: '全年', total: 1, done: 0, overdue: 0, cancelled: 0 },
      { period: '11-12月', total: 1, done: 1, overdue: 0, cancelled: 0 },
    ]);
  });

  it('counts a task with two departments for each, in registry order, listing a department without tasks', () => {
    expect(summarize(plan(), '2025-01-01').byDepartment).toEqual([
      { department: '乙部', total: 4, done: 2, overdue: 2, cancelled: 0, support: { total: 0, done: 0, overdue: 0, cancelled: 0 } },
      { department: '甲部', total: 4, done: 1, overdue: 3, cancelled: 0, support: { total: 0, done: 0, overdue: 0, cancelled: 0 } },
      { department: '丙部', total: 0, done: 0, overdue: 0, cancelled: 0, support: { total: 0, done: 0, overdue: 0, cancelled: 0 } },
    ]);
  });

  it('lists completions by date, then annex order', () => {
    const s = summarize(plan(), '2024-07-15');
    expect(s.completions.map((c) => [c.completed.date, c.task.id, c.completed.by])).toEqual([
      ['2024-01-05', 3, undefined],
      ['2024-01-05', 6, '李四'],
      ['2024-02-10', 1, '张三'],
    ]);
  });

  it('handles nothing done', () => {
    const s = summarize(plan(sixTasks.map(({ completed: _, ...t }) => t)), '2024-07-15');
    expect(counts(s)).toEqual([6, 0, 4, 1, 1, 0]);
    expect(s.completions).toEqual([]);
    expect(s.byDepartment.every((d) => d.done === 0)).toBe(true);
  });

  it('handles everything done', () => {
    const s = summarize(plan(sixTasks.map((t) => ({ ...t, completed: { date: '2024-12-01' } }))), '2024-12-31');
    expect(counts(s)).toEqual([6, 6, 0, 0, 0, 1]);
    expect(s.overdueTasks).toEqual([]);
    expect(s.byPeriod.every((p) => p.done === p.total)).toBe(true);
  });

  it('handles an empty task list', () => {
    const s = summarize(plan([]), '2024-07-15');
    expect(counts(s)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(s.byPeriod).toEqual([]);
    expect(s.byDepartment.map((d) => d.total)).toEqual([0, 0, 0]);
  });

  it('rounds the completion rate to at most 4 decimals', () => {
    const july = (id: number, done: boolean) => task(id, '7月', ['甲部'], done ? { date: '2024-07-01' } : undefined);
    expect(summarize(plan([july(1, true), july(2, false), july(3, false)]), '2024-07-15').completionRate).toBe(0.3333);
    expect(summarize(plan([july(1, true), july(2, true), july(3, false)]), '2024-07-15').completionRate).toBe(0.6667);
    expect(summarize(plan([july(1, true), july(2, false), july(3, false), july(4, false)]), '2024-07-15').completionRate).toBe(0.25);
  });
});

describe('percent', () => {
  it.each([
    [0, 0, 0],
    [0, 25, 0],
    [1, 25, 4],
    [1, 3, 33],
    [2, 3, 67],
    [1, 8, 13], // 12.5 rounds up
    [199, 200, 100],
    [25, 25, 100],
  ])('%i of %i is %i%%', (done, total, expected) => {
    expect(percent({ done, total, cancelled: 0 })).toBe(expected);
  });

  it('leaves cancelled tasks out', () => {
    expect(percent({ done: 1, total: 4, cancelled: 2 })).toBe(50);
    expect(percent({ done: 0, total: 2, cancelled: 2 })).toBe(0);
  });
});

describe('cancelled tasks', () => {
  it('are reported apart and do not count against the completion rate', () => {
    const tasks: Task[] = [
      { id: 1, period: '3月', content: 'a', departments: ['甲部'], completed: { date: '2024-03-10' } },
      { id: 2, period: '3月', content: 'b', departments: ['甲部'] },
      { id: 3, period: '3月', content: 'c', departments: ['甲部'], cancelled: { date: '2024-02-01', reason: '上级通知取消' } },
      { id: 4, period: '3月', content: 'd', departments: ['乙部'], cancelled: { date: '2024-02-02' } },
    ];
    const s = summarize({ ...plan(tasks), schemaVersion: 2 }, '2024-04-01');
    expect([s.total, s.done, s.overdue, s.cancelled, s.completionRate]).toEqual([4, 1, 1, 2, 0.5]);
    expect(s.cancellations.map((c) => [c.task.id, c.cancelled.reason])).toEqual([[3, '上级通知取消'], [4, undefined]]);
    expect(s.overdueTasks.map((t) => t.id)).toEqual([2]);
    expect(s.byPeriod).toEqual([{ period: '3月', total: 4, done: 1, overdue: 1, cancelled: 2 }]);
    const all = summarize({ ...plan(tasks.slice(2)), schemaVersion: 2 }, '2024-04-01');
    expect(all.completionRate).toBe(0);
  });
});
