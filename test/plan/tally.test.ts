import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../bench/generate.mjs';
import { checkPlanText } from '../../src/io/load.js';
import { tallyTasks, type Tally } from '../../src/plan/tally.js';
import type { Plan } from '../../src/plan/types.js';
import { taskSource, viewTasks, type TaskView } from '../../src/plan/view.js';

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
const tallies = tallyTasks(taskSource(plan.tasks), plan.departments, plan.year, '2024-04-15');

describe('tallyTasks', () => {
  it('counts per department in registry order, a task for each of its departments, zero for none', () => {
    expect(tallies.byDepartment).toEqual([
      { key: '甲', total: 2, done: 0, overdue: 1 },
      { key: '乙', total: 3, done: 1, overdue: 1 },
      { key: '丙', total: 0, done: 0, overdue: 0 },
    ]);
  });

  it('counts per canonical period in order of first appearance', () => {
    expect(tallies.byPeriod).toEqual([
      { key: '1-2月', total: 2, done: 1, overdue: 1 },
      { key: '全年', total: 1, done: 0, overdue: 0 },
      { key: '第一季度', total: 1, done: 0, overdue: 1 },
    ]);
  });

  // The same figures as counting view by view, on generated plans and dates.
  const byViews = (views: TaskView[], registry: readonly string[]) => {
    const tally = (key: string, of: TaskView[]): Tally => ({ key, total: of.length, done: of.filter((v) => v.status === 'done').length, overdue: of.filter((v) => v.status === 'overdue').length });
    return {
      status: views.map((v) => v.status),
      byPeriod: [...new Set(views.map((v) => v.period))].map((p) => tally(p, views.filter((v) => v.period === p))),
      byDepartment: registry.map((d) => tally(d, views.flatMap((v) => v.departments.filter((x) => x === d).map(() => v)))),
    };
  };
  it('gives what counting each task\'s view gives', async () => {
    const plans = await Promise.all([120, 700].map(async (n) => (await checkPlanText('p', generatePlan(n, { seed: n + 3 }))).plan!));
    fc.assert(
      fc.property(fc.constantFrom(...plans), fc.integer({ min: 0, max: 500 }), fc.subarray(['局工会', '女工委', '宣传处', '无此部门']), (p, day, registry) => {
        const asOf = new Date(Date.UTC(2022, 11, 1) + day * 86_400_000).toISOString().slice(0, 10);
        expect(tallyTasks(taskSource(p.tasks), registry, p.year, asOf)).toEqual(byViews(viewTasks(p, asOf), registry));
      }),
      { numRuns: 60 },
    );
  });
});
