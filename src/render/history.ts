import { m } from '../messages.js';
import type { Change, HistoryEntry, Value } from '../plan/history.js';
import type { Grid } from './grid.js';
import { markdownCell, renderMarkdown } from './markdown.js';
import type { Paint } from './style.js';
import { escapeControls } from './terminal.js';

/** A history to show: its heading, and whether it is one task's (no task column then). */
export interface HistoryView {
  heading: string;
  entries: readonly HistoryEntry[];
  task?: number;
}

/** The documented JSON of a history (docs/commands.md "plan history"): oldest first, commit null for uncommitted changes. */
export function historyJson(file: string, v: HistoryView) {
  return {
    file,
    task: v.task ?? null,
    entries: v.entries.map((e) => ({
      commit: e.commit?.hash ?? null,
      date: e.commit?.date ?? null,
      author: e.commit?.author ?? null,
      email: e.commit?.email ?? null,
      subject: e.commit?.subject ?? null,
      task: e.id ?? null,
      change: e.change,
    })),
  };
}

/** The entries as rows: date and time in the author's own offset, author, short hash, [task,] what changed. */
export function historyGrid(v: HistoryView): Grid {
  const c = m.history.columns;
  const columns = [c.date, c.author, c.commit, ...(v.task === undefined ? [c.task] : []), c.change];
  const rows = v.entries.map((e) => [
    e.commit ? e.commit.date.slice(0, 16).replace('T', ' ') : m.history.uncommitted,
    e.commit?.author ?? '',
    e.commit?.hash.slice(0, 7) ?? '',
    ...(v.task === undefined ? [e.id === undefined ? '' : String(e.id)] : []),
    describe(e.change),
  ]);
  return { columns, rows };
}

/** The history for the terminal: a heading, then a table (or the line saying there is nothing). */
export async function renderHistoryTable(v: HistoryView, opts: { style: Paint; maxWidth?: number }): Promise<string> {
  const heading = `${opts.style.bold(escapeControls(v.heading))}\n`;
  if (!v.entries.length) return `${heading}${m.history.empty}\n`;
  const { renderTable } = await import('./table.js');
  return `${heading}${await renderTable(historyGrid(v), { style: opts.style, ...(opts.maxWidth && { maxWidth: opts.maxWidth }) })}`;
}

/** The history as GitHub-flavoured markdown, for a job summary or an issue. */
export function renderHistoryMarkdown(v: HistoryView): string {
  const heading = `### ${markdownCell(v.heading)}\n\n`;
  return v.entries.length ? `${heading}${renderMarkdown(historyGrid(v))}` : `${heading}${markdownCell(m.history.empty)}\n`;
}

/** One change in words. */
export function describe(c: Change): string {
  const h = m.history;
  switch (c.kind) {
    case 'created':
      return h.created(c.tasks);
    case 'invalid':
      return h.invalid;
    case 'plan':
      return h.changed(h.planKeyName[c.key]!, value(c.from), value(c.to));
    case 'added':
      return h.added(c.content);
    case 'removed':
      return h.removed(c.content);
    case 'changed':
      return h.changed(c.field ?? h.keyName[c.key]!, value(c.from), value(c.to));
    case 'completed':
      return h.completed(c.date, c.by, c.note);
    case 'uncompleted':
      return h.uncompleted(c.date);
    case 'cancelled':
      return h.cancelled(c.date, c.reason);
    case 'uncancelled':
      return h.uncancelled(c.date);
    case 'logged':
      return h.logged(c.date, c.note);
    case 'unlogged':
      return h.unlogged(c.date, c.note);
  }
}

function value(v: Value): string {
  if (v === null) return m.history.none;
  return Array.isArray(v) ? m.list(v) : v;
}
