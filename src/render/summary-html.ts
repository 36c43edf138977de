import { m } from '../messages.js';
import type { Summary } from '../plan/summary.js';
import type { Grid } from './grid.js';
import { escapeHtml, htmlPage, htmlTable } from './html.js';
import { TITLE } from './print-css.js';
import { labelledTallies, percentText, summaryGrids, type LabelledTally } from './summary-grids.js';
import { displayWidth } from './terminal.js';

const CSS = `
h1 { font-family: ${TITLE}; font-size: 1.5rem; margin-bottom: .25rem; text-align: center; }
.as-of { text-align: center; }
h2 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; }
.as-of { color: #555; margin-top: 0; }
figure { margin: .5rem 0 1rem; }
svg { display: block; max-width: 100%; height: auto; font-size: 13px; }
svg text { fill: #222; }
svg .done { fill: #2e7d32; }
svg .overdue { fill: #c62828; }
svg .rest { fill: #d6d6d6; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; }
  figure, tr { break-inside: avoid; }
}
`;

/** The summary as one self-contained, printable HTML page with a bar chart by period and one by department. */
export function renderSummaryHtml(s: Summary, lang: string): string {
  const g = summaryGrids(s, percentText);
  const groups = labelledTallies(s);
  const heading = m.summary.heading(s.title);
  const section = (title: string, content: string) => `<section>\n<h2>${escapeHtml(title)}</h2>\n${content}\n</section>`;
  const charted = (title: string, id: string, tallies: LabelledTally[], grid: Grid) => section(title, barChart(id, title, tallies) + htmlTable(grid));
  const listed = (title: string, grid: Grid, none: string) =>
    section(m.summary.count(title, grid.rows.length), grid.rows.length ? htmlTable(grid) : `<p>${escapeHtml(none)}</p>`);
  const body = [
    `<h1>${escapeHtml(heading)}</h1>\n<p class="as-of">${escapeHtml(m.summary.asOf(s.asOf))}</p>`,
    htmlTable(g.figures),
    charted(m.summary.byPeriod, 'chart-period', groups.byPeriod, g.byPeriod),
    charted(m.summary.byDepartment, 'chart-department', groups.byDepartment, g.byDepartment),
    listed(m.summary.overdueTasks, g.overdue, m.summary.noOverdue),
    listed(m.summary.completions, g.completions, m.summary.noCompletions),
    ...(s.cancelled ? [listed(m.summary.cancellations, g.cancellations, '')] : []),
    listed(m.summary.progress, g.progress, m.summary.noProgress),
  ].join('\n');
  return htmlPage({ lang, title: heading, body, css: CSS });
}

const ROW = 26;
const BAR = 16;
const PLOT = 420;
const COUNT = 64;
const COLUMN_PX = 7; // one terminal column (half a CJK character) at 13px
const MAX_LABEL_COLUMNS = 24;

/**
 * A horizontal bar chart, one stacked bar per group: done, overdue, the rest; bar lengths are
 * to scale with the largest group. Labels longer than the label column are cut with `…`.
 */
export function barChart(id: string, caption: string, groups: readonly LabelledTally[]): string {
  const labels = groups.map((t) => clip(t.label, MAX_LABEL_COLUMNS));
  const labelWidth = Math.max(60, ...labels.map((l) => displayWidth(l) * COLUMN_PX)) + 12;
  const scale = PLOT / Math.max(1, ...groups.map((t) => t.total));
  const width = labelWidth + PLOT + COUNT;
  const height = ROW * (groups.length + 1) + 8;
  const px = (n: number) => Math.round(n * 10) / 10;
  const f = m.summary.figures;
  const legend = (
    [
      ['done', f.done],
      ['overdue', f.overdue],
      ['rest', m.summary.rest],
    ] as const
  )
    .map(([cls, text], i) => {
      const x = labelWidth + i * 110;
      return `<rect class="${cls}" x="${x}" y="4" width="12" height="12"/><text x="${x + 18}" y="15">${escapeHtml(text)}</text>`;
    })
    .join('');
  const rows = groups.map((t, i) => {
    const y = ROW * (i + 1) + 4;
    const rest = t.total - t.done - t.overdue;
    const segments: [string, number][] = [
      ['done', t.done],
      ['overdue', t.overdue],
      ['rest', rest],
    ];
    let x = labelWidth;
    const rects = segments.map(([cls, n]) => {
      const rect = n > 0 ? `<rect class="${cls}" x="${px(x)}" y="${y}" width="${px(n * scale)}" height="${BAR}"/>` : '';
      x += n * scale;
      return rect;
    });
    const tip = m.summary.chartBar(t.label, t.done, t.overdue, rest);
    return (
      `<g><title>${escapeHtml(tip)}</title>` +
      `<text x="${labelWidth - 8}" y="${y + 12}" text-anchor="end">${escapeHtml(labels[i]!)}</text>` +
      rects.join('') +
      `<text x="${px(x) + 6}" y="${y + 12}">${t.done}/${t.total}</text></g>`
    );
  });
  return (
    `<figure>\n<svg role="img" aria-labelledby="${id}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<title id="${id}">${escapeHtml(m.summary.chart(caption))}</title>\n${legend}\n${rows.join('\n')}\n</svg>\n</figure>\n`
  );
}

/** `text` cut to at most `columns` terminal columns, with `…` when cut. */
function clip(text: string, columns: number): string {
  if (displayWidth(text) <= columns) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > columns - 1) break;
    out += ch;
  }
  return `${out}…`;
}
