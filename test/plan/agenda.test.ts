import { describe, expect, it } from 'vitest';
import { agenda, daysBetween, isEmptyAgenda, occurrence, QUIET_DAYS, type Agenda } from '../../src/plan/agenda.js';
import type { Plan, Task } from '../../src/plan/types.js';

type TaskSpec = Partial<Omit<Task, 'id' | 'content'>>;

const plan = (tasks: TaskSpec[], year = 2024): Plan => ({
  schemaVersion: 2,
  year,
  title: '测试计划',
  departments: ['甲部', '乙部', '丙部'],
  tasks: tasks.map((t, i) => ({ id: i + 1, content: `任务${i + 1}`, ...t })),
});

/** Where one task lands on an agenda, as one short line. */
function placed(a: Agenda): string {
  const lines = [
    ...a.overdue.map((e) => `overdue ${e.ended} +${e.daysOverdue}${e.missed.length ? ` missed ${e.missed.map((o) => o.label).join(',')}` : ''}`),
    ...a.current.map((e) => `current ${e.until} -${e.daysLeft}`),
    ...a.upcoming.map((e) => `upcoming ${e.starts} in ${e.daysUntil}`),
    ...a.recurring.map((e) => `recurring ${e.occurrence.label} ${e.occurrence.end} -${e.daysLeft}`),
    ...a.ongoing.map((e) => `ongoing ${e.lastLog ?? 'never'}${e.daysSinceLog === null ? '' : ` ${e.daysSinceLog}`}`),
    ...(a.ongoingLogged ? ['logged recently'] : []),
  ];
  expect(lines.length).toBeLessThanOrEqual(1);
  return lines[0] ?? 'none';
}

const log = (...dates: string[]) => dates.map((date) => ({ date, note: '进展' }));
const everyMonth = Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}-15`);

describe('agenda: one task of each time form of the SPEC', () => {
  it.each<[string, TaskSpec, string, string]>([
    // a month
    ['month, 11 days before', { period: '7月' }, '2024-06-20', 'upcoming 2024-07-01 in 11'],
    ['month, too far ahead', { period: '7月' }, '2024-05-01', 'none'],
    ['month, inside', { period: '七月' }, '2024-07-10', 'current 2024-07-31 -21'],
    ['month, its last day', { period: '2024.07' }, '2024-07-31', 'current 2024-07-31 -0'],
    ['month, the day after', { period: '7月份' }, '2024-08-01', 'overdue 2024-07-31 +1'],
    // a range of months
    ['range', { period: '3月—4月' }, '2024-04-15', 'current 2024-04-30 -15'],
    ['range of listed months', { period: '三、四月份' }, '2024-02-20', 'upcoming 2024-03-01 in 10'],
    ['range, ended', { period: '3～4 月' }, '2024-06-01', 'overdue 2024-04-30 +32'],
    // quarters and halves
    ['quarter', { period: '第二季度' }, '2024-05-15', 'current 2024-06-30 -46'],
    ['quarter ahead', { period: 'Q2' }, '2024-03-20', 'upcoming 2024-04-01 in 12'],
    ['two quarters', { period: '第二、三季度' }, '2024-08-01', 'current 2024-09-30 -60'],
    ['half ahead', { period: '下半年' }, '2024-06-25', 'upcoming 2024-07-01 in 6'],
    ['half, not the whole year', { period: 'H2' }, '2024-09-01', 'current 2024-12-31 -121'],
    ['first half ended', { period: '上半年' }, '2024-07-03', 'overdue 2024-06-30 +3'],
    // parts of a month (旬)
    ['旬 ahead', { period: '3月中旬' }, '2024-03-05', 'upcoming 2024-03-11 in 6'],
    ['旬 inside', { period: '3月中旬' }, '2024-03-15', 'current 2024-03-20 -5'],
    ['旬 ended', { period: '3月中旬' }, '2024-03-21', 'overdue 2024-03-20 +1'],
    ['下旬 of a leap February', { period: '2月下旬' }, '2024-02-25', 'current 2024-02-29 -4'],
    ['月底 = 下旬', { period: '3月底' }, '2024-03-31', 'current 2024-03-31 -0'],
    // split windows: the current window's end; between them, the next window's start
    ['split, first window', { period: '5月、10月' }, '2024-05-20', 'current 2024-05-31 -11'],
    ['split, between, far', { period: '5月、10月' }, '2024-07-01', 'none'],
    ['split, between, near', { period: '5月/10月' }, '2024-09-15', 'upcoming 2024-10-01 in 16'],
    ['split, last day', { period: '5月、10月' }, '2024-10-31', 'current 2024-10-31 -0'],
    ['split, after', { period: '5月、10月' }, '2024-11-01', 'overdue 2024-10-31 +1'],
    ['split ranges', { period: '4月~6月/9月~11月' }, '2024-08-20', 'upcoming 2024-09-01 in 12'],
    ['split ranges, second', { period: '4月~6月/9月~11月' }, '2024-11-20', 'current 2024-11-30 -10'],
    // deadlines: from 1 January to the deadline
    ['deadline', { period: '6月底前' }, '2024-03-01', 'current 2024-06-30 -121'],
    ['deadline passed', { period: '上半年内' }, '2024-07-02', 'overdue 2024-06-30 +2'],
    ['deadline on a day', { period: '10月1日前' }, '2024-09-28', 'current 2024-10-01 -3'],
    ['deadline of another form', { period: '2024年10月底前' }, '2024-10-30', 'current 2024-10-31 -1'],
    // schema 2 due: a deadline by its window's last day; with a period, from the period's first day
    ['due alone', { due: '2024.09' }, '2024-09-10', 'current 2024-09-30 -20'],
    ['due alone, passed', { due: '6月底前' }, '2024-07-01', 'overdue 2024-06-30 +1'],
    ['period and due, ahead', { period: '3月', due: '5月底前' }, '2024-02-20', 'upcoming 2024-03-01 in 10'],
    ['period and due, inside', { period: '3月', due: '5月底前' }, '2024-04-10', 'current 2024-05-31 -51'],
    ['period and due, passed', { period: '三、四月份', due: '6月底前' }, '2024-07-01', 'overdue 2024-06-30 +1'],
    // the whole year (全年, 长期, 年底前): apart, and only when quiet, until its end is near
    ['全年, never logged', { period: '全年' }, '2024-03-15', 'ongoing never'],
    ['长期, logged 14 days ago', { period: '长期坚持', log: log('2024-03-01') }, '2024-03-15', 'logged recently'],
    ['长期, logged 29 days ago', { period: '持续推进', log: log('2024-02-15') }, '2024-03-15', 'logged recently'],
    ['长期, logged 30 days ago', { period: '常态化', log: log('2024-02-14') }, '2024-03-15', 'ongoing 2024-02-14 30'],
    ['全年, a log after the as-of day is not yet written', { period: '全年', log: log('2024-01-10', '2024-05-01') }, '2024-03-15', 'ongoing 2024-01-10 65'],
    ['年底前 is current all year too', { due: '年底前' }, '2024-03-15', 'ongoing never'],
    ['全年 in its last 30 days', { period: '全年', log: log('2024-12-01') }, '2024-12-10', 'current 2024-12-31 -21'],
    ['全年 before the year', { period: '长期' }, '2023-12-20', 'upcoming 2024-01-01 in 12'],
    ['全年 after the year', { period: '全年' }, '2025-01-02', 'overdue 2024-12-31 +2'],
    // recurring: the current occurrence wants a log entry; an ended one without is overdue
    ['每月, nothing logged this month', { period: '每月' }, '2024-01-15', 'recurring 1月 2024-01-31 -16'],
    ['每月, logged this month', { period: '每月', log: log('2024-01-20') }, '2024-01-25', 'none'],
    ['每月, logged later this month', { period: '每月', log: log('2024-01-20') }, '2024-01-15', 'recurring 1月 2024-01-31 -16'],
    ['每月, next month', { period: '每月', log: log('2024-01-20') }, '2024-02-10', 'recurring 2月 2024-02-29 -19'],
    ['每月, a month missed', { period: '按月', log: log('2024-02-03') }, '2024-02-10', 'overdue 2024-01-31 +10 missed 1月'],
    ['每月, two months missed', { period: '每月', log: log('2024-02-03') }, '2024-04-02', 'overdue 2024-01-31 +62 missed 1月,3月'],
    ['每月, every month logged, after the year', { period: '每月', log: log(...everyMonth) }, '2025-01-05', 'none'],
    ['每季度, this quarter', { period: '每季度', log: log('2024-02-01') }, '2024-05-15', 'recurring 第二季度 2024-06-30 -46'],
    ['每季度, a quarter missed', { period: '每季度' }, '2024-05-15', 'overdue 2024-03-31 +45 missed 第一季度'],
    ['每半年, second half', { period: '每半年', log: log('2024-03-01') }, '2024-08-01', 'recurring 下半年 2024-12-31 -152'],
    ['每半年, before the year', { period: '每半年' }, '2023-12-25', 'upcoming 2024-01-01 in 7'],
    ['recurring with a due', { period: '每月', due: '6月底前' }, '2024-03-10', 'overdue 2024-01-31 +39 missed 1月,2月'],
    // done and cancelled tasks never appear
    ['done', { period: '7月', completed: { date: '2024-07-02' } }, '2024-07-10', 'none'],
    ['done, overdue otherwise', { period: '1-2月', completed: { date: '2024-03-02' } }, '2024-07-10', 'none'],
    ['cancelled', { period: '1-2月', cancelled: { date: '2024-01-05' } }, '2024-07-10', 'none'],
    ['cancelled recurring', { period: '每月', cancelled: { date: '2024-01-05' } }, '2024-07-10', 'none'],
    ['done recurring', { period: '每月', completed: { date: '2024-06-30' } }, '2024-07-10', 'none'],
  ])('%s: %j as of %s → %s', (_name, task, asOf, expected) => {
    expect(placed(agenda(plan([task]), asOf, { days: 30 }))).toBe(expected);
  });
});

describe('agenda: --days', () => {
  it.each<[TaskSpec, string, number, string]>([
    [{ period: '7月' }, '2024-06-01', 30, 'upcoming 2024-07-01 in 30'],
    [{ period: '7月' }, '2024-05-31', 30, 'none'],
    [{ period: '7月' }, '2024-06-30', 1, 'upcoming 2024-07-01 in 1'],
    [{ period: '7月' }, '2024-06-30', 0, 'none'],
    [{ period: '7月' }, '2024-01-01', 366, 'upcoming 2024-07-01 in 182'],
    [{ period: '全年' }, '2024-12-10', 14, 'ongoing never'],
    [{ period: '全年' }, '2024-12-17', 14, 'current 2024-12-31 -14'],
    [{ period: '全年' }, '2024-12-31', 0, 'current 2024-12-31 -0'],
  ])('%j as of %s with days %i → %s', (task, asOf, days, expected) => {
    expect(placed(agenda(plan([task]), asOf, { days }))).toBe(expected);
  });
});

describe('agenda: --department', () => {
  const p = plan([
    { period: '7月', departments: ['甲部'] },
    { period: '7月', departments: ['乙部'], support: ['甲部'] },
    { period: '7月', departments: ['乙部'] },
    { period: '7月' },
  ]);
  it.each([
    ['甲部', [1, 2]],
    ['乙部', [2, 3]],
    ['丙部', []],
    [undefined, [1, 2, 3, 4]],
  ] as const)('%s leads or supports %j', (department, ids) => {
    const a = agenda(p, '2024-07-10', { days: 30, ...(department && { department }) });
    expect(a.current.map((e) => e.task.id)).toEqual(ids);
  });
});

describe('agenda: order and sections', () => {
  const p = plan([
    { period: '5-6月' }, // 1 overdue since 06-30
    { period: '3月' }, // 2 overdue since 03-31
    { period: '7-8月' }, // 3 current to 08-31
    { period: '7月下旬' }, // 4 current to 07-31
    { period: '7-9月' }, // 5 current to 09-30
    { period: '9月' }, // 6 upcoming 09-01
    { period: '8月中旬' }, // 7 upcoming 08-11
    { period: '全年', log: log('2024-05-01') }, // 8 quiet since 05-01
    { period: '长期' }, // 9 never logged
    { period: '全年', log: log('2024-07-20') }, // 10 logged recently
    { period: '每月', log: log(...everyMonth.slice(0, 6)) }, // 11 July not logged
    { period: '每季度', log: log('2024-02-01', '2024-05-01') }, // 12 Q3 not logged
    { period: '每月', log: log('2024-01-02') }, // 13 overdue since 02-29
    { period: '3月', completed: { date: '2024-03-20' } }, // 14 done
    { period: '7月', cancelled: { date: '2024-06-01' } }, // 15 cancelled
    { period: '7-8月', departments: ['甲部'] }, // 16 current to 08-31, after 3 in annex order
  ]);
  const a = agenda(p, '2024-07-25', { days: 40 });
  const ids = (entries: { task: { id: number } }[]) => entries.map((e) => e.task.id);

  it('overdue by the day it ended, current by the day it ends, upcoming by the day it starts; ties in annex order', () => {
    expect(ids(a.overdue)).toEqual([13, 2, 1]);
    expect(ids(a.current)).toEqual([4, 3, 16, 5]);
    expect(ids(a.upcoming)).toEqual([7, 6]);
  });

  it('recurring by the end of the occurrence that wants a log; quiet 全年 never logged first, then the longest quiet', () => {
    expect(a.recurring.map((e) => [e.task.id, e.occurrence.label, e.daysLeft])).toEqual([
      [11, '7月', 6],
      [12, '第三季度', 67],
    ]);
    expect(ids(a.ongoing)).toEqual([9, 8]);
    expect(a.ongoingLogged).toBe(1);
  });

  it('never lists a done or cancelled task, and lists every other task at most once', () => {
    const listed = [a.overdue, a.current, a.upcoming, a.recurring, a.ongoing].flatMap(ids);
    expect(listed).not.toContain(14);
    expect(listed).not.toContain(15);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.length + a.ongoingLogged).toBe(14);
  });

  it('carries the plan and the options', () => {
    expect(a).toMatchObject({ year: 2024, title: '测试计划', asOf: '2024-07-25', days: 40, quietDays: QUIET_DAYS });
    expect(isEmptyAgenda(a)).toBe(false);
  });

  it('is empty when nothing needs attention', () => {
    const quiet = agenda(plan([{ period: '12月' }, { period: '全年', log: log('2024-03-10') }, { period: '1月', completed: { date: '2024-01-05' } }]), '2024-03-15', { days: 30 });
    expect(isEmptyAgenda(quiet)).toBe(true);
    expect(quiet.ongoingLogged).toBe(1);
  });
});

describe('agenda helpers', () => {
  it.each([
    ['2024-02-28', '2024-03-01', 2],
    ['2023-02-28', '2023-03-01', 1],
    ['2024-03-30', '2024-03-31', 1], // a DST change in Europe: still one day
    ['2024-12-31', '2025-01-01', 1],
    ['2024-07-10', '2024-07-10', 0],
    ['2024-07-10', '2024-07-01', -9],
  ])('days from %s to %s: %i', (from, to, n) => {
    expect(daysBetween(from, to)).toBe(n);
  });

  it.each([
    ['2024-03-01', '2024-03-31', '3月'],
    ['2024-10-01', '2024-12-31', '第四季度'],
    ['2024-01-01', '2024-06-30', '上半年'],
    ['2024-07-01', '2024-12-31', '下半年'],
  ])('the occurrence %s..%s is %s', (start, end, label) => {
    expect(occurrence({ start, end })).toEqual({ label, start, end });
  });
});
