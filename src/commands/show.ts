import type { ShowFormat } from '../formats.js';
import type { Context, Output } from '../context.js';
import { m } from '../messages.js';
import { cellOf, TASK_FIELDS } from '../plan/fields.js';
import { viewTask, type TaskView } from '../plan/view.js';
import { taskJson, toJson } from '../render/json.js';
import { paintFor, paintStatus } from '../render/style.js';
import { columnTitle } from '../render/tasks.js';
import { displayWidth, escapeControls, padDisplay } from '../render/terminal.js';
import { openPlan, taskIndexes } from './common.js';


export async function show(id: number, opts: { format: ShowFormat }, ctx: Context): Promise<Output> {
  const { file, plan } = await openPlan(ctx);
  const [i] = taskIndexes(file, plan, [id]);
  const task = viewTask(plan.tasks[i!]!, plan.year, ctx.asOf);
  if (opts.format === 'json') return { stdout: toJson(taskJson(task)) };
  const style = await paintFor(ctx);
  return { stdout: showText(task, (s) => paintStatus(s, style), style.bold) };
}

/**
 * One task in full, as labelled lines: each key it has (the time as written, with its meaning),
 * its extra fields by title, status, cancellation and log; user text has its control characters
 * escaped.
 */
export function showText(t: TaskView, paint: (s: TaskView['status']) => string, bold: (s: string) => string = (s) => s): string {
  const e = escapeControls;
  const rows: [string, string][] = [];
  for (const f of TASK_FIELDS) {
    if (f.key === 'id') continue;
    const text = cellOf(t, { title: '', key: f.key });
    if (!text) continue;
    // A time shows as written, then what it means when that reads otherwise.
    const meaning = f.key === 'period' || (f.key === 'due' && t.written.period === undefined) ? timeMeaning(t, text) : '';
    rows.push([columnTitle(f.key), e(text) + meaning]);
  }
  for (const [title, text] of Object.entries(t.fields)) rows.push([e(title), e(text)]);
  rows.push([m.columns.status, paint(t.status) + (t.completed ? ` ${completionText(t.completed)}` : '')]);
  if (t.cancelled) rows.push([m.show.cancelled, `${t.cancelled.date}${t.cancelled.reason ? `: ${e(t.cancelled.reason)}` : ''}`]);
  if (t.log.length) rows.push([m.show.log, t.log.map((l) => `${l.date} ${e(l.note)}`).join('\n')]);
  const width = Math.max(...rows.map(([label]) => displayWidth(label))) + 2;
  const indent = ' '.repeat(width);
  const lines = rows.map(([label, value]) => padDisplay(label, width) + value.split('\n').join(`\n${indent}`));
  return `${bold(`${m.show.task} ${t.id}`)}\n${lines.join('\n')}\n`;
}

/** ` = 3-4月 (2023-03-01 – 2023-04-30)`, the label only when the text differs from it. */
function timeMeaning(t: TaskView, written: string): string {
  return `${written === t.period ? '' : ` = ${t.period}`} (${t.start} – ${t.end})`;
}

function completionText(done: NonNullable<TaskView['completed']>): string {
  const by = done.by ? m.show.completedBy(escapeControls(done.by)) : '';
  const note = done.note ? `: ${escapeControls(done.note)}` : '';
  return `${done.date}${by}${note}`;
}
