import type { TaskView } from '../plan/view.js';

/** The documented JSON shape of a task (SPEC "JSON shapes"); stable for scripts. */
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
  };
}

/** Pretty JSON with a final newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
