import type { ExportFormat } from '../formats.js';
import { createHash } from 'node:crypto';
import { addDays, format, parseISO } from 'date-fns';
import type { Context, Output } from '../context.js';
import { m } from '../messages.js';
import type { Plan } from '../plan/types.js';
import { viewTasks, type TaskView } from '../plan/view.js';
import { renderIcs, type IcsCalendar } from '../render/ics.js';
import { openPlan } from './common.js';
import { writeOutput } from './write-output.js';
import pkg from '../../package.json';


export interface ExportOptions {
  format: ExportFormat;
  output?: string;
}

export async function exportPlan(opts: ExportOptions, ctx: Context): Promise<Output> {
  const { plan } = await openPlan(ctx);
  return writeOutput(renderIcs(planCalendar(plan, viewTasks(plan, ctx.asOf), ctx.asOf)), opts.output, opts.format);
}

/**
 * The plan as a calendar: an all-day event per task over its period, with departments and
 * status as of `asOf` in the description. Output depends only on the plan and `asOf`: UIDs
 * from the year, the task id and a hash of the title (so two plans of a year do not collide,
 * and a re-import updates rather than duplicates), DTSTAMP from the as-of date.
 */
export function planCalendar(plan: Plan, tasks: readonly TaskView[], asOf: string): IcsCalendar {
  const hash = createHash('sha256').update(plan.title).digest('hex').slice(0, 12);
  const day = (d: string) => d.replace(/-/g, '');
  return {
    prodId: `-//plan//plan ${pkg.version}//ZH`,
    name: plan.title,
    stamp: `${day(asOf)}T000000Z`,
    events: tasks.map((t) => ({
      uid: `${plan.year}-${t.id}-${hash}@plan`,
      start: day(t.start),
      end: format(addDays(parseISO(t.end), 1), 'yyyyMMdd'),
      summary: t.content,
      description: [
        m.ics.period(t.period, t.start, t.end),
        ...(t.departments.length ? [m.ics.departments(t.departments.join(m.departmentSeparator))] : []),
        ...(t.support.length ? [m.ics.support(t.support.join(m.departmentSeparator))] : []),
        ...(t.owners.length ? [m.ics.owners(t.owners.join(m.departmentSeparator))] : []),
        ...Object.entries(t.fields).map(([title, text]) => `${title}：${text}`),
        m.ics.status(m.status[t.status], asOf),
        ...(t.completed ? [m.ics.completed(t.completed.date)] : []),
        ...(t.cancelled ? [m.ics.cancelled(t.cancelled.date, t.cancelled.reason)] : []),
      ].join('\n'),
      categories: [...t.departments, ...(t.group === null ? [] : [t.group])],
    })),
  };
}
