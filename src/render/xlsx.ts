import ExcelJS from 'exceljs';
import { rowSpans, rowsWithCategories, type Grid } from './grid.js';
import { displayWidth } from './terminal.js';

// Fonts Excel and WPS have on Chinese Windows; elsewhere the application substitutes its own CJK font.
const BODY_FONT = '仿宋';
const HEAD_FONT = '黑体';
const SIZE = 12;
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A body row as placed in the sheet: a task's cells, or a category title across the table. */
type SheetRow = { cells: string[]; body: number } | { category: string };

/**
 * The grid as an Excel workbook: one sheet named after the title, the title merged above the
 * header, the header bold, frozen and repeated on every printed page, merged time and category
 * cells as real merged ranges, wrapped text, fitted column widths, A4 landscape one page wide.
 */
export async function renderXlsx(grid: Grid): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const titled = Boolean(grid.title);
  const headerRow = titled ? 2 : 1;
  const sheet = workbook.addWorksheet(sheetName(grid.title), {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${headerRow}:${headerRow}`,
      margins: { left: 0.6, right: 0.6, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  const n = grid.columns.length;
  const widths = columnWidths(grid);
  sheet.columns = widths.map((width) => ({ width }));
  const numeric = new Set(grid.rightAligned ?? []);
  const merged = grid.mergeColumns ?? [];
  const centred = new Set([...numeric, ...merged]);

  if (titled) {
    const row = sheet.getRow(1);
    row.getCell(1).value = grid.title!;
    row.getCell(1).font = { name: HEAD_FONT, size: 16, bold: true };
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    row.height = 30;
    if (n > 1) sheet.mergeCells(1, 1, 1, n);
  }
  const header = sheet.getRow(headerRow);
  grid.columns.forEach((title, c) => {
    const cell = header.getCell(c + 1);
    cell.value = title;
    cell.font = { name: HEAD_FONT, size: SIZE, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  header.height = rowHeight(grid.columns, widths);

  const rows = rowsWithCategories<SheetRow>(
    grid,
    grid.rows.map((cells, body) => ({ cells, body })),
    (category) => ({ category }),
  );
  const spans = new Map(merged.map((c) => [c, rowSpans(grid, c)]));
  rows.forEach((item, k) => {
    const r = headerRow + 1 + k;
    const row = sheet.getRow(r);
    if ('category' in item) {
      const cell = row.getCell(1);
      cell.value = item.category;
      cell.font = { name: HEAD_FONT, size: SIZE, bold: true };
      cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
      for (let c = 1; c <= n; c++) row.getCell(c).border = BORDER;
      if (n > 1) sheet.mergeCells(r, 1, r, n);
      row.height = rowHeight([item.category], [widths.reduce((a, b) => a + b, 0)]);
      return;
    }
    item.cells.forEach((text, c) => {
      const cell = row.getCell(c + 1);
      const span = spans.get(c)?.[item.body] ?? 1;
      if (span > 0) cell.value = numeric.has(c) && /^\d{1,15}$/.test(text) ? Number(text) : text;
      if (span > 1) sheet.mergeCells(r, c + 1, r + span - 1, c + 1);
      cell.font = { name: BODY_FONT, size: SIZE };
      cell.alignment = { horizontal: centred.has(c) ? 'center' : 'left', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
    });
    // Merged cells are left out of the height: their text has the rows of the whole range.
    row.height = rowHeight(item.cells.map((text, c) => ((spans.get(c)?.[item.body] ?? 1) === 1 ? text : '')), widths);
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A sheet name Excel accepts: without []:*?/\, at most 31 characters, not blank. */
export function sheetName(title: string | undefined): string {
  const name = [...(title ?? '').replace(/[[\]:*?/\\]/g, '').replace(/^'+|'+$/g, '').trim()].slice(0, 31).join('').trim();
  return name || 'Sheet1';
}

/** Each column's width in Excel's character units: its longest line (CJK counting 2) plus room, within 6..60. */
export function columnWidths(grid: Grid): number[] {
  return grid.columns.map((title, c) => {
    const widest = Math.max(lineWidth(title), ...grid.rows.map((row) => lineWidth(row[c] ?? '')));
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
  });
}

const lineWidth = (text: string) => Math.max(0, ...text.split('\n').map(displayWidth));

/**
 * The height of a row in points, from the lines its wrapped cells take: Excel does not fit the
 * height of a row to wrapped text when it opens a file, LibreOffice does.
 */
function rowHeight(cells: readonly string[], widths: readonly number[]): number {
  const lines = Math.max(1, ...cells.map((text, c) => text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, widths[c]! - 1))), 0)));
  return Math.round(lines * SIZE * 1.35 + 6);
}
