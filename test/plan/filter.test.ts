import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/io/load.js';
import { matchesFilter, selectTasks, type TaskFilter } from '../../src/plan/filter.js';
import { viewTasks } from '../../src/plan/view.js';
import { SEED_PLAN } from '../helpers.js';

const { plan } = await loadPlan(SEED_PLAN);
const done = { ...plan, tasks: plan.tasks.map((t) => (t.id % 3 ? t : { ...t, completed: { date: '2023-03-01' } })) };

describe('selectTasks', () => {
  const filters: TaskFilter[] = [
    {},
    { period: '3-4月' },
    { period: '全年' },
    { month: 4 },
    { month: 12, department: '组织人事处' },
    { department: '机关工会', status: 'open' },
    { status: 'done' },
    { status: 'overdue', month: 2 },
    { status: 'current', period: '第二季度' },
    { status: 'cancelled' },
  ];
  it.each(filters)('%j: the same tasks as filtering every view', (filter) => {
    for (const asOf of ['2023-01-15', '2023-04-10', '2024-01-01']) {
      expect(selectTasks(done, filter, asOf)).toEqual(viewTasks(done, asOf).filter((t) => matchesFilter(t, filter, done.year)));
    }
  });
  it('keeps annex order', () => {
    expect(selectTasks(plan, { month: 4 }, '2023-04-10').map((t) => t.id)).toEqual([5, 6, 7, 21, 22, 23, 24, 25]);
  });
});

describe('filters on schema 2 tasks', () => {
  const v2 = {
    schemaVersion: 2 as const,
    year: 2024,
    title: 't',
    departments: ['甲', '乙'],
    tasks: [
      { id: 1, period: '三、四月份', content: 'a', departments: ['甲'] },
      { id: 2, due: '6月底前', content: 'b', support: ['甲'] },
      { id: 3, period: '5月、10月', content: 'c', departments: ['乙'] },
      { id: 4, period: '每月', content: 'd', departments: ['乙'], cancelled: { date: '2024-02-01' } },
      { id: 5, period: '3月上旬', content: 'e' },
    ],
  };
  const ids = (f: TaskFilter, asOf = '2024-03-05') => selectTasks(v2, f, asOf).map((t) => t.id);
  it.each([
    [{ period: '3-4月' }, [1]],
    [{ period: '6月底前' }, [2]],
    [{ period: '5月、10月' }, [3]],
    [{ month: 3 }, [1, 2, 4, 5]],
    [{ month: 7 }, [4]],
    [{ month: 10 }, [3, 4]],
    [{ department: '甲' }, [1, 2]],
    [{ department: '乙' }, [3, 4]],
    [{ status: 'open' }, [1, 2, 3, 5]],
    [{ status: 'cancelled' }, [4]],
    [{ status: 'current' }, [1, 2, 5]],
    [{ status: 'upcoming' }, [3]],
  ] as [TaskFilter, number[]][])('%j → %j', (f, expected) => {
    expect(ids(f)).toEqual(expected);
  });
});
