import { m } from '../messages.js';
import type { Summary } from '../plan/summary.js';
import type { Grid } from './grid.js';
import type { Paint } from './style.js';
import { progressBar, summaryGrids } from './summary-grids.js';
import { renderTable } from './table.js';
import { displayWidth, escapeControls, padDisplay } from './terminal.js';

// Columns of the tally tables (summaryGrids): label, tasks, done, overdue, progress.
const [DONE_COLUMN, OVERDUE_COLUMN, PROGRESS_COLUMN] = [2, 3, 4];

/** The summary for the terminal: the figures, then boxed tables; colour only through `style`. */
export async function renderSummaryText(s: Summary, opts: { style: Paint; maxWidth?: number }): Promise<string> {
  const { style } = opts;
  const g = summaryGrids(s, progressBar);
  const greenBar = (text: string) => text.replace(/█+/, (bar) => style.green(bar));
  const greenIfAny = (text: string) => (text === '0' ? text : style.green(text));
  const redIfAny = (text: string) => (text === '0' ? text : style.red(text));
  const table = (grid: Grid, paint?: (row: number, col: number, text: string) => string) =>
    renderTable(grid, { style, ...(opts.maxWidth && { maxWidth: opts.maxWidth }), ...(paint && { paint }) });
  const tallyPaint = { [DONE_COLUMN]: greenIfAny, [OVERDUE_COLUMN]: redIfAny, [PROGRESS_COLUMN]: greenBar } as Record<number, (s: string) => string>;
  const tallies = (grid: Grid) => table(grid, (_r, c, text) => tallyPaint[c]?.(text) ?? text);
  const section = (heading: string, body: string) => `\n${style.bold(heading)}\n${body}`;
  const listed = async (heading: string, grid: Grid, none: string) =>
    section(m.summary.count(heading, grid.rows.length), grid.rows.length ? await table(grid) : `${none}\n`);

  const labels = g.figures.columns;
  const width = Math.max(...labels.map(displayWidth)) + 2;
  // Done green, overdue red, the bar green (the last figure); the others as they are.
  const paintFigure = (i: number, value: string) => (i === 1 ? greenIfAny(value) : i === 2 ? redIfAny(value) : i === labels.length - 1 ? greenBar(value) : value);
  const figures = g.figures.rows[0]!.map((value, i) => `${padDisplay(labels[i]!, width)}${paintFigure(i, value)}\n`).join('');

  return [
    `${style.bold(escapeControls(m.summary.heading(s.title)))}\n${m.summary.asOf(s.asOf)}\n\n${figures}`,
    section(m.summary.byPeriod, await tallies(g.byPeriod)),
    section(m.summary.byDepartment, await tallies(g.byDepartment)),
    await listed(m.summary.overdueTasks, g.overdue, m.summary.noOverdue),
    await listed(m.summary.completions, g.completions, m.summary.noCompletions),
    ...(s.cancelled ? [await listed(m.summary.cancellations, g.cancellations, '')] : []),
  ].join('');
}
