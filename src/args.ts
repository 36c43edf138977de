// Parsers for option values: each returns the domain value or throws a usage error (exit 2)
// that names the bad value and what is accepted.
import { usageError } from './errors.js';
import { m } from './messages.js';
import { isRealDate } from './plan/dates.js';
import { parseTime } from './plan/time.js';
import { suggest } from './plan/suggest.js';
import { STATUSES, type Status } from './plan/types.js';

export function parseDateArg(option: string) {
  return (v: string): string => {
    const s = v.trim();
    if (!isRealDate(s)) throw usageError(m.badDate(option, v));
    return s;
  };
}

/** A time expression as typed: what it means depends on the plan's year, so only its form is checked here. */
export function parsePeriodArg(v: string): string {
  // Any year will do for the form; a year written in it is checked against the plan's later.
  const time = parseTime(v, 2000, 'period');
  if ('problem' in time && time.problem !== 'otherYear') throw usageError(m.badPeriod('--period', v));
  return v;
}

export function parseMonthArg(v: string): number {
  const s = v.trim().replace(/月$/, '');
  const n = Number(s);
  if (!/^\d{1,2}$/.test(s) || n < 1 || n > 12) throw usageError(m.badMonth('--month', v));
  return n;
}

/** A parser that accepts one of `choices`, suggesting the nearest one otherwise. */
export function choiceArg<T extends string>(option: string, choices: readonly T[]) {
  return (v: string): T => {
    const s = v.trim().toLowerCase();
    if ((choices as readonly string[]).includes(s)) return s as T;
    // With a single choice (export --format ics), it is the only sensible hint however far off.
    const hint = suggest(v, choices) ?? (choices.length === 1 ? choices[0] : undefined);
    throw usageError(m.badChoice(option, v, choices, hint ? m.didYouMean(hint) : ''));
  };
}

export const STATUS_FILTERS: readonly (Status | 'open')[] = [...STATUSES, 'open'];

/** A task id: a positive whole number. */
export function parseTaskId(v: string): number {
  const s = v.trim().replace(/^#/, '');
  if (!/^\d{1,9}$/.test(s) || Number(s) < 1) throw usageError(m.badTaskId(v));
  return Number(s);
}

/** The number of a log entry, from 1. */
export function parseEntryArg(v: string): number {
  const s = v.trim();
  if (!/^\d{1,9}$/.test(s) || Number(s) < 1) throw usageError(m.change.badEntry(v));
  return Number(s);
}

/** A plan year: four digits from 1900 on, as the schema requires. */
export function parseYearArg(what: string) {
  return (v: string): number => {
    const s = v.trim();
    if (!/^\d{4}$/.test(s) || Number(s) < 1900) throw usageError(m.badYear(what, v));
    return Number(s);
  };
}
