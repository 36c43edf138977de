import type { Summary } from '../plan/summary.js';

/** The documented JSON shape of the summary (SPEC "JSON shapes", with schema 2's `cancelled`), keys in that order; stable for scripts. */
export function summaryJson(s: Summary) {
  return {
    year: s.year,
    title: s.title,
    asOf: s.asOf,
    total: s.total,
    done: s.done,
    overdue: s.overdue,
    current: s.current,
    upcoming: s.upcoming,
    cancelled: s.cancelled,
    completionRate: s.completionRate,
    byPeriod: s.byPeriod.map((t) => ({ period: t.period, total: t.total, done: t.done, overdue: t.overdue })),
    byDepartment: s.byDepartment.map((t) => ({ department: t.department, total: t.total, done: t.done, overdue: t.overdue })),
    overdueTasks: s.overdueTasks.map((t) => ({ id: t.id, period: t.period, content: t.content, departments: [...t.departments] })),
  };
}
