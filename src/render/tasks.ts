import { m } from '../messages.js';
import type { TaskView } from '../plan/view.js';
import type { Grid } from './grid.js';

/** Tasks as a grid: 序号 / 计划时间 / 内容 / 负责部门 (+ 状态). */
export function taskGrid(tasks: readonly TaskView[], opts: { title?: string; withStatus?: boolean; mergePeriods?: boolean } = {}): Grid {
  const c = m.columns;
  const columns = [c.id, c.period, c.content, c.departments, ...(opts.withStatus ? [c.status] : [])];
  const rows = tasks.map((t) => [
    String(t.id),
    t.period,
    t.content,
    t.departments.join(m.departmentSeparator),
    ...(opts.withStatus ? [m.status[t.status]] : []),
  ]);
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
