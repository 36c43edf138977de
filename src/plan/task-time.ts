import { isTime, occurrences, parseTime, span, type Time, type Window } from './time.js';
import type { Task } from './types.js';

/** What a task's period and due mean together. */
export interface TaskTime {
  /** The period's canonical label, else the due's. */
  readonly label: string;
  /** The first day, and the deadline or last day. */
  readonly start: string;
  readonly end: string;
  /** Where the task is current: the period's windows, or its first day to the due day. */
  readonly windows: readonly Window[];
  /** A recurring task's occurrences in the year, each of which wants a log entry or a completion. */
  readonly occurrences?: readonly Window[];
}

/**
 * The meaning of a task's time in its plan year: its period's windows, or (with a due) from the
 * period's first day (else 1 January) to the deadline. The task must be valid: its times parse.
 */
export function taskTime(task: Pick<Task, 'period' | 'due'>, year: number): TaskTime {
  // A plan repeats a handful of times over thousands of tasks: remember the answers.
  const key = `${year}\u0000${task.period ?? ''}\u0000${task.due ?? '\u0000'}`;
  let found = memo.get(key);
  if (!found) {
    if (memo.size > 1000) memo.clear();
    found = Object.freeze(combine(task.period === undefined ? undefined : parsed(task.period, year, 'period'), task.due === undefined ? undefined : parsed(task.due, year, 'due'), year));
    memo.set(key, found);
  }
  return found;
}

const memo = new Map<string, TaskTime>();

function parsed(text: string, year: number, role: 'period' | 'due'): Time {
  const time = parseTime(text, year, role);
  if (!isTime(time)) throw new Error(`unparseable ${role} in a validated plan: ${text}`);
  return time;
}

function combine(period: Time | undefined, due: Time | undefined, year: number): TaskTime {
  const main = (period ?? due)!;
  const { start: first, end: last } = span(main);
  const end = due ? span(due).end : last;
  const windows = due && period ? [{ start: first, end: end < first ? first : end }] : main.windows;
  return {
    label: main.label,
    start: first,
    end,
    windows,
    ...(main.kind === 'recurring' && { occurrences: occurrences(main, year) }),
  };
}
