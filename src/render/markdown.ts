import { blankRepeats, rowsWithCategories, type Grid } from './grid.js';
import { escapeControls } from './terminal.js';

/**
 * Text safe inside a GitHub-flavoured markdown table cell: markdown's own characters escaped,
 * no raw HTML, control and bidi characters shown as `\x1b` (markdown is also read in terminals).
 */
export function markdownCell(s: string): string {
  return escapeControls(s.replace(/\r\n/g, '\n'))
    .replace(/[\\|*_`[\]~]/g, (c) => `\\${c}`)
    .replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!)
    .replace(/\n/g, '<br>');
}

/** A GitHub-flavoured markdown table, under a `###` heading when the grid has a title. */
export function renderMarkdown(grid: Grid): string {
  const line = (cells: string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  const rule = `|${grid.columns.map((_, i) => (grid.rightAligned?.includes(i) ? ' ---: ' : ' --- ')).join('|')}|`;
  // A category row has its title, in bold, in the first cell (markdown cannot span cells).
  const category = (title: string) => `| **${markdownCell(title)}** |${' |'.repeat(grid.columns.length - 1)}`;
  const table = [line(grid.columns), rule, ...rowsWithCategories(grid, blankRepeats(grid).map(line), category)].join('\n');
  return (grid.title ? `### ${markdownCell(grid.title)}\n\n` : '') + table + '\n';
}
