import { m } from '../messages.js';
import type { TaskView } from '../plan/view.js';
import type { Grid } from './grid.js';

/** What a row of a task grid shows of a task; its status, with `withStatus`. */
type TaskRow = Pick<TaskView, 'id' | 'period' | 'content' | 'departments'> & Partial<Pick<TaskView, 'status'>>;

/** Tasks as a grid: 序号 / 计划时间 / 内容 / 负责部门 (+ 状态). */
export function taskGrid(tasks: readonly TaskRow[], opts: { title?: string; withStatus?: boolean; mergePeriods?: boolean } = {}): Grid {
  const c = m.columns;
  const columns = [c.id, c.period, c.content, c.departments, ...(opts.withStatus ? [c.status] : [])];
  // Tasks share their departments lists where they can (a big plan's cache): each joined once.
  const joined = new Map<readonly string[], string>();
  const departments = (list: readonly string[]) => joined.get(list) ?? joined.set(list, list.join(m.departmentSeparator)).get(list)!;
  const rows = tasks.map((t) => {
    const row = [String(t.id), t.period, t.content, departments(t.departments)];
    // Pushed, not spread: spreading made an iterator and two arrays more for every row.
    if (opts.withStatus) row.push(m.status[t.status!]);
    return row;
  });
  return {
    ...(opts.title !== undefined && { title: opts.title }),
    columns,
    rows,
    rightAligned: [0],
    ...(opts.mergePeriods && { mergeColumn: 1 }),
  };
}

/** The status column's index in a taskGrid with status. */
export const STATUS_COLUMN = 4;
