import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/io/load.js';
import { matchesFilter, mayMatch, mayMatchTasks, selectTasks, type TaskFilter } from '../../src/plan/filter.js';
import { parsePeriod } from '../../src/plan/period.js';
import { taskSource, viewTasks } from '../../src/plan/view.js';
import { SEED_PLAN } from '../helpers.js';

const { plan } = await loadPlan(SEED_PLAN);
const done = { ...plan, tasks: plan.tasks.map((t) => (t.id % 3 ? t : { ...t, completed: { date: '2023-03-01' } })) };

describe('selectTasks', () => {
  const filters: TaskFilter[] = [
    {},
    { period: parsePeriod('3-4月')! },
    { period: parsePeriod('全年')! },
    { month: 4 },
    { month: 12, department: '组织人事处' },
    { department: '机关工会', status: 'open' },
    { status: 'done' },
    { status: 'overdue', month: 2 },
    { status: 'current', period: parsePeriod('Q2')! },
  ];
  it.each(filters)('%j: the same tasks as filtering every view', (filter) => {
    for (const asOf of ['2023-01-15', '2023-04-10', '2024-01-01']) {
      expect(selectTasks(done, filter, asOf)).toEqual(viewTasks(done, asOf).filter((t) => matchesFilter(t, filter)));
    }
    // The prefilter of list, decided once per distinct period and department list, keeps every task that passes.
    const may = mayMatchTasks(filter, taskSource(done.tasks));
    expect(done.tasks.map((_, i) => may(i))).toEqual(done.tasks.map((t) => mayMatch(filter, t.period, t.departments)));
    const passing = new Set(selectTasks(done, filter, '2023-04-10').map((t) => t.id));
    expect(done.tasks.filter((t) => passing.has(t.id)).every((t) => may(done.tasks.indexOf(t)))).toBe(true);
  });
  it('keeps annex order', () => {
    expect(selectTasks(plan, { month: 4 }, '2023-04-10').map((t) => t.id)).toEqual([5, 6, 7, 21, 22, 23, 24, 25]);
  });
});
