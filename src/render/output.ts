import type { Context } from '../context.js';
import type { TaskView } from '../plan/view.js';
import type { FileGridFormat, GridFormat } from '../formats.js';
import type { Grid } from './grid.js';

/** Renders a task grid as an office file: an Excel workbook, or a Word document laid out as a 公文 annex. */
export async function renderGridFile(grid: Grid, format: FileGridFormat): Promise<Uint8Array> {
  switch (format) {
    case 'xlsx':
      return (await import('./xlsx.js')).renderXlsx(grid);
    case 'docx':
      return (await import('./docx.js')).renderDocx(grid);
  }
}

/**
 * Renders a task grid in a format, loading only that format's renderer. In the terminal table
 * the status column (when present) is coloured by each task's status.
 */
export async function renderGrid(grid: Grid, format: GridFormat, ctx: Context, tasks: readonly TaskView[], opts: { ruled?: boolean } = {}): Promise<string> {
  switch (format) {
    case 'table': {
      const { renderTable, paintFor, statusStyle, statusText } = await import('./table.js');
      const style = await paintFor(ctx);
      const status = grid.statusColumn;
      // The ✓ goes into the text before the table is measured; painting adds colour only.
      const rows = status === undefined ? grid.rows : grid.rows.map((row, r) => row.with(status, statusText(tasks[r]!.status)));
      return await renderTable({ ...grid, rows }, {
        style,
        ruled: opts.ruled ?? false,
        ...(ctx.stdoutIsTTY && ctx.columns && { maxWidth: ctx.columns }),
        paint: (r, c, text) => (c === status ? statusStyle(tasks[r]!.status, style)(text) : text),
      });
    }
    case 'markdown':
      return (await import('./markdown.js')).renderMarkdown(grid);
    case 'html':
      return (await import('./html.js')).annexPage(grid, ctx.lang === 'en' ? 'en' : 'zh-CN');
    case 'csv':
      return (await import('./delimited.js')).renderCsv(grid);
    case 'tsv':
      return (await import('./delimited.js')).renderTsv(grid);
  }
}
