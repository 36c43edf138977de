import { m } from '../messages.js';
import { cellOf, field, planColumns } from '../plan/fields.js';
import type { Column, ColumnKey, Plan } from '../plan/types.js';
import type { TaskView } from '../plan/view.js';
import type { Category, Grid } from './grid.js';

/** A column key's title in the user's language. */
export function columnTitle(key: ColumnKey): string {
  return field(key).title[m.lang];
}

/** The time keys and the category: the columns whose consecutive equal cells merge. */
const MERGED: readonly (ColumnKey | undefined)[] = ['period', 'due', 'group'];

/**
 * The annex as a grid: the plan's own columns in order (without `columns`, the four of schema 1,
 * titled in the user's language), consecutive equal times and categories merged, and a category
 * row wherever the category changes when the category is not a column; with `withStatus`, a
 * status column last.
 */
export function annexGrid(plan: Pick<Plan, 'schemaVersion' | 'columns'>, tasks: readonly TaskView[], opts: { title?: string; withStatus?: boolean } = {}): Grid {
  const columns = planColumns(plan);
  // Schema 1 shows periods in canonical form, as it always has; schema 2 as the office wrote them.
  const canonical = plan.schemaVersion === 1;
  const titles = columns.map((c) => (plan.columns ? c.title : columnTitle(c.key!)));
  const showsGroup = columns.some((c) => c.key === 'group');
  return grid(columns, titles, tasks, canonical, {
    ...opts,
    mergeColumns: columns.flatMap((c, i) => (MERGED.includes(c.key) ? [i] : [])),
    ...(!showsGroup && { categories: categoryRows(tasks) }),
  });
}

/**
 * Tasks as `list` shows them: 序号 / 计划时间 (canonical) / 内容 / 负责部门, then 配合单位 and
 * 责任人 when any listed task has them, then 状态.
 */
export function listGrid(tasks: readonly TaskView[], opts: { title?: string; withStatus?: boolean } = { withStatus: true }): Grid {
  const keys: ColumnKey[] = ['id', 'period', 'content', 'departments'];
  if (tasks.some((t) => t.support.length)) keys.push('support');
  if (tasks.some((t) => t.owners.length)) keys.push('owners');
  const columns: Column[] = keys.map((key) => ({ title: columnTitle(key), key }));
  return grid(columns, columns.map((c) => c.title), tasks, true, opts);
}

function grid(columns: readonly Column[], titles: string[], tasks: readonly TaskView[], canonical: boolean, opts: { title?: string; withStatus?: boolean; mergeColumns?: number[]; categories?: Category[] }): Grid {
  // The list and annex cells of a time column show the task's time: its period, else its due.
  const rows = tasks.map((t) => {
    const row = columns.map((c) => (canonical && c.key === 'period' ? t.period : cellOf(t, c)));
    // Pushed, not spread: spreading made an iterator and two arrays more for every row.
    if (opts.withStatus) row.push(m.status[t.status]);
    return row;
  });
  return {
    ...(opts.title !== undefined && { title: opts.title }),
    columns: opts.withStatus ? [...titles, m.columns.status] : titles,
    rows,
    rightAligned: columns.flatMap((c, i) => (c.key === 'id' ? [i] : [])),
    ...(opts.mergeColumns?.length && { mergeColumns: opts.mergeColumns }),
    ...(opts.categories?.length && { categories: opts.categories }),
    ...(opts.withStatus && { statusColumn: columns.length }),
  };
}

/** A category row before each run of tasks of one category. */
function categoryRows(tasks: readonly TaskView[]): Category[] {
  const out: Category[] = [];
  tasks.forEach((t, i) => {
    if (t.group !== null && (i === 0 || tasks[i - 1]!.group !== t.group)) out.push({ before: i, title: t.group });
  });
  return out;
}
