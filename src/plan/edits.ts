import type { Cancellation, Completion, LogEntry, Plan, Task } from './types.js';

/** The task keys `plan edit` sets and unsets (its records have their own commands). */
export const SETTABLE_KEYS = ['period', 'due', 'content', 'departments', 'support', 'owners', 'group', 'fields'] as const;
export type SettableKey = (typeof SETTABLE_KEYS)[number];
/** What a settable key holds. */
export type KeyValue<K extends SettableKey> = NonNullable<Task[K]>;

/** The order keys are written in when a task gains one: the field table's, then fields, then the records. */
export const KEY_ORDER: readonly string[] = ['id', ...SETTABLE_KEYS.slice(0, 7), 'fields', 'completed', 'cancelled', 'log'];

/** A change to one task (by its index in `tasks`), as the write commands decide it. */
export type TaskEdit =
  | { index: number; op: 'complete'; completion: Completion }
  | { index: number; op: 'uncomplete' }
  | { index: number; op: 'log'; entry: LogEntry }
  /** Removes the log entry at `position` (0-based). */
  | { index: number; op: 'unlog'; position: number }
  | { index: number; op: 'cancel'; cancellation: Cancellation }
  | { index: number; op: 'uncancel' }
  | { [K in SettableKey]: { index: number; op: 'set'; key: K; value: KeyValue<K> } }[SettableKey]
  | { index: number; op: 'unset'; key: SettableKey };

/** A change to the plan's list of tasks: a new task after the one at `index` (-1: first), or a task removed. */
export type ListEdit = { index: number; op: 'insert'; task: Task } | { index: number; op: 'remove' };

export type Edit = TaskEdit | ListEdit;

/** What a write command decides: edits, and units to add to the registry. */
export interface Change {
  edits: Edit[];
  register?: string[];
}

/** True for edits that only add or remove a task's records (ids, times and units stay as they were). */
export const isRecordEdit = (e: Edit): boolean => e.op !== 'set' && e.op !== 'unset' && e.op !== 'insert' && e.op !== 'remove';

/** The plan with the change applied (a new object; the input is not changed). */
export function applyChange(plan: Plan, change: Change): Plan {
  const tasks: (Task | undefined)[] = plan.tasks.slice();
  const inserted = new Map<number, Task[]>();
  for (const e of change.edits) {
    if (e.op === 'insert') inserted.set(e.index, [...(inserted.get(e.index) ?? []), e.task]);
    else if (e.op === 'remove') tasks[e.index] = undefined;
    else tasks[e.index] = applyEdit(tasks[e.index]!, e);
  }
  const list = [...(inserted.get(-1) ?? []), ...tasks.flatMap((t, i) => [...(t ? [t] : []), ...(inserted.get(i) ?? [])])];
  const departments = change.register?.length ? [...plan.departments, ...change.register] : plan.departments;
  return { ...plan, departments, tasks: list };
}

/** The plan with task edits applied (a new object; the input is not changed). */
export function applyEdits(plan: Plan, edits: readonly TaskEdit[]): Plan {
  return applyChange(plan, { edits: [...edits] });
}

/** The task with one edit applied (a new object; the input is not changed). */
export function applyEdit(task: Task, e: TaskEdit): Task {
  switch (e.op) {
    case 'complete':
      return { ...task, completed: e.completion };
    case 'uncomplete':
      return without(task, 'completed');
    case 'log':
      return { ...task, log: [...(task.log ?? []), e.entry] };
    case 'unlog': {
      const log = (task.log ?? []).filter((_, i) => i !== e.position);
      return log.length ? { ...task, log } : without(task, 'log');
    }
    case 'cancel':
      return { ...task, cancelled: e.cancellation };
    case 'uncancel':
      return without(task, 'cancelled');
    case 'set':
      return { ...task, [e.key]: e.value };
    case 'unset':
      return without(task, e.key);
  }
}

function without(task: Task, key: keyof Task): Task {
  const { [key]: _removed, ...rest } = task;
  return rest as Task;
}

/** A completion record with only the fields given (no empty `by` or `note`). */
export function completion(date: string, by?: string, note?: string): Completion {
  return { date, ...(by?.trim() && { by: by.trim() }), ...(note?.trim() && { note: note.trim() }) };
}
