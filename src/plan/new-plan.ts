import { parsePeriod } from './period.js';
import type { Plan, Task } from './types.js';

/** A plan as the tool writes a new one: tasks without completion records or logs. */
export type NewPlan = Omit<Plan, 'tasks'> & { tasks: Pick<Task, 'id' | 'period' | 'content' | 'departments'>[] };

// The skeleton is plan content, not interface text: like the period labels, it is in the
// language the plan documents are written in, whatever --lang says.
const SKELETON_DEPARTMENT = '办公室';
const SKELETON_TASK = '示例任务：请改为实际工作内容';

/** A new plan that validates: a title, one example department and one example task to replace. */
export function skeletonPlan(year: number): NewPlan {
  return {
    schemaVersion: 1,
    year,
    title: `${year}年工作计划`,
    annexTitle: `${year}年主要工作计划表`,
    departments: [SKELETON_DEPARTMENT],
    tasks: [{ id: 1, period: '全年', content: SKELETON_TASK, departments: [SKELETON_DEPARTMENT] }],
  };
}

/**
 * Last year's plan carried over to `year`: header, registry, narrative and tasks (periods
 * canonical), without completion records and logs, and without the dates it was issued and
 * printed. The old year, where it stands as a 4-digit number in the title, annex title,
 * document number or covering notice, becomes the new one; the narrative is copied as it is,
 * a draft to rewrite, since its years may be facts rather than the plan's own year.
 */
export function rolloverPlan(old: Plan, year: number): NewPlan {
  const retitle = (s: string) => s.replace(new RegExp(`(?<!\\d)${old.year}(?!\\d)`, 'g'), String(year));
  const { issued: _issued, printed: _printed, tasks, notice, ...rest } = old;
  const plan: NewPlan = {
    ...rest,
    year,
    title: retitle(old.title),
    ...(notice !== undefined && { notice: Object.fromEntries(Object.entries(notice).map(([k, v]) => [k, retitle(v)])) }),
    tasks: tasks.map((t) => ({ id: t.id, period: parsePeriod(t.period)?.label ?? t.period, content: t.content, departments: [...t.departments] })),
  };
  if (old.annexTitle !== undefined) plan.annexTitle = retitle(old.annexTitle);
  if (old.docNumber !== undefined) plan.docNumber = retitle(old.docNumber);
  return plan;
}
