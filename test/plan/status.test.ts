import { describe, expect, it } from 'vitest';
import { isRealDate } from '../../src/plan/dates.js';
import { taskStatus } from '../../src/plan/status.js';
import { taskTime } from '../../src/plan/task-time.js';

const marchApril = taskTime({ period: '3-4月' }, 2023);

describe('taskStatus', () => {
  it.each([
    ['2023-02-28', undefined, 'upcoming'],
    ['2023-03-01', undefined, 'current'],
    ['2023-04-15', undefined, 'current'],
    ['2023-04-30', undefined, 'current'],
    ['2023-05-01', undefined, 'overdue'],
    ['2026-11-24', undefined, 'overdue'],
    ['2023-02-01', { date: '2023-01-31' }, 'done'],
    ['2023-04-01', { date: '2023-04-01' }, 'done'],
    ['2023-12-31', { date: '2023-04-20', by: '张三' }, 'done'],
  ] as const)('as of %s with completion %j: %s', (asOf, completed, status) => {
    expect(taskStatus({ ...(completed && { completed }) }, marchApril, asOf)).toBe(status);
  });

  it.each([
    // split windows: current inside either, upcoming between them, overdue after the last
    [{ period: '5月、10月' }, '2023-05-10', 'current'],
    [{ period: '5月、10月' }, '2023-07-01', 'upcoming'],
    [{ period: '5月、10月' }, '2023-10-31', 'current'],
    [{ period: '5月、10月' }, '2023-11-01', 'overdue'],
    // a deadline runs from 1 January to its day
    [{ due: '6月底前' }, '2023-01-01', 'current'],
    [{ due: '6月底前' }, '2023-06-30', 'current'],
    [{ due: '6月底前' }, '2023-07-01', 'overdue'],
    [{ due: '10月1日前' }, '2023-10-02', 'overdue'],
    // a period and a due: from the period's first day to the due
    [{ period: '3月', due: '5月底前' }, '2023-02-28', 'upcoming'],
    [{ period: '3月', due: '5月底前' }, '2023-04-15', 'current'],
    [{ period: '3月', due: '5月底前' }, '2023-06-01', 'overdue'],
    // ongoing: the whole year
    [{ period: '长期' }, '2023-12-31', 'current'],
    [{ period: '常态化' }, '2024-01-01', 'overdue'],
    // parts of months
    [{ period: '3月下旬' }, '2023-03-20', 'upcoming'],
    [{ period: '3月下旬' }, '2023-03-21', 'current'],
    [{ period: '3月上旬' }, '2023-03-11', 'overdue'],
  ] as const)('%j as of %s: %s', (task, asOf, status) => {
    expect(taskStatus({}, taskTime(task, 2023), asOf)).toBe(status);
  });

  it('a recurring task is overdue once an ended occurrence has no log entry in it', () => {
    const monthly = taskTime({ period: '每月' }, 2023);
    const log = [{ date: '2023-01-20', note: '一月' }, { date: '2023-02-03', note: '二月' }];
    expect(taskStatus({ log }, monthly, '2023-03-15')).toBe('current'); // March still running
    expect(taskStatus({ log }, monthly, '2023-04-01')).toBe('overdue'); // March ended unlogged
    expect(taskStatus({ log: [log[1]!] }, monthly, '2023-02-10')).toBe('overdue'); // January unlogged
    expect(taskStatus({ log: [] }, monthly, '2023-01-31')).toBe('current');
    expect(taskStatus({ log: [] }, monthly, '2022-12-31')).toBe('upcoming');
    const quarterly = taskTime({ period: '每季度' }, 2023);
    expect(taskStatus({ log: [{ date: '2023-03-31', note: 'Q1' }] }, quarterly, '2023-06-30')).toBe('current');
    expect(taskStatus({ log: [{ date: '2023-03-31', note: 'Q1' }] }, quarterly, '2023-07-01')).toBe('overdue');
    expect(taskStatus({ completed: { date: '2023-02-01' } }, monthly, '2023-12-01')).toBe('done');
  });

  it('a cancelled task is cancelled, whatever its time or log', () => {
    expect(taskStatus({ cancelled: { date: '2023-02-01', reason: '上级通知取消' } }, marchApril, '2023-12-31')).toBe('cancelled');
  });
});

describe('isRealDate', () => {
  it.each([
    ['2023-02-13', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2023-12-31', true],
    ['0023-01-01', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2023-02-30', false],
    ['2023-04-31', false],
    ['2023-13-01', false],
    ['2023-00-10', false],
    ['2023-01-00', false],
    ['2023-1-5', false],
    ['20230105', false],
    ['2023-01-05T00:00', false],
    ['', false],
  ])('%j → %s', (s, ok) => {
    expect(isRealDate(s)).toBe(ok);
  });
});
