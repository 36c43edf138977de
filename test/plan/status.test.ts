import { describe, expect, it } from 'vitest';
import { isRealDate } from '../../src/plan/dates.js';
import { taskStatus } from '../../src/plan/status.js';

const marchApril = { start: '2023-03-01', end: '2023-04-30' };

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
