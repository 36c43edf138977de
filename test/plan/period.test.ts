import { describe, expect, it } from 'vitest';
import { parsePeriod, periodInterval } from '../../src/plan/period.js';

describe('parsePeriod', () => {
  it.each([
    ['7月', 7, 7, '7月'],
    ['3-4月', 3, 4, '3-4月'],
    ['1-2 月', 1, 2, '1-2月'],
    [' 11 - 12 月 ', 11, 12, '11-12月'],
    ['9 - 10 月', 9, 10, '9-10月'],
    ['3～4月', 3, 4, '3-4月'],
    ['3~4月', 3, 4, '3-4月'],
    ['3〜4月', 3, 4, '3-4月'],
    ['3–4月', 3, 4, '3-4月'],
    ['3—4月', 3, 4, '3-4月'],
    ['3－4月', 3, 4, '3-4月'],
    ['3至4月', 3, 4, '3-4月'],
    ['3到4月', 3, 4, '3-4月'],
    ['3月至4月', 3, 4, '3-4月'],
    ['3月-4月', 3, 4, '3-4月'],
    ['03-04月', 3, 4, '3-4月'],
    ['５-６月', 5, 6, '5-6月'],
    ['7-7月', 7, 7, '7月'],
    ['1-12月', 1, 12, '1-12月'],
    ['第一季度', 1, 3, '第一季度'],
    ['第二季度', 4, 6, '第二季度'],
    ['第三季度', 7, 9, '第三季度'],
    ['第四季度', 10, 12, '第四季度'],
    ['二季度', 4, 6, '第二季度'],
    ['第2季度', 4, 6, '第二季度'],
    ['Q1', 1, 3, '第一季度'],
    ['Q2', 4, 6, '第二季度'],
    ['q3', 7, 9, '第三季度'],
    ['Ｑ４', 10, 12, '第四季度'],
    ['上半年', 1, 6, '上半年'],
    ['H1', 1, 6, '上半年'],
    ['下半年', 7, 12, '下半年'],
    ['H2', 7, 12, '下半年'],
    ['h2', 7, 12, '下半年'],
    ['全年', 1, 12, '全年'],
    ['全 年', 1, 12, '全年'],
  ])('%j → %i-%i %s', (input, from, to, label) => {
    expect(parsePeriod(input)).toEqual({ from, to, label });
  });

  it.each(['', ' ', '13月', '0月', '4-3月', '12-1月', '3-4', '3-13月', 'Q5', 'Q0', 'H3', '第五季度', '半年', '三月', '3-4月份', '1-2-3月', '3,4月', 'abc', '全年度全年'])(
    '%j is not a period',
    (input) => {
      expect(parsePeriod(input)).toBeUndefined();
    },
  );
});

describe('periodInterval', () => {
  it.each([
    ['1-2月', 2023, '2023-01-01', '2023-02-28'],
    ['1-2月', 2024, '2024-01-01', '2024-02-29'],
    ['3-4月', 2023, '2023-03-01', '2023-04-30'],
    ['7月', 2023, '2023-07-01', '2023-07-31'],
    ['第四季度', 2023, '2023-10-01', '2023-12-31'],
    ['上半年', 2023, '2023-01-01', '2023-06-30'],
    ['全年', 2025, '2025-01-01', '2025-12-31'],
  ])('%s of %i is %s to %s', (input, year, start, end) => {
    expect(periodInterval(parsePeriod(input)!, year)).toEqual({ start, end });
  });
  it('keeps apart years and periods with the same digits, and cannot be changed by a caller', () => {
    const p = (from: number, to: number) => ({ from, to, label: '' });
    expect(periodInterval(p(1, 12), 2023)).not.toEqual(periodInterval(p(1, 12), 2024));
    expect(periodInterval(p(1, 2), 2023).end).toBe('2023-02-28');
    expect(periodInterval(p(12, 12), 2023).start).toBe('2023-12-01');
    expect(periodInterval(p(1, 12), 12023).end).toBe('12023-12-31');
    expect(Object.isFrozen(periodInterval(p(3, 4), 2023))).toBe(true);
    expect(parsePeriod('13月')).toBeUndefined();
    expect(parsePeriod('13月')).toBeUndefined(); // remembered as unparseable, still undefined
  });
});
