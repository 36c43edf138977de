import { describe, expect, it } from 'vitest';
import { tallyByDepartment, tallyByPeriod } from '../../src/plan/tally.js';
import type { Plan } from '../../src/plan/types.js';
import { taskHeads, taskSource, viewTasks } from '../../src/plan/view.js';

const plan: Plan = {
  schemaVersion: 1,
  year: 2024,
  title: 't',
  departments: ['甲', '乙', '丙'],
  tasks: [
    { id: 1, period: '1-2 月', content: 'a', departments: ['乙'], completed: { date: '2024-02-01' } },
    { id: 2, period: '全年', content: 'b', departments: ['甲', '乙'] },
    { id: 3, period: '1～2月', content: 'c', departments: ['甲'] },
    { id: 4, period: 'Q1', content: 'd', departments: ['乙'] },
  ],
};
const tasks = taskHeads(taskSource(plan.tasks), plan.year, '2024-04-15');

describe('tallies', () => {
  it('counts per department in registry order, a task for each of its departments, zero for none', () => {
    expect(tallyByDepartment(plan, tasks)).toEqual([
      { key: '甲', total: 2, done: 0, overdue: 1 },
      { key: '乙', total: 3, done: 1, overdue: 1 },
      { key: '丙', total: 0, done: 0, overdue: 0 },
    ]);
  });
  it('counts per canonical period in order of first appearance', () => {
    expect(tallyByPeriod(tasks)).toEqual([
      { key: '1-2月', total: 2, done: 1, overdue: 1 },
      { key: '全年', total: 1, done: 0, overdue: 0 },
      { key: '第一季度', total: 1, done: 0, overdue: 1 },
    ]);
  });
});

describe('taskHeads', () => {
  it('gives each task the canonical period, departments and status its view has', () => {
    const views = viewTasks(plan, '2024-04-15');
    expect(tasks).toEqual({ period: views.map((v) => v.period), departments: views.map((v) => v.departments), status: views.map((v) => v.status) });
  });
});
