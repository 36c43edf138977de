import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { rowSpans, type Grid } from './grid.js';
import { escapeControls } from './terminal.js';

export interface TableOptions {
  chalk: ChalkInstance;
  /** Paints a cell (already escaped) for the terminal, e.g. colours a status. */
  paint?: (row: number, col: number, text: string) => string;
  /** Draw a rule between rows (the annex) or keep rows compact (listings). */
  ruled?: boolean;
}

/** A box-drawn table for the terminal, CJK-width aware, merged cells as row-spans. */
export function renderTable(grid: Grid, opts: TableOptions): string {
  const { chalk, paint = (_r, _c, t) => t } = opts;
  const table = new Table({
    head: grid.columns.map((c) => chalk.bold(c)),
    style: { head: [], border: [], compact: !opts.ruled },
  });
  const spans = rowSpans(grid);
  grid.rows.forEach((row, r) => {
    const cells: Table.Cell[] = [];
    row.forEach((text, c) => {
      if (c === grid.mergeColumn && spans[r] === 0) return;
      const content = paint(r, c, escapeControls(text));
      const hAlign = grid.rightAligned?.includes(c) ? 'right' : 'left';
      cells.push(c === grid.mergeColumn ? { content, rowSpan: spans[r], vAlign: 'center', hAlign } : { content, hAlign });
    });
    table.push(cells);
  });
  const title = grid.title ? `${chalk.bold(escapeControls(grid.title))}\n` : '';
  return `${title}${table.toString()}\n`;
}
