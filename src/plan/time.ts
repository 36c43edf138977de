import { getDaysInMonth } from 'date-fns';
import { isoDate } from './dates.js';

/** One stretch of days of the plan year, as ISO dates (inclusive). */
export interface Window {
  readonly start: string;
  readonly end: string;
}
export type TimeKind = 'window' | 'deadline' | 'ongoing' | 'recurring';
export type Recurrence = 'month' | 'quarter' | 'half';
/** What a time expression means in a plan year. */
export interface Time {
  readonly kind: TimeKind;
  /** Canonical label (`7月`, `3-4月`, `第一季度`, `5月、10月`, `6月底前`, `长期`, `每月`, …). */
  readonly label: string;
  /** Ascending, non-overlapping windows. deadline: one window Y-01-01..deadline day. ongoing and recurring: the whole year. */
  readonly windows: readonly Window[];
  /** For kind 'recurring'. */
  readonly every?: Recurrence;
}
export type TimeProblem =
  | { readonly problem: 'empty' }
  | { readonly problem: 'otherYear'; readonly year: number }
  | { readonly problem: 'notATime' };


/** A window and, when it is made of whole months, those months (so neighbours can merge). */
interface Piece extends Window {
  readonly label: string;
  readonly from?: number;
  readonly to?: number;
}

const EMPTY: TimeProblem = Object.freeze({ problem: 'empty' });
const NOT_A_TIME: TimeProblem = Object.freeze({ problem: 'notATime' });
const CN_NUMBERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };
const CN_QUARTERS = ['一', '二', '三', '四'];
// Only a numeral standing alone: 二十 (20) is not a month and must not read as 2 then 10.
const CN_NUMBER = /(?<![一二三四五六七八九十])(?:十[一二]?|[一二三四五六七八九])(?![一二三四五六七八九十])/g;
// 2023.07, 2023-7, 2023.09.30, 2023-09-30.
const NUMERIC_DATE = /(?<!\d)(\d{4})[.-](\d{1,2})(?:[.-](\d{1,2}))?(?!\d)/g;
const YEAR = /(?<!\d)(\d{4})年/g;
const ONGOING = /^(?:长期|持续|常态化)(?:坚持|推进|开展)?$/;
const RECURRING = /^[每按](月|季度|半年)$/;
const EVERY: Record<string, Recurrence> = { 月: 'month', 季度: 'quarter', 半年: 'half' };
const BEFORE = /^(.+?)[之以]?前$/;
const WITHIN = /^(.+)内$/;
const SEPARATOR = /[、,/;]/;
const BARE = /^第?\d{1,2}$/;
const MONTH = /^(\d{1,2})月$/;
// Between two months: dashes (one or two), tildes (NFKC folds the full-width one), 至, 到.
const RANGE = /^(\d{1,2})月?(?:[-\u2010-\u2015\u2212~\u301c]+|至|到)(\d{1,2})月$/;
const QUARTER = /^(?:Q([1-4])|第?([1-4])季度)$/;
const PART = /^(\d{1,2})月(上旬|中旬|下旬|初|末|底)$/;
const DAY = /^(\d{1,2})月(\d{1,2})[日号]$/;
const PARTS: Record<string, [first: number, last: number | undefined, name: string]> = {
  上旬: [1, 10, '上旬'],
  初: [1, 10, '上旬'],
  中旬: [11, 20, '中旬'],
  下旬: [21, undefined, '下旬'],
  末: [21, undefined, '下旬'],
  底: [21, undefined, '下旬'],
};
const HALVES: Record<string, [from: number, to: number, label: string]> = {
  上半年: [1, 6, '上半年'],
  H1: [1, 6, '上半年'],
  下半年: [7, 12, '下半年'],
  H2: [7, 12, '下半年'],
  全年: [1, 12, '全年'],
  全年度: [1, 12, '全年'],
};

/** Reads a time expression of a plan year; role 'due' turns windows into a deadline at their last day. */
export function parseTime(text: string, year: number, role: 'period' | 'due' = 'period'): Time | TimeProblem {
  // A plan repeats a handful of texts over thousands of tasks: remember the answers.
  const key = `${year}\u0000${role}\u0000${text}`;
  let result = memo.get(key);
  if (!result) {
    if (memo.size > 1000) memo.clear();
    result = parse(text, year, role);
    memo.set(key, result);
  }
  return result;
}

const memo = new Map<string, Time | TimeProblem>();

/** True when the parse gave a time, not a problem. */
export function isTime(t: Time | TimeProblem): t is Time {
  return 'kind' in t;
}

/** The occurrences of a recurring time in its year (12 months, 4 quarters, 2 halves); for other kinds, its windows. */
export function occurrences(time: Time, year: number): readonly Window[] {
  if (time.kind !== 'recurring' || !time.every) return time.windows;
  const key = `${time.every}${year}`;
  let list = occurrenceMemo.get(key);
  if (!list) {
    const size = time.every === 'month' ? 1 : time.every === 'quarter' ? 3 : 6;
    list = Object.freeze(Array.from({ length: 12 / size }, (_, i) => window(months(year, i * size + 1, (i + 1) * size))));
    occurrenceMemo.set(key, list);
  }
  return list;
}

const occurrenceMemo = new Map<string, readonly Window[]>();

/** True when a window of the time overlaps month m (1-12) of the year. */
export function overlapsMonth(time: Pick<Time, 'windows'>, year: number, month: number): boolean {
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  const { start, end } = months(year, month, month);
  return time.windows.some((w) => w.start <= end && w.end >= start);
}

/** First day of the first window and last day of the last window. */
export function span(time: Time): Window {
  const first = time.windows[0]!;
  const last = time.windows[time.windows.length - 1]!;
  return first === last ? first : Object.freeze({ start: first.start, end: last.end });
}

function parse(text: string, year: number, role: 'period' | 'due'): Time | TimeProblem {
  let s = text.normalize('NFKC').replace(/\s+/g, '');
  if (!s) return EMPTY;
  s = s
    .toUpperCase()
    .replace(/月份/g, '月')
    .replace(CN_NUMBER, (n) => String(CN_NUMBERS[n]))
    .replace(NUMERIC_DATE, (_, y: string, m: string, d?: string) => `${y}年${m}月${d ? `${d}日` : ''}`);
  let other: number | undefined;
  s = s.replace(YEAR, (_, y: string) => {
    if (Number(y) !== year) other ??= Number(y);
    return '';
  });
  if (other !== undefined) return Object.freeze({ problem: 'otherYear', year: other });
  const time = parseText(s, year);
  if (!time) return NOT_A_TIME;
  return role === 'due' && time.kind === 'window' ? deadline(year, time.windows[time.windows.length - 1]!.end) : time;
}

function parseText(s: string, year: number): Time | undefined {
  if (ONGOING.test(s)) return freeze('ongoing', '长期', [months(year, 1, 12)]);
  const every = RECURRING.exec(s)?.[1];
  if (every) return freeze('recurring', `每${every}`, [months(year, 1, 12)], EVERY[every]);
  // `6月前` is not a deadline: before June starts, or by its end? Only a day or a part of a month can precede 前.
  const before = BEFORE.exec(s)?.[1];
  if (before !== undefined) {
    const p = piece(before.replace(/^年(?=[底末]$)/, '12月'), year);
    return p && p.from === undefined ? deadline(year, p.end) : undefined;
  }
  const within = WITHIN.exec(s)?.[1];
  if (within !== undefined) {
    const p = piece(within === '年' ? '全年' : within, year);
    return p && deadline(year, p.end);
  }
  return list(s, year);
}

/** Several window expressions, sorted, with touching whole-month windows merged. */
function list(s: string, year: number): Time | undefined {
  const pieces: Piece[] = [];
  // 三、四月 and 二、三季度: a bare numeral takes the unit of the next part that has one, so read from the end.
  let unit: string | undefined;
  for (const part of s.split(SEPARATOR).reverse()) {
    const bare = BARE.test(part);
    if (!bare) unit = /(月|季度)$/.exec(part)?.[1];
    const p = bare && unit === undefined ? undefined : piece(bare ? part + unit : part, year);
    if (!p) return undefined;
    pieces.push(p);
  }
  pieces.sort((a, b) => (a.start < b.start ? -1 : 1));
  const merged: Piece[] = [];
  for (const p of pieces) {
    const last = merged[merged.length - 1];
    if (last && p.start <= last.end) return undefined;
    if (last?.to !== undefined && p.from === last.to + 1) merged[merged.length - 1] = months(year, last.from!, p.to!);
    else merged.push(p);
  }
  return freeze('window', merged.map((p) => p.label).join('、'), merged.map(window));
}

/** One window expression: a month, a range of months, a quarter, a half, a part of a month or a day. */
function piece(s: string, year: number): Piece | undefined {
  const half = HALVES[s];
  if (half) return months(year, half[0], half[1], half[2]);
  const quarter = QUARTER.exec(s);
  if (quarter) {
    const q = Number(quarter[1] ?? quarter[2]);
    return months(year, q * 3 - 2, q * 3, `第${CN_QUARTERS[q - 1]}季度`);
  }
  const range = RANGE.exec(s) ?? MONTH.exec(s);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2] ?? range[1]);
    return isMonth(from) && isMonth(to) && from <= to ? months(year, from, to) : undefined;
  }
  const part = PART.exec(s);
  if (part) {
    const m = Number(part[1]);
    const [first, last, name] = PARTS[part[2]!]!;
    return isMonth(m) ? days(year, m, first, last ?? lastDay(year, m), `${m}月${name}`) : undefined;
  }
  const day = DAY.exec(s);
  if (day) {
    const [m, d] = [Number(day[1]), Number(day[2])];
    return isMonth(m) && d >= 1 && d <= lastDay(year, m) ? days(year, m, d, d, `${m}月${d}日`) : undefined;
  }
  return undefined;
}

function isMonth(m: number): boolean {
  return m >= 1 && m <= 12;
}

function lastDay(year: number, month: number): number {
  return getDaysInMonth(new Date(year, month - 1, 1));
}

function date(year: number, month: number, day: number): string {
  return isoDate(new Date(year, month - 1, day));
}

function months(year: number, from: number, to: number, label = from === to ? `${from}月` : `${from}-${to}月`): Piece {
  return { start: date(year, from, 1), end: date(year, to, lastDay(year, to)), label, from, to };
}

function days(year: number, month: number, first: number, last: number, label: string): Piece {
  return { start: date(year, month, first), end: date(year, month, last), label };
}

/** A deadline at an ISO day: `M月底前` when it is a month's last day, else `M月D日前`. */
function deadline(year: number, end: string): Time {
  const [m, d] = [Number(end.slice(5, 7)), Number(end.slice(8, 10))];
  const label = d === lastDay(year, m) ? `${m}月底前` : `${m}月${d}日前`;
  return freeze('deadline', label, [{ start: date(year, 1, 1), end }]);
}

function window(p: Window): Window {
  return Object.freeze({ start: p.start, end: p.end });
}

function freeze(kind: TimeKind, label: string, windows: readonly Window[], every?: Recurrence): Time {
  const w = Object.freeze(windows.map(window));
  return Object.freeze(every ? { kind, label, windows: w, every } : { kind, label, windows: w });
}
