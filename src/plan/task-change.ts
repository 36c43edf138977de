import { isDeepStrictEqual } from 'node:util';
import { KEY_ORDER, SETTABLE_KEYS, type KeyValue, type SettableKey, type TaskEdit } from './edits.js';
import { field } from './fields.js';
import type { Plan, Task } from './types.js';

/** New values for a task's keys; `null` removes the key. */
export type KeyChanges = { [K in SettableKey]?: KeyValue<K> | null };

/** The edits that make `task` (at `index`) have `changes`, in KEY_ORDER; keys already so are left out. */
export function keyEdits(task: Task, index: number, changes: KeyChanges): TaskEdit[] {
  const edits: TaskEdit[] = [];
  for (const key of SETTABLE_KEYS) {
    if (!(key in changes)) continue;
    const value = changes[key];
    if (value === null || value === undefined) {
      if (task[key] !== undefined) edits.push({ index, op: 'unset', key });
    } else if (!isDeepStrictEqual(task[key], value)) {
      edits.push({ index, op: 'set', key, value } as TaskEdit);
    }
  }
  return edits.sort((a, b) => KEY_ORDER.indexOf((a as { key: string }).key) - KEY_ORDER.indexOf((b as { key: string }).key));
}

/**
 * The progress note an adjustment (调整) of a task's time leaves in its log, as offices report it:
 * `计划时间由3-4月调整为5-6月`, with the reason after a colon. It is the plan's own text, in Chinese.
 */
export function adjustmentNote(key: 'period' | 'due', from: string | undefined, to: string | undefined, reason?: string): string {
  const note = `${field(key).title.zh}由${from ?? '（无）'}调整为${to ?? '（无）'}`;
  return reason?.trim() ? `${note}：${reason.trim()}` : note;
}

/** The note for an edit with a reason but no change of time: `负责部门调整：…`. */
export function changeNote(keys: readonly SettableKey[], reason: string): string {
  return `${keys.map((k) => (k === 'fields' ? '附加列' : field(k).title.zh)).join('、')}调整：${reason.trim()}`;
}

/** The id a new task gets: one more than the highest. */
export function nextId(plan: Pick<Plan, 'tasks'>): number {
  return plan.tasks.reduce((max, t) => Math.max(max, t.id), 0) + 1;
}

/** Names from repeated options, each of which may hold several joined by 、 or commas, trimmed, without repeats. */
export function splitNames(values: readonly string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  return [...new Set(values.flatMap((v) => v.split(/[、,，]/)).map((v) => v.trim()).filter(Boolean))];
}
