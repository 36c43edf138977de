import { m } from '../messages.js';
import { isEmptyAgenda, type Agenda, type Occurrence } from '../plan/agenda.js';
import type { Status } from '../plan/types.js';
import type { TaskView } from '../plan/view.js';
import type { Grid } from './grid.js';
import { taskJson } from './json.js';
import { markdownCell, renderMarkdown } from './markdown.js';
import type { Paint } from './style.js';
import { listGrid } from './tasks.js';
import { escapeControls } from './terminal.js';

/** The documented JSON of an agenda (docs/commands.md "plan agenda"): each entry is a task's JSON plus what its section adds. */
export function agendaJson(a: Agenda) {
  const occurrence = (o: Occurrence) => ({ label: o.label, start: o.start, end: o.end });
  return {
    year: a.year,
    title: a.title,
    asOf: a.asOf,
    days: a.days,
    quietDays: a.quietDays,
    overdue: a.overdue.map((e) => ({ ...taskJson(e.task), ended: e.ended, daysOverdue: e.daysOverdue, occurrence: e.occurrence && occurrence(e.occurrence), missed: e.missed.map((o) => o.label) })),
    current: a.current.map((e) => ({ ...taskJson(e.task), until: e.until, daysLeft: e.daysLeft })),
    upcoming: a.upcoming.map((e) => ({ ...taskJson(e.task), starts: e.starts, daysUntil: e.daysUntil })),
    recurring: a.recurring.map((e) => ({ ...taskJson(e.task), occurrence: occurrence(e.occurrence), daysLeft: e.daysLeft })),
    ongoing: a.ongoing.map((e) => ({ ...taskJson(e.task), lastLog: e.lastLog, daysSinceLog: e.daysSinceLog })),
    ongoingLogged: a.ongoingLogged,
  };
}

/** A section of the agenda as a table: its heading, its rows, and the status its last column is coloured by. */
export interface AgendaSection {
  heading: string;
  grid: Grid;
  status: Status;
}

/** The sections that have entries, in order: overdue, current, upcoming, recurring, ongoing. */
export function agendaSections(a: Agenda): AgendaSection[] {
  const c = m.agenda.columns;
  const left = (n: number) => (n === 0 ? m.agenda.endsToday : m.agenda.days(n));
  const section = <E extends { task: TaskView }>(heading: string, status: Status, entries: readonly E[], titles: string[], cells: (e: E) => string[]): AgendaSection[] => {
    if (!entries.length) return [];
    const base = listGrid(entries.map((e) => e.task), {});
    const grid: Grid = { ...base, columns: [...base.columns, ...titles], rows: base.rows.map((row, i) => [...row, ...cells(entries[i]!)]) };
    return [{ heading: m.agenda.count(heading, entries.length), grid, status }];
  };
  return [
    ...section(m.agenda.overdue, 'overdue', a.overdue, [c.ended, c.overdue], (e) => [e.ended, m.agenda.overdueBy(e.daysOverdue, e.missed.map((o) => o.label))]),
    ...section(m.agenda.current, 'current', a.current, [c.until, c.daysLeft], (e) => [e.until, left(e.daysLeft)]),
    ...section(m.agenda.upcoming(a.days), 'upcoming', a.upcoming, [c.starts, c.daysUntil], (e) => [e.starts, m.agenda.inDays(e.daysUntil)]),
    ...section(m.agenda.recurring, 'current', a.recurring, [c.occurrence, c.until, c.daysLeft], (e) => [e.occurrence.label, e.occurrence.end, left(e.daysLeft)]),
    ...section(m.agenda.ongoing(a.quietDays), 'current', a.ongoing, [c.lastLog], (e) => [e.lastLog === null ? m.agenda.neverLogged : m.agenda.lastLog(e.lastLog, e.daysSinceLog!)]),
  ];
}

/** The agenda for the terminal: a heading, then a boxed table per section; the last column coloured by status, through `style` only. */
export async function renderAgendaTable(a: Agenda, opts: { style: Paint; maxWidth?: number }): Promise<string> {
  if (isEmptyAgenda(a)) return `${m.agenda.empty(a.asOf, a.days)}\n${logged(a)}`;
  const { renderTable, statusStyle } = await import('./table.js');
  const { style } = opts;
  const parts = [`${style.bold(escapeControls(m.agenda.heading(a.title)))}\n${m.agenda.asOf(a.asOf)}\n`];
  for (const s of agendaSections(a)) {
    const last = s.grid.columns.length - 1;
    const paint = statusStyle(s.status, style);
    const table = await renderTable(s.grid, { style, ...(opts.maxWidth && { maxWidth: opts.maxWidth }), paint: (_r, col, text) => (col === last ? paint(text) : text) });
    parts.push(`\n${style.bold(s.heading)}\n${table}`);
  }
  const note = logged(a);
  return parts.join('') + (note && `\n${note}`);
}

/**
 * The agenda as GitHub-flavoured markdown, to post from CI to a job summary or an issue: a `###`
 * heading with the plan's title and the as-of day, a `####` heading and a table per section.
 */
export function renderAgendaMarkdown(a: Agenda): string {
  const heading = `### ${markdownCell(m.agenda.heading(a.title))}\n\n`;
  const note = logged(a) && `\n${markdownCell(logged(a).trimEnd())}\n`;
  // The line saying nothing needs attention names the day itself.
  if (isEmptyAgenda(a)) return `${heading}${markdownCell(m.agenda.empty(a.asOf, a.days))}\n${note}`;
  const sections = agendaSections(a).map((s) => `\n#### ${markdownCell(s.heading)}\n\n${renderMarkdown(s.grid)}`);
  return `${heading}${markdownCell(m.agenda.asOf(a.asOf))}\n${sections.join('')}${note}`;
}

/** The line saying how many 全年/长期 tasks were left out as recently logged, or nothing. */
function logged(a: Agenda): string {
  return a.ongoingLogged ? `${m.agenda.ongoingLogged(a.ongoingLogged, a.quietDays)}\n` : '';
}
