import type { Context, Output } from '../context.js';
import { cellOf, planColumns } from '../plan/fields.js';
import type { Plan } from '../plan/types.js';
import { viewTasks, type TaskView } from '../plan/view.js';
import { toJson } from '../render/json.js';
import { FILE_GRID_FORMATS, type FileGridFormat, type RenderFormat } from '../formats.js';
import { renderGrid, renderGridFile } from '../render/output.js';
import { annexGrid } from '../render/tasks.js';
import { openPlan } from './common.js';
import { writeOutput } from './write-output.js';


export interface RenderOptions {
  format: RenderFormat;
  withStatus: boolean;
  output?: string;
}

/** The annex table's title: the plan's annexTitle, else its title. */
export function annexTitle(plan: Plan): string {
  return plan.annexTitle ?? plan.title;
}

/**
 * The annex as JSON: title, year, the columns, and one row per task with its keys and its cells
 * in column order (status only with --with-status).
 */
export function annexJson(plan: Plan, tasks: readonly TaskView[], withStatus: boolean) {
  const columns = planColumns(plan);
  return {
    title: annexTitle(plan),
    year: plan.year,
    columns: columns.map((c) => ({ title: c.title, ...(c.key && { key: c.key }) })),
    rows: tasks.map((t) => ({
      id: t.id,
      period: t.period,
      content: t.content,
      departments: [...t.departments],
      support: [...t.support],
      owners: [...t.owners],
      group: t.group,
      fields: { ...t.fields },
      cells: columns.map((c) => cellOf(t, c)),
      ...(withStatus && { status: t.status }),
    })),
  };
}

export async function render(opts: RenderOptions, ctx: Context): Promise<Output> {
  const { plan } = await openPlan(ctx);
  const tasks = viewTasks(plan, ctx.asOf);
  if (isFileFormat(opts.format)) {
    const grid = annexGrid(plan, tasks, { title: annexTitle(plan), withStatus: opts.withStatus });
    return writeOutput(await renderGridFile(grid, opts.format), opts.output, opts.format, { stdoutIsTTY: ctx.stdoutIsTTY });
  }
  const text =
    opts.format === 'json'
      ? toJson(annexJson(plan, tasks, opts.withStatus))
      : await renderGrid(
          annexGrid(plan, tasks, { title: annexTitle(plan), withStatus: opts.withStatus }),
          opts.format,
          { ...ctx, ...(opts.output !== undefined && { stdoutIsTTY: false }) },
          tasks,
          { ruled: true },
        );
  return writeOutput(text, opts.output, opts.format);
}

const isFileFormat = (format: RenderFormat): format is FileGridFormat => (FILE_GRID_FORMATS as readonly string[]).includes(format);
