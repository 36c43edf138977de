import { m } from '../messages.js';
import type { Summary } from '../plan/summary.js';
import type { Grid } from './grid.js';
import { markdownCell, renderMarkdown } from './markdown.js';
import { progressBar, summaryGrids } from './summary-grids.js';

/** Tables with more rows than this are folded into a <details> block. */
const FOLD_OVER = 10;

/**
 * The summary as GitHub-flavoured markdown for a job summary or an issue: headings from `###`
 * down (it sits inside a page), tables, unicode progress bars, long tables folded.
 */
export function renderSummaryMarkdown(s: Summary): string {
  const g = summaryGrids(s, progressBar);
  const section = (heading: string, grid: Grid, none?: string) => {
    const table = renderMarkdown(grid);
    const body =
      none !== undefined && grid.rows.length === 0
        ? `${none}\n`
        : grid.rows.length > FOLD_OVER
          ? `<details><summary>${m.summary.showAll(grid.rows.length)}</summary>\n\n${table}\n</details>\n`
          : table;
    return `\n#### ${markdownCell(heading)}\n\n${body}`;
  };
  return [
    `### ${markdownCell(m.summary.heading(s.title))}\n\n${m.summary.asOf(s.asOf)}\n\n${renderMarkdown(g.figures)}`,
    section(m.summary.byPeriod, g.byPeriod),
    section(m.summary.byDepartment, g.byDepartment),
    section(m.summary.count(m.summary.overdueTasks, s.overdueTasks.length), g.overdue, m.summary.noOverdue),
    section(m.summary.count(m.summary.completions, s.completions.length), g.completions, m.summary.noCompletions),
    ...(s.cancelled ? [section(m.summary.count(m.summary.cancellations, s.cancelled), g.cancellations)] : []),
  ].join('');
}
