import type { Completion, LogEntry, Plan, Task } from './types.js';

/** A change to one task (by its index in `tasks`), as the write commands decide it. */
export type TaskEdit =
  | { index: number; op: 'complete'; completion: Completion }
  | { index: number; op: 'uncomplete' }
  | { index: number; op: 'log'; entry: LogEntry };

/** The plan with the edits applied (a new object; the input is not changed). */
export function applyEdits(plan: Plan, edits: readonly TaskEdit[]): Plan {
  const tasks = plan.tasks.slice();
  for (const e of edits) tasks[e.index] = applyEdit(tasks[e.index]!, e);
  return { ...plan, tasks };
}

/** The task with one edit applied (a new object; the input is not changed). */
export function applyEdit(task: Task, e: TaskEdit): Task {
  switch (e.op) {
    case 'complete':
      return { ...task, completed: e.completion };
    case 'uncomplete': {
      const { completed: _removed, ...rest } = task;
      return rest;
    }
    case 'log':
      return { ...task, log: [...(task.log ?? []), e.entry] };
  }
}

/** A completion record with only the fields given (no empty `by` or `note`). */
export function completion(date: string, by?: string, note?: string): Completion {
  return { date, ...(by?.trim() && { by: by.trim() }), ...(note?.trim() && { note: note.trim() }) };
}
