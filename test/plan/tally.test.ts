import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../bench/generate.mjs';
import { checkPlanText } from '../../src/io/load.js';
import { byPeriod, byUnit, type Tally } from '../../src/plan/tally.js';
import type { Plan } from '../../src/plan/types.js';
import { viewTasks, type TaskView } from '../../src/plan/view.js';

const plan: Plan = {
  schemaVersion: 2,
  year: 2024,
  title: 't',
  departments: ['甲', '乙', '丙'],
  tasks: [
    { id: 1, period: '1-2 月', content: 'a', departments: ['乙'], completed: { date: '2024-02-01' } },
    { id: 2, period: '全年', content: 'b', departments: ['甲', '乙'], support: ['丙'] },
    { id: 3, period: '一、二月份', content: 'c', departments: ['甲'] },
    { id: 4, period: 'Q1', content: 'd', departments: ['乙'], support: ['甲'] },
    { id: 5, period: '3月', content: 'e', departments: ['丙'], cancelled: { date: '2024-02-01' } },
  ],
};
const views = viewTasks(plan, '2024-04-15');

describe('tallies', () => {
  it('count per unit in registry order, a task for each of its units, zero for none; support apart', () => {
    const { lead, support } = byUnit(views, plan.departments);
    expect(lead).toEqual([
      { key: '甲', total: 2, done: 0, overdue: 1, cancelled: 0 },
      { key: '乙', total: 3, done: 1, overdue: 1, cancelled: 0 },
      { key: '丙', total: 1, done: 0, overdue: 0, cancelled: 1 },
    ]);
    expect(support).toEqual([
      { key: '甲', total: 1, done: 0, overdue: 1, cancelled: 0 },
      { key: '乙', total: 0, done: 0, overdue: 0, cancelled: 0 },
      { key: '丙', total: 1, done: 0, overdue: 0, cancelled: 0 },
    ]);
  });

  it('count per canonical period in order of first appearance (三、四月份 is 3-4月)', () => {
    expect(byPeriod(views)).toEqual([
      { key: '1-2月', total: 2, done: 1, overdue: 1, cancelled: 0 },
      { key: '全年', total: 1, done: 0, overdue: 0, cancelled: 0 },
      { key: '第一季度', total: 1, done: 0, overdue: 1, cancelled: 0 },
      { key: '3月', total: 1, done: 0, overdue: 0, cancelled: 1 },
    ]);
  });

  // The same figures as counting the views of each group, on generated plans and dates.
  const count = (key: string, of: TaskView[]): Tally => ({
    key,
    total: of.length,
    done: of.filter((v) => v.status === 'done').length,
    overdue: of.filter((v) => v.status === 'overdue').length,
    cancelled: of.filter((v) => v.status === 'cancelled').length,
  });
  it("gives what counting each group's views gives", async () => {
    const plans = await Promise.all([120, 700].map(async (n) => (await checkPlanText('p', generatePlan(n, { seed: n + 3 }))).plan!));
    fc.assert(
      fc.property(fc.constantFrom(...plans), fc.integer({ min: 0, max: 500 }), fc.subarray(['局工会', '女工委', '宣传处']), (p, day, registry) => {
        const asOf = new Date(Date.UTC(2022, 11, 1) + day * 86_400_000).toISOString().slice(0, 10);
        const vs = viewTasks(p, asOf);
        expect(byPeriod(vs)).toEqual([...new Set(vs.map((v) => v.period))].map((k) => count(k, vs.filter((v) => v.period === k))));
        const lead = byUnit(vs, registry).lead.slice(0, registry.length);
        expect(lead).toEqual(registry.map((d) => count(d, vs.filter((v) => v.departments.includes(d)))));
      }),
      { numRuns: 60 },
    );
  });
});
