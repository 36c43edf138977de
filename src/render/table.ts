import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { rowSpans, type Grid } from './grid.js';
import { displayWidth, escapeControls, wrapDisplay } from './terminal.js';

export interface TableOptions {
  chalk: ChalkInstance;
  /** Paints a cell (already escaped) for the terminal, e.g. colours a status. */
  paint?: (row: number, col: number, text: string) => string;
  /** Draw a rule between rows (the annex) or keep rows compact (listings). */
  ruled?: boolean;
  /** The terminal's width: the widest column is wrapped to fit it. */
  maxWidth?: number;
}

/** A box-drawn table for the terminal, CJK-width aware, merged cells as row-spans. */
export function renderTable(grid: Grid, opts: TableOptions): string {
  const { chalk, paint = (_r, _c, t) => t } = opts;
  const table = new Table({
    head: grid.columns.map((c) => chalk.bold(c)),
    style: { head: [], border: [], compact: !opts.ruled },
  });
  const spans = rowSpans(grid);
  const rows = grid.rows.map((row) => row.map(escapeControls));
  const fit = opts.maxWidth ? fitWidest(grid.columns, rows, opts.maxWidth) : undefined;
  rows.forEach((row, r) => {
    const cells: Table.Cell[] = [];
    row.forEach((text, c) => {
      if (c === grid.mergeColumn && spans[r] === 0) return;
      const content = paint(r, c, fit && c === fit.column ? wrapDisplay(text, fit.width) : text);
      const hAlign = grid.rightAligned?.includes(c) ? 'right' : 'left';
      cells.push(c === grid.mergeColumn ? { content, rowSpan: spans[r], vAlign: 'center', hAlign } : { content, hAlign });
    });
    table.push(cells);
  });
  const title = grid.title ? `${chalk.bold(escapeControls(grid.title))}\n` : '';
  return `${title}${table.toString()}\n`;
}

/** When the table is wider than `maxWidth`, the widest column and the width to wrap it to. */
function fitWidest(columns: string[], rows: string[][], maxWidth: number): { column: number; width: number } | undefined {
  const widths = columns.map((head, c) => Math.max(displayWidth(head), ...rows.map((row) => Math.max(...(row[c] ?? '').split('\n').map(displayWidth)))));
  const total = widths.reduce((sum, w) => sum + w + 3, 1); // a space either side and a border per column
  if (total <= maxWidth) return undefined;
  const column = widths.indexOf(Math.max(...widths));
  const width = Math.max(10, widths[column]! - (total - maxWidth));
  return { column, width };
}
