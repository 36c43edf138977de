/** A period of the plan year (schema 1): months `from`..`to` (1-12) and its canonical label. */
export interface Period {
  from: number;
  to: number;
  label: string;
}

const QUARTERS = ['第一季度', '第二季度', '第三季度', '第四季度'] as const;
const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };
const HALVES: Record<string, Period> = {
  上半年: { from: 1, to: 6, label: '上半年' },
  H1: { from: 1, to: 6, label: '上半年' },
  下半年: { from: 7, to: 12, label: '下半年' },
  H2: { from: 7, to: 12, label: '下半年' },
};
const FULL_YEAR: Period = { from: 1, to: 12, label: '全年' };
// Between two months: ASCII/en/em dashes, tildes (ASCII, wave dash; NFKC folds the full-width one), 至, 到.
const RANGE = /^(\d{1,2})月?[-\u2010-\u2015~\u301c至到](\d{1,2})月$/;
const MONTH = /^(\d{1,2})月$/;
const QUARTER = /^(?:Q([1-4])|第?([1-4一二三四])季度)$/;

/**
 * Parses a period expression (`3-4月`, `3～4 月`, `Q2`, `第二季度`, `H1`, `全年`, …) into its months
 * and canonical label; undefined when it is not a period.
 */
export function parsePeriod(input: string): Period | undefined {
  // A plan repeats a handful of periods over thousands of tasks: remember the answers.
  if (parsed.has(input)) return parsed.get(input);
  if (parsed.size > 1000) parsed.clear();
  const period = parse(input);
  parsed.set(input, period);
  return period;
}

const parsed = new Map<string, Period | undefined>();

function parse(input: string): Period | undefined {
  const s = input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (s === '全年') return FULL_YEAR;
  const half = HALVES[s];
  if (half) return half;
  let m = QUARTER.exec(s);
  if (m) {
    const q = Number(m[1] ?? CN_DIGITS[m[2]!] ?? m[2]);
    return { from: q * 3 - 2, to: q * 3, label: QUARTERS[q - 1]! };
  }
  m = RANGE.exec(s) ?? MONTH.exec(s);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  if (from < 1 || to > 12 || from > to) return undefined;
  return { from, to, label: from === to ? `${from}月` : `${from}-${to}月` };
}
