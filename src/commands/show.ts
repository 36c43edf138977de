import type { Context, Output } from '../context.js';
import { m } from '../messages.js';
import { viewTask, type TaskView } from '../plan/view.js';
import { taskJson, toJson } from '../render/json.js';
import { paintFor, paintStatus } from '../render/style.js';
import { displayWidth, escapeControls, padDisplay } from '../render/terminal.js';
import { openIndex, taskIndexes } from './common.js';

export const SHOW_FORMATS = ['text', 'json'] as const;
export type ShowFormat = (typeof SHOW_FORMATS)[number];

export async function show(id: number, opts: { format: ShowFormat }, ctx: Context): Promise<Output> {
  const { file, index } = await openIndex(ctx);
  const [i] = taskIndexes(file, index, [id]);
  const task = viewTask(index.task(i!), index.year, ctx.asOf);
  if (opts.format === 'json') return { stdout: toJson(taskJson(task)) };
  const style = await paintFor(ctx);
  return { stdout: showText(task, (s) => paintStatus(s, style), style.bold) };
}

/** One task in full, as labelled lines; user text has its control characters escaped. */
export function showText(t: TaskView, paint: (s: TaskView['status']) => string, bold: (s: string) => string = (s) => s): string {
  const c = m.columns;
  const e = escapeControls;
  const rows: [string, string][] = [
    [c.period, `${t.period} (${t.start} – ${t.end})`],
    [c.content, e(t.content)],
    [c.departments, e(t.departments.join(m.departmentSeparator))],
    [c.status, paint(t.status) + (t.completed ? ` ${completionText(t.completed)}` : '')],
  ];
  if (t.log.length) rows.push([m.show.log, t.log.map((l) => `${l.date} ${e(l.note)}`).join('\n')]);
  const width = Math.max(...rows.map(([label]) => displayWidth(label))) + 2;
  const indent = ' '.repeat(width);
  const lines = rows.map(([label, value]) => padDisplay(label, width) + value.split('\n').join(`\n${indent}`));
  return `${bold(`${m.show.task} ${t.id}`)}\n${lines.join('\n')}\n`;
}

function completionText(done: NonNullable<TaskView['completed']>): string {
  const by = done.by ? m.show.completedBy(escapeControls(done.by)) : '';
  const note = done.note ? `: ${escapeControls(done.note)}` : '';
  return `${done.date}${by}${note}`;
}
