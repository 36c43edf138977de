import { m } from '../messages.js';
import { rowSpans, rowsWithCategories, type Grid } from './grid.js';
import { pageRule, SANS, SERIF, TABLE_CSS, TITLE } from './print-css.js';
import { displayWidth } from './terminal.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in HTML content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const BASE_CSS = `
body { font-family: ${SERIF}; margin: 2rem auto; max-width: 60rem; color: #222; }
h1, h2, h3, th, caption, .annex-label { font-family: ${SANS}; font-weight: normal; }
caption, .annex-title { font-family: ${TITLE}; font-size: 1.5rem; margin-bottom: .75rem; }
.annex-label { font-size: 1.15rem; margin: 0 0 .5rem; }
.annex-title { text-align: center; margin-top: 0; }
${TABLE_CSS}
th, td { border: 1px solid #444; padding: .4rem .6rem; vertical-align: middle; }
th { background: #f2f2f2; }
td.num { text-align: right; }
td.merged { text-align: center; }
tr.category th { text-align: left; background: #fafafa; }
@media print { body { margin: 0; max-width: none; } th { background: none; } }
`;

/**
 * The page's Content-Security-Policy: nothing may load or run (no scripts, frames, fonts,
 * objects, connections; `default-src 'none'` covers them), only the inline style sheet and
 * data: images; no <base> to redirect relative links, no form to post anywhere.
 */
export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** A whole self-contained HTML page: inline CSS, and a Content-Security-Policy (first in <head>) that allows no scripts. */
export function htmlPage(opts: { lang: string; title: string; body: string; css?: string; landscape?: boolean }): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(opts.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title)}</title>
<style>${BASE_CSS}${pageRule({ landscape: opts.landscape ?? false })}${opts.css ?? ''}</style>
</head>
<body>
${opts.body}
</body>
</html>
`;
}

/** An HTML table with the grid's title as caption, merged cells as row-spans, category rows across the table. */
export function htmlTable(grid: Grid): string {
  const merged = grid.mergeColumns ?? [];
  const spans = new Map(merged.map((c) => [c, rowSpans(grid, c)]));
  const head = grid.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const rows = grid.rows.map((row, r) => {
    const cells = row.flatMap((text, c) => {
      const span = spans.get(c)?.[r];
      if (span === 0) return [];
      const rowspan = span !== undefined && span > 1 ? ` rowspan="${span}"` : '';
      const cls = span !== undefined ? ' class="merged"' : grid.rightAligned?.includes(c) ? ' class="num"' : '';
      return [`<td${rowspan}${cls}>${escapeHtml(text)}</td>`];
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  const category = (title: string) => `<tr class="category"><th colspan="${grid.columns.length}" scope="rowgroup">${escapeHtml(title)}</th></tr>`;
  const caption = grid.title ? `<caption>${escapeHtml(grid.title)}</caption>\n` : '';
  return `<table>\n${caption}${colgroup(grid)}\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rowsWithCategories(grid, rows, category).join('\n')}\n</tbody>\n</table>`;
}

/** An annex with more columns than this is printed on a landscape page. */
const PORTRAIT_COLUMNS = 4;

/** Whether the grid is printed on a landscape page. */
export function isWide(grid: Grid): boolean {
  return grid.columns.length > PORTRAIT_COLUMNS;
}

/** The annex as a 公文 annex: the `附件` label, the title centred, the table. */
export function annexHtml(grid: Grid): string {
  const { title, ...table } = grid;
  const heading = title ? `<h1 class="annex-title">${escapeHtml(title)}</h1>\n` : '';
  return `<section class="annex">\n<p class="annex-label">${escapeHtml(m.document.annex)}</p>\n${heading}${htmlTable(table)}\n</section>`;
}

/** The annex as a whole printable page (landscape when it has many columns). */
export function annexPage(grid: Grid, lang: string): string {
  return htmlPage({ lang, title: grid.title ?? '', body: annexHtml(grid), landscape: isWide(grid) });
}

// Column widths in em: a cell's padding and border, and where a short column stops and a long one is capped.
const PADDING_EM = 1.4;
const SHORT_EM = 7;
const LONG_EM = 11;

/**
 * Fixed column widths, so that the layout does not depend on the longest cell and a header
 * never wraps one character a line: a short column (序号, 时间, a status, a date) as wide as its
 * widest cell, the column with the longest text takes what is left, other long ones (units,
 * notes) are capped and wrap.
 */
export function columnWidths(grid: Grid): (number | undefined)[] {
  const em = (text: string) => Math.max(0, ...text.split('\n').map((line) => displayWidth(line) / 2));
  const header = grid.columns.map((c) => em(c) + PADDING_EM);
  const need = grid.columns.map((_, c) => Math.max(header[c]!, ...grid.rows.map((row) => em(row[c] ?? '') + PADDING_EM)));
  const widest = need.indexOf(Math.max(...need));
  return need.map((n, c) => (n <= SHORT_EM ? n : c === widest ? undefined : Math.max(header[c]!, Math.min(n, LONG_EM))));
}

function colgroup(grid: Grid): string {
  const cols = columnWidths(grid).map((w) => (w === undefined ? '<col>' : `<col style="width: ${Math.ceil(w * 10) / 10}em">`));
  return `<colgroup>${cols.join('')}</colgroup>`;
}
