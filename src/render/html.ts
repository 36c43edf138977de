import { rowSpans, rowsWithCategories, type Grid } from './grid.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in HTML content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const BASE_CSS = `
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 2rem auto; max-width: 60rem; color: #222; }
h1, h2, caption { font-weight: 600; }
caption { font-size: 1.25rem; margin-bottom: .75rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #444; padding: .4rem .6rem; vertical-align: middle; }
th { background: #f2f2f2; }
td.num { text-align: right; }
td.merged { text-align: center; }
tr.category th { text-align: left; background: #fafafa; }
@media print { @page { size: A4; margin: 15mm; } body { margin: 0; max-width: none; } }
`;

/**
 * The page's Content-Security-Policy: nothing may load or run (no scripts, frames, fonts,
 * objects, connections; `default-src 'none'` covers them), only the inline style sheet and
 * data: images; no <base> to redirect relative links, no form to post anywhere.
 */
export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** A whole self-contained HTML page: inline CSS, and a Content-Security-Policy (first in <head>) that allows no scripts. */
export function htmlPage(opts: { lang: string; title: string; body: string; css?: string }): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(opts.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title)}</title>
<style>${BASE_CSS}${opts.css ?? ''}</style>
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
  return `<table>\n${caption}<thead><tr>${head}</tr></thead>\n<tbody>\n${rowsWithCategories(grid, rows, category).join('\n')}\n</tbody>\n</table>`;
}
