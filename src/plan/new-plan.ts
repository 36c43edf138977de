import { migratedPlan } from './migrate.js';
import { parsePeriod } from './period.js';
import { isTime, parseTime } from './time.js';
import type { Plan, Task } from './types.js';

/** A task as the tool writes a new one: without completion, cancellation or log. */
export type NewTask = Omit<Task, 'completed' | 'cancelled' | 'log'>;

/** A plan as the tool writes a new one: tasks without records. */
export type NewPlan = Omit<Plan, 'tasks'> & { tasks: NewTask[] };

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
 * Last year's plan carried over to `year`: header, registry, columns, narrative and tasks with
 * every key but their records (completion, cancellation, log), without the dates it was issued
 * and printed. Schema 1 periods become canonical; a schema 2 time keeps its text unless it names
 * the old year, when it becomes its canonical label. The old year, where it stands as a 4-digit
 * number in the title, annex title, document number or covering notice, becomes the new one; the
 * narrative is copied as it is, a draft to rewrite, since its years may be facts rather than the
 * plan's own year. A schema 1 plan carries over as schema 2 (as `plan migrate` would make it), whose
 * narrative numbers are keyed `label`: schema 1's key `no` is a boolean to YAML 1.1 readers.
 */
export function rolloverPlan(old: Plan, year: number): NewPlan {
  const retitle = (s: string) => s.replace(new RegExp(`(?<!\\d)${old.year}(?!\\d)`, 'g'), String(year));
  const { issued: _issued, printed: _printed, tasks, notice, ...rest } = old;
  const time = (text: string | undefined, role: 'period' | 'due') => {
    if (text === undefined) return undefined;
    if (old.schemaVersion === 1) return parsePeriod(text)?.label ?? text;
    if (!/\d{4}/.test(text)) return text;
    const t = parseTime(text, old.year, role);
    return isTime(t) ? t.label : text;
  };
  const plan: NewPlan = {
    ...rest,
    year,
    title: retitle(old.title),
    ...(notice !== undefined && { notice: Object.fromEntries(Object.entries(notice).map(([k, v]) => [k, retitle(v)])) }),
    tasks: tasks.map(({ completed: _c, cancelled: _x, log: _l, period, due, ...task }) => {
      const p = time(period, 'period');
      const d = time(due, 'due');
      return { ...task, ...(p !== undefined && { period: p }), ...(d !== undefined && { due: d }) };
    }),
  };
  if (old.annexTitle !== undefined) plan.annexTitle = retitle(old.annexTitle);
  if (old.docNumber !== undefined) plan.docNumber = retitle(old.docNumber);
  return old.schemaVersion === 1 ? migratedPlan(plan) : plan;
}
