import { describe, expect, it } from 'vitest';
import { TIME_EXAMPLES } from '../../src/messages.js';
import { isTime, occurrences, overlapsMonth, parseTime, span, type Time } from '../../src/plan/time.js';

type Role = 'period' | 'due';

/** Windows as 'MM-DD..MM-DD', checking that every date lies in the plan year. */
function days(time: Time, year: number): string[] {
  return time.windows.map((w) => {
    expect(w.start.slice(0, 5)).toBe(`${year}-`);
    expect(w.end.slice(0, 5)).toBe(`${year}-`);
    return `${w.start.slice(5)}..${w.end.slice(5)}`;
  });
}

function time(text: string, year = 2023, role: Role = 'period'): Time {
  const t = parseTime(text, year, role);
  if (!isTime(t)) throw new Error(`${text}: ${JSON.stringify(t)}`);
  return t;
}

const YEAR = ['01-01..12-31'];

describe('parseTime', () => {
  it.each<[string, number, Role, string, Time['kind'], string[]]>([
    // one month
    ['7月', 2023, 'period', '7月', 'window', ['07-01..07-31']],
    ['七月', 2023, 'period', '7月', 'window', ['07-01..07-31']],
    ['7月份', 2023, 'period', '7月', 'window', ['07-01..07-31']],
    ['十二月份', 2023, 'period', '12月', 'window', ['12-01..12-31']],
    ['十一月', 2023, 'period', '11月', 'window', ['11-01..11-30']],
    ['十月', 2023, 'period', '10月', 'window', ['10-01..10-31']],
    ['2023年7月', 2023, 'period', '7月', 'window', ['07-01..07-31']],
    ['2023.07', 2023, 'period', '7月', 'window', ['07-01..07-31']],
    ['2023.7', 2023, 'period', '7月', 'window', ['07-01..07-31']],
    ['2023-07', 2023, 'period', '7月', 'window', ['07-01..07-31']],
    ['03月', 2023, 'period', '3月', 'window', ['03-01..03-31']],
    [' ７ 月 ', 2023, 'period', '7月', 'window', ['07-01..07-31']],
    ['2月', 2023, 'period', '2月', 'window', ['02-01..02-28']],
    ['2月', 2024, 'period', '2月', 'window', ['02-01..02-29']],
    // a range of months
    ['3-4月', 2023, 'period', '3-4月', 'window', ['03-01..04-30']],
    ['3月-4月', 2023, 'period', '3-4月', 'window', ['03-01..04-30']],
    ['3月—4月', 2023, 'period', '3-4月', 'window', ['03-01..04-30']],
    ['3月——12月', 2023, 'period', '3-12月', 'window', ['03-01..12-31']],
    ['3～4 月', 2023, 'period', '3-4月', 'window', ['03-01..04-30']],
    ['3~4月', 2023, 'period', '3-4月', 'window', ['03-01..04-30']],
    ['3〜4月', 2023, 'period', '3-4月', 'window', ['03-01..04-30']],
    ['3月至5月', 2023, 'period', '3-5月', 'window', ['03-01..05-31']],
    ['3到5月', 2023, 'period', '3-5月', 'window', ['03-01..05-31']],
    ['三、四月份', 2023, 'period', '3-4月', 'window', ['03-01..04-30']],
    ['7,8月', 2023, 'period', '7-8月', 'window', ['07-01..08-31']],
    ['7，8月', 2023, 'period', '7-8月', 'window', ['07-01..08-31']],
    ['7、8月', 2023, 'period', '7-8月', 'window', ['07-01..08-31']],
    ['3月、4月', 2023, 'period', '3-4月', 'window', ['03-01..04-30']],
    ['3、4、5月', 2023, 'period', '3-5月', 'window', ['03-01..05-31']],
    ['3、4-5月', 2023, 'period', '3-5月', 'window', ['03-01..05-31']],
    ['1-12月', 2023, 'period', '1-12月', 'window', YEAR],
    ['1-6月', 2023, 'period', '1-6月', 'window', ['01-01..06-30']],
    ['1-2月', 2024, 'period', '1-2月', 'window', ['01-01..02-29']],
    // quarters
    ['第一季度', 2023, 'period', '第一季度', 'window', ['01-01..03-31']],
    ['第四季度', 2023, 'period', '第四季度', 'window', ['10-01..12-31']],
    ['一季度', 2023, 'period', '第一季度', 'window', ['01-01..03-31']],
    ['1季度', 2023, 'period', '第一季度', 'window', ['01-01..03-31']],
    ['Q2', 2023, 'period', '第二季度', 'window', ['04-01..06-30']],
    ['q3', 2023, 'period', '第三季度', 'window', ['07-01..09-30']],
    ['Ｑ４', 2023, 'period', '第四季度', 'window', ['10-01..12-31']],
    ['第二、三季度', 2023, 'period', '4-9月', 'window', ['04-01..09-30']],
    ['二、三季度', 2023, 'period', '4-9月', 'window', ['04-01..09-30']],
    // halves and the year
    ['上半年', 2023, 'period', '上半年', 'window', ['01-01..06-30']],
    ['H1', 2023, 'period', '上半年', 'window', ['01-01..06-30']],
    ['下半年', 2023, 'period', '下半年', 'window', ['07-01..12-31']],
    ['h2', 2023, 'period', '下半年', 'window', ['07-01..12-31']],
    ['全年', 2023, 'period', '全年', 'window', YEAR],
    ['全年度', 2023, 'period', '全年', 'window', YEAR],
    ['2023年上半年', 2023, 'period', '上半年', 'window', ['01-01..06-30']],
    ['上半年、下半年', 2023, 'period', '1-12月', 'window', YEAR],
    // parts of a month
    ['3月上旬', 2023, 'period', '3月上旬', 'window', ['03-01..03-10']],
    ['3月中旬', 2023, 'period', '3月中旬', 'window', ['03-11..03-20']],
    ['3月下旬', 2023, 'period', '3月下旬', 'window', ['03-21..03-31']],
    ['3月初', 2023, 'period', '3月上旬', 'window', ['03-01..03-10']],
    ['3月末', 2023, 'period', '3月下旬', 'window', ['03-21..03-31']],
    ['3月底', 2023, 'period', '3月下旬', 'window', ['03-21..03-31']],
    ['二月下旬', 2024, 'period', '2月下旬', 'window', ['02-21..02-29']],
    ['四月中旬', 2023, 'period', '4月中旬', 'window', ['04-11..04-20']],
    // one day
    ['9月30日', 2023, 'period', '9月30日', 'window', ['09-30..09-30']],
    ['2023年9月30日', 2023, 'period', '9月30日', 'window', ['09-30..09-30']],
    ['2023.09.30', 2023, 'period', '9月30日', 'window', ['09-30..09-30']],
    ['2023-09-30', 2023, 'period', '9月30日', 'window', ['09-30..09-30']],
    ['2月29日', 2024, 'period', '2月29日', 'window', ['02-29..02-29']],
    // several windows
    ['5月、10月', 2023, 'period', '5月、10月', 'window', ['05-01..05-31', '10-01..10-31']],
    ['5月/10月', 2023, 'period', '5月、10月', 'window', ['05-01..05-31', '10-01..10-31']],
    ['5月，10月', 2023, 'period', '5月、10月', 'window', ['05-01..05-31', '10-01..10-31']],
    ['5月；10月', 2023, 'period', '5月、10月', 'window', ['05-01..05-31', '10-01..10-31']],
    ['10月、5月', 2023, 'period', '5月、10月', 'window', ['05-01..05-31', '10-01..10-31']],
    ['三、五月份', 2023, 'period', '3月、5月', 'window', ['03-01..03-31', '05-01..05-31']],
    ['4月~6月/9月~11月', 2023, 'period', '4-6月、9-11月', 'window', ['04-01..06-30', '09-01..11-30']],
    ['第一、三季度', 2023, 'period', '第一季度、第三季度', 'window', ['01-01..03-31', '07-01..09-30']],
    ['1、2月、三、四季度', 2023, 'period', '1-2月、7-12月', 'window', ['01-01..02-28', '07-01..12-31']],
    ['第一季度、4月', 2023, 'period', '1-4月', 'window', ['01-01..04-30']],
    ['3月上旬、4月', 2023, 'period', '3月上旬、4月', 'window', ['03-01..03-10', '04-01..04-30']],
    ['6月30日、7月', 2023, 'period', '6月30日、7月', 'window', ['06-30..06-30', '07-01..07-31']],
    // deadlines
    ['6月底前', 2023, 'period', '6月底前', 'deadline', ['01-01..06-30']],
    ['6月底之前', 2023, 'period', '6月底前', 'deadline', ['01-01..06-30']],
    ['6月30日前', 2023, 'period', '6月底前', 'deadline', ['01-01..06-30']],
    ['10月1日前', 2023, 'period', '10月1日前', 'deadline', ['01-01..10-01']],
    ['年底前', 2023, 'period', '12月底前', 'deadline', YEAR],
    ['年内', 2023, 'period', '12月底前', 'deadline', YEAR],
    ['上半年内', 2023, 'period', '6月底前', 'deadline', ['01-01..06-30']],
    ['2022年10月底前', 2022, 'period', '10月底前', 'deadline', ['01-01..10-31']],
    ['6月中旬前', 2023, 'period', '6月20日前', 'deadline', ['01-01..06-20']],
    ['6月上旬前', 2023, 'period', '6月10日前', 'deadline', ['01-01..06-10']],
    ['二月底前', 2024, 'period', '2月底前', 'deadline', ['01-01..02-29']],
    // ongoing and recurring
    ['长期', 2023, 'period', '长期', 'ongoing', YEAR],
    ['长期坚持', 2023, 'period', '长期', 'ongoing', YEAR],
    ['持续推进', 2023, 'period', '长期', 'ongoing', YEAR],
    ['常态化', 2023, 'period', '长期', 'ongoing', YEAR],
    ['持续开展', 2023, 'period', '长期', 'ongoing', YEAR],
    ['长期开展', 2023, 'period', '长期', 'ongoing', YEAR],
    ['每月', 2023, 'period', '每月', 'recurring', YEAR],
    ['按月', 2023, 'period', '每月', 'recurring', YEAR],
    ['每季度', 2023, 'period', '每季度', 'recurring', YEAR],
    ['按季度', 2023, 'period', '每季度', 'recurring', YEAR],
    ['每半年', 2023, 'period', '每半年', 'recurring', YEAR],
    // role 'due': any window means "by its last day"
    ['2018.09', 2018, 'due', '9月底前', 'deadline', ['01-01..09-30']],
    ['6月', 2023, 'due', '6月底前', 'deadline', ['01-01..06-30']],
    ['全年', 2023, 'due', '12月底前', 'deadline', YEAR],
    ['9月30日', 2023, 'due', '9月底前', 'deadline', ['01-01..09-30']],
    ['10月1日', 2023, 'due', '10月1日前', 'deadline', ['01-01..10-01']],
    ['3月中旬', 2023, 'due', '3月20日前', 'deadline', ['01-01..03-20']],
    ['5月、10月', 2023, 'due', '10月底前', 'deadline', ['01-01..10-31']],
    ['第一季度', 2023, 'due', '3月底前', 'deadline', ['01-01..03-31']],
    ['2月', 2024, 'due', '2月底前', 'deadline', ['01-01..02-29']],
    ['6月底前', 2023, 'due', '6月底前', 'deadline', ['01-01..06-30']],
    ['长期', 2023, 'due', '长期', 'ongoing', YEAR],
    ['每月', 2023, 'due', '每月', 'recurring', YEAR],
  ])('%j in %i as %s → %s (%s) %j', (input, year, role, label, kind, windows) => {
    const t = time(input, year, role);
    expect([t.label, t.kind, days(t, year)]).toEqual([label, kind, windows]);
  });

  it.each([
    ['每月', 'month'],
    ['按月', 'month'],
    ['每季度', 'quarter'],
    ['按季度', 'quarter'],
    ['每半年', 'half'],
  ])('%j recurs every %s', (input, every) => {
    expect(time(input).every).toBe(every);
  });

  it.each(['7月', '6月底前', '长期', '5月、10月'])('%j has no recurrence', (input) => {
    expect(time(input)).not.toHaveProperty('every');
  });

  it.each<[string, number, unknown]>([
    ['', 2023, { problem: 'empty' }],
    ['   ', 2023, { problem: 'empty' }],
    ['\u3000\t\n', 2023, { problem: 'empty' }],
    ['2022年7月', 2023, { problem: 'otherYear', year: 2022 }],
    ['2022.07', 2023, { problem: 'otherYear', year: 2022 }],
    ['2024-09-30', 2023, { problem: 'otherYear', year: 2024 }],
    ['2022年10月底前', 2023, { problem: 'otherYear', year: 2022 }],
    ['13月', 2023, { problem: 'notATime' }],
    ['0月', 2023, { problem: 'notATime' }],
    ['4-3月', 2023, { problem: 'notATime' }],
    ['3-13月', 2023, { problem: 'notATime' }],
    ['3-4', 2023, { problem: 'notATime' }],
    ['第五季度', 2023, { problem: 'notATime' }],
    ['Q5', 2023, { problem: 'notATime' }],
    ['H3', 2023, { problem: 'notATime' }],
    ['abc', 2023, { problem: 'notATime' }],
    ['2月30日', 2023, { problem: 'notATime' }],
    ['2月29日', 2023, { problem: 'notATime' }],
    ['9月31日', 2023, { problem: 'notATime' }],
    ['二十月', 2023, { problem: 'notATime' }],
    ['13月上旬', 2023, { problem: 'notATime' }],
    ['每月、5月', 2023, { problem: 'notATime' }],
    ['长期、5月', 2023, { problem: 'notATime' }],
    ['6月底前、7月', 2023, { problem: 'notATime' }],
    ['6月前', 2023, { problem: 'notATime' }],
    ['第二季度前', 2023, { problem: 'notATime' }],
    ['5月、5月', 2023, { problem: 'notATime' }],
    ['3-5月、4月', 2023, { problem: 'notATime' }],
    ['上半年、第二季度', 2023, { problem: 'notATime' }],
    ['9月、9月30日', 2023, { problem: 'notATime' }],
    ['3月下旬、3月31日', 2023, { problem: 'notATime' }],
    ['5月、', 2023, { problem: 'notATime' }],
    ['3、4', 2023, { problem: 'notATime' }],
    ['3、4月上旬', 2023, { problem: 'notATime' }],
    ['2023年', 2023, { problem: 'notATime' }],
  ])('%j in %i is a problem: %j', (input, year, problem) => {
    const t = parseTime(input, year);
    expect(t).toEqual(problem);
    expect(isTime(t)).toBe(false);
  });

  it('remembers answers per text, year and role, and shares frozen ones', () => {
    const a = parseTime('3-4月', 2023);
    expect(parseTime('3-4月', 2023)).toBe(a);
    expect(parseTime('3-4月', 2023, 'period')).toBe(a);
    expect(parseTime('3-4月', 2024)).not.toBe(a);
    expect(parseTime('3-4月', 2023, 'due')).toMatchObject({ kind: 'deadline', label: '4月底前' });
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(time('3-4月').windows)).toBe(true);
    expect(Object.isFrozen(time('3-4月').windows[0])).toBe(true);
    expect(Object.isFrozen(parseTime('', 2023))).toBe(true);
  });

  it('keeps answering after its memory is cleared', () => {
    for (let i = 0; i < 1100; i++) parseTime(`x${i}`, 2023);
    expect(time('7月').label).toBe('7月');
  });
});

describe('occurrences', () => {
  it.each<[string, number, string[]]>([
    ['每季度', 2023, ['01-01..03-31', '04-01..06-30', '07-01..09-30', '10-01..12-31']],
    ['每半年', 2023, ['01-01..06-30', '07-01..12-31']],
    ['5月、10月', 2023, ['05-01..05-31', '10-01..10-31']],
    ['6月底前', 2023, ['01-01..06-30']],
    ['长期', 2023, YEAR],
  ])('%j in %i', (input, year, expected) => {
    expect(occurrences(time(input, year), year).map((w) => `${w.start.slice(5)}..${w.end.slice(5)}`)).toEqual(expected);
  });

  it('gives each month of the year for 每月, with 2月 ending on the 29th in a leap year', () => {
    const months = occurrences(time('每月', 2024), 2024);
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ start: '2024-01-01', end: '2024-01-31' });
    expect(months[1]).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(months[11]).toEqual({ start: '2024-12-01', end: '2024-12-31' });
    expect(occurrences(time('每月'), 2023)[1]).toEqual({ start: '2023-02-01', end: '2023-02-28' });
  });
});

describe('overlapsMonth', () => {
  it.each<[string, number[]]>([
    ['3-4月', [3, 4]],
    ['5月、10月', [5, 10]],
    ['第二季度', [4, 5, 6]],
    ['3月下旬', [3]],
    ['9月30日', [9]],
    ['6月底前', [1, 2, 3, 4, 5, 6]],
    ['全年', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
    ['每季度', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
    ['长期', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
  ])('%j overlaps months %j', (input, expected) => {
    const t = time(input);
    const months = Array.from({ length: 12 }, (_, i) => i + 1);
    expect(months.filter((m) => overlapsMonth(t, 2023, m))).toEqual(expected);
  });

  it.each([0, 13, 2.5])('no time overlaps month %j', (m) => {
    expect(overlapsMonth(time('全年'), 2023, m)).toBe(false);
  });
});

describe('span', () => {
  it.each<[string, string, string]>([
    ['3-4月', '2023-03-01', '2023-04-30'],
    ['5月、10月', '2023-05-01', '2023-10-31'],
    ['第一、三季度', '2023-01-01', '2023-09-30'],
    ['10月1日前', '2023-01-01', '2023-10-01'],
    ['每月', '2023-01-01', '2023-12-31'],
  ])('%j spans %s..%s', (input, start, end) => {
    expect(span(time(input))).toEqual({ start, end });
  });
});

describe('TIME_EXAMPLES', () => {
  it.each([...TIME_EXAMPLES])('%j is accepted', (example) => {
    expect(isTime(parseTime(example, 2023))).toBe(true);
  });

  it('has examples', () => {
    expect(TIME_EXAMPLES.length).toBeGreaterThanOrEqual(10);
  });
});
