import { selectTasks } from './filter.js';
import type { Window } from './time.js';
import type { LogEntry, Plan } from './types.js';
import type { TaskView } from './view.js';

/** How far ahead `agenda` looks for tasks that start, unless told otherwise. */
export const DEFAULT_DAYS = 30;
/** The most `--days` may be: a year, leap day included. */
export const MAX_DAYS = 366;
/**
 * A 全年/长期 task is listed only when it has had no log entry in this many days (a task being
 * worked on needs no reminder): a month, the rhythm a 每月 task is held to.
 */
export const QUIET_DAYS = 30;

export interface AgendaOptions {
  /** Tasks starting within this many days are upcoming (0 to MAX_DAYS). */
  days: number;
  /** A registry unit, already checked: only tasks it leads or supports. */
  department?: string;
}

/** One occurrence of a recurring task: its label (`3月`, `第二季度`, `上半年`) and its days. */
export interface Occurrence extends Window {
  readonly label: string;
}

/** A task whose time ended without it being done; `ended` is that day (a recurring task's first missed occurrence's last day). */
export interface OverdueEntry {
  task: TaskView;
  ended: string;
  daysOverdue: number;
  /** A recurring task's first ended occurrence without a log entry, else null. */
  occurrence: Occurrence | null;
  /** A recurring task's every ended occurrence without a log entry (empty for other tasks). */
  missed: Occurrence[];
}

/** A task inside one of its windows; `until` is that window's last day (a deadline: the deadline). */
export interface CurrentEntry {
  task: TaskView;
  until: string;
  /** 0 on the last day. */
  daysLeft: number;
}

/** A task whose next window starts within the days looked ahead. */
export interface UpcomingEntry {
  task: TaskView;
  starts: string;
  /** 1 the day before. */
  daysUntil: number;
}

/** A recurring task whose current occurrence has no log entry yet. */
export interface RecurringEntry {
  task: TaskView;
  occurrence: Occurrence;
  /** Days to the occurrence's last day; 0 on it. */
  daysLeft: number;
}

/** A current 全年/长期 task without a log entry in the last QUIET_DAYS days. */
export interface OngoingEntry {
  task: TaskView;
  /** The date of its latest log entry up to the as-of day, or null. */
  lastLog: string | null;
  daysSinceLog: number | null;
}

/** What needs attention on a day, by kind; each section in the order of the date that matters to it, then annex order. */
export interface Agenda {
  year: number;
  title: string;
  asOf: string;
  days: number;
  quietDays: number;
  /** By `ended`, oldest first. */
  overdue: OverdueEntry[];
  /** By `until`, soonest first. */
  current: CurrentEntry[];
  /** By `starts`, soonest first. */
  upcoming: UpcomingEntry[];
  /** By the occurrence's last day. */
  recurring: RecurringEntry[];
  /** Never logged first, then by the latest log entry, oldest first. */
  ongoing: OngoingEntry[];
  /** The current 全年/长期 tasks left out of `ongoing` because they were logged in the last QUIET_DAYS days. */
  ongoingLogged: number;
}

/**
 * The agenda of a plan on `asOf`: overdue tasks, current ones with the days left, those starting
 * within `days`, recurring ones whose current occurrence wants a log entry, and the quiet
 * 全年/长期 tasks. Done and cancelled tasks never appear; status is `taskStatus`'s.
 *
 * A task current on every day of the year (全年, 长期, 年底前) would otherwise be current on every
 * agenda: it is listed apart (`ongoing`), and only when quiet, until the year's end comes within
 * `days`, when it is current like any task close to its end.
 */
export function agenda(plan: Pick<Plan, 'year' | 'title' | 'tasks'>, asOf: string, opts: AgendaOptions): Agenda {
  const out: Agenda = { year: plan.year, title: plan.title, asOf, days: opts.days, quietDays: QUIET_DAYS, overdue: [], current: [], upcoming: [], recurring: [], ongoing: [], ongoingLogged: 0 };
  const tasks = selectTasks(plan, { status: 'open', ...(opts.department !== undefined && { department: opts.department }) }, asOf);
  for (const task of tasks) {
    const { time } = task;
    if (task.status === 'overdue') {
      const missed = time.occurrences ? time.occurrences.filter((o) => o.end < asOf && !loggedIn(task.log, o)).map((o) => occurrence(o)) : [];
      const ended = missed[0]?.end ?? time.end;
      out.overdue.push({ task, ended, daysOverdue: daysBetween(ended, asOf), occurrence: missed[0] ?? null, missed });
    } else if (task.status === 'upcoming') {
      const next = time.windows.find((w) => w.start > asOf)!;
      const daysUntil = daysBetween(asOf, next.start);
      if (daysUntil <= opts.days) out.upcoming.push({ task, starts: next.start, daysUntil });
    } else if (time.occurrences) {
      // None after the year, when every occurrence was logged: nothing is left to do.
      const now = time.occurrences.find((o) => o.start <= asOf && asOf <= o.end);
      // Only entries up to the as-of day count: an agenda of a past day shows what was open then.
      if (now && !loggedIn(task.log, { start: now.start, end: asOf })) out.recurring.push({ task, occurrence: occurrence(now), daysLeft: daysBetween(asOf, now.end) });
    } else {
      const window = time.windows.find((w) => w.start <= asOf && asOf <= w.end)!;
      const daysLeft = daysBetween(asOf, window.end);
      if (!wholeYear(window, plan.year) || daysLeft <= opts.days) out.current.push({ task, until: window.end, daysLeft });
      else {
        const lastLog = latestLog(task.log, asOf);
        const daysSinceLog = lastLog === null ? null : daysBetween(lastLog, asOf);
        if (daysSinceLog !== null && daysSinceLog < QUIET_DAYS) out.ongoingLogged++;
        else out.ongoing.push({ task, lastLog, daysSinceLog });
      }
    }
  }
  // Array.prototype.sort is stable: ties stay in annex order.
  out.overdue.sort((a, b) => compare(a.ended, b.ended));
  out.current.sort((a, b) => compare(a.until, b.until));
  out.upcoming.sort((a, b) => compare(a.starts, b.starts));
  out.recurring.sort((a, b) => compare(a.occurrence.end, b.occurrence.end));
  out.ongoing.sort((a, b) => compare(a.lastLog ?? '', b.lastLog ?? ''));
  return out;
}

/** True when no task is listed in any section. */
export function isEmptyAgenda(a: Agenda): boolean {
  return !a.overdue.length && !a.current.length && !a.upcoming.length && !a.recurring.length && !a.ongoing.length;
}

/** Days from ISO day `from` to ISO day `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return (utc(to) - utc(from)) / 86_400_000;
}

function utc(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The test `taskStatus` applies to an occurrence: a log entry dated inside it. */
function loggedIn(log: readonly LogEntry[], w: Window): boolean {
  return log.some((e) => e.date >= w.start && e.date <= w.end);
}

function latestLog(log: readonly LogEntry[], asOf: string): string | null {
  let latest: string | null = null;
  for (const e of log) if (e.date <= asOf && (latest === null || e.date > latest)) latest = e.date;
  return latest;
}

function wholeYear(w: Window, year: number): boolean {
  return w.start === `${year}-01-01` && w.end === `${year}-12-31`;
}

const QUARTERS = ['一', '二', '三', '四'];

/** An occurrence (a month, a quarter or a half of the year, as `occurrences` makes them) with its label. */
export function occurrence(w: Window): Occurrence {
  const [from, to] = [Number(w.start.slice(5, 7)), Number(w.end.slice(5, 7))];
  const label =
    from === to ? `${from}月` : to - from === 2 ? `第${QUARTERS[(from - 1) / 3]}季度` : from === 1 && to === 6 ? '上半年' : from === 7 && to === 12 ? '下半年' : `${from}-${to}月`;
  return { label, start: w.start, end: w.end };
}
