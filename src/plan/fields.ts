import type { TaskView } from './view.js';
import type { Column, ColumnKey, Plan } from './types.js';

/**
 * How a task key is held: `time` a time expression, `text` one string, `units` a list of
 * registry names (checked against the registry), `names` a list of free text.
 */
export type FieldKind = 'id' | 'time' | 'text' | 'units' | 'names';

/** One task key as every part of the tool sees it: its kind and its column titles. */
export interface TaskField {
  key: ColumnKey;
  kind: FieldKind;
  title: { zh: string; en: string };
}

/** The task keys a column can show, in the order `show` and the writer use. */
export const TASK_FIELDS: readonly TaskField[] = [
  { key: 'id', kind: 'id', title: { zh: '序号', en: 'No.' } },
  { key: 'period', kind: 'time', title: { zh: '计划时间', en: 'Period' } },
  { key: 'due', kind: 'time', title: { zh: '完成时限', en: 'Due' } },
  { key: 'content', kind: 'text', title: { zh: '内容', en: 'Content' } },
  { key: 'departments', kind: 'units', title: { zh: '负责部门', en: 'Departments' } },
  { key: 'support', kind: 'units', title: { zh: '配合单位', en: 'Support' } },
  { key: 'owners', kind: 'names', title: { zh: '责任人', en: 'Owners' } },
  { key: 'group', kind: 'text', title: { zh: '类别', en: 'Group' } },
];

const BY_KEY = new Map(TASK_FIELDS.map((f) => [f.key, f]));

/** The field of a column key. */
export function field(key: ColumnKey): TaskField {
  return BY_KEY.get(key)!;
}

/** The fields whose values are lists of registry units (the registry check iterates them). */
export const UNIT_FIELDS = TASK_FIELDS.filter((f) => f.kind === 'units').map((f) => f.key as 'departments' | 'support');
/** The fields holding a time expression. */
export const TIME_FIELDS = TASK_FIELDS.filter((f) => f.kind === 'time').map((f) => f.key as 'period' | 'due');

/** The annex columns of a plan without `columns`: schema 1's four. */
export const DEFAULT_COLUMNS: readonly Column[] = (['id', 'period', 'content', 'departments'] as const).map((key) => ({ title: field(key).title.zh, key }));

/** The plan's annex columns, in order. */
export function planColumns(plan: Pick<Plan, 'columns'>): readonly Column[] {
  return plan.columns ?? DEFAULT_COLUMNS;
}

/** What the separator between names in one cell is (the annex joins units with `、`). */
export const NAME_SEPARATOR = '、';

/** A task's cell in a column: times as written, lists joined with `、`, an extra field by its title. */
export function cellOf(t: TaskView, column: Column): string {
  if (!column.key) return Object.hasOwn(t.fields, column.title) ? t.fields[column.title]! : '';
  switch (column.key) {
    case 'id':
      return String(t.id);
    case 'period':
      return t.written.period ?? '';
    case 'due':
      return t.written.due ?? '';
    case 'content':
      return t.content;
    case 'group':
      return t.group ?? '';
    case 'departments':
    case 'support':
    case 'owners':
      return t[column.key].join(NAME_SEPARATOR);
  }
}
