import type { TaskView } from '../plan/view.js';

/** The documented JSON shape of a task (SPEC "JSON shapes"; schema 2 adds keys only); stable for scripts. */
export function taskJson(t: TaskView) {
  return {
    id: t.id,
    period: t.period,
    start: t.start,
    end: t.end,
    content: t.content,
    departments: [...t.departments],
    status: t.status,
    completed: t.completed
      ? { date: t.completed.date, ...(t.completed.by !== undefined && { by: t.completed.by }), ...(t.completed.note !== undefined && { note: t.completed.note }) }
      : null,
    log: t.log.map((e) => ({ date: e.date, note: e.note })),
    support: [...t.support],
    owners: [...t.owners],
    group: t.group,
    fields: { ...t.fields },
    cancelled: t.cancelled ? { date: t.cancelled.date, ...(t.cancelled.reason !== undefined && { reason: t.cancelled.reason }) } : null,
  };
}

/**
 * Pretty JSON with a final newline. Besides the C0 controls JSON escapes itself, C1 and bidi
 * controls and U+2028/9 are written as `\u` escapes: the same data, but nothing a terminal acts on.
 */
export function toJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(/[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${text}\n`;
}
