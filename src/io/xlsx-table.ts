import ExcelJS from 'exceljs';
import { isPlanError, PlanError, usageError } from '../errors.js';
import { m } from '../messages.js';
import type { TextCell, TextRow } from '../plan/annex.js';
import { openZip, readEntry } from './zip-entries.js';

/** The rows of one worksheet of a workbook (`bytes` of `file`; `sheet`: a name or 1-based number, default the first), as one table. */
export async function xlsxTables(bytes: Uint8Array, file: string, sheet?: string): Promise<TextRow[][]> {
  const invalid = (reason: string) => m.office.notXlsx(file, reason);
  const zip = await openZip(bytes, invalid);
  if (!zip.file('xl/workbook.xml')) throw new PlanError(zip.file('word/document.xml') ? invalid('a Word document: name it .docx') : invalid('no xl/workbook.xml'));
  // exceljs inflates every part whole: first make sure none (nor all together) is a bomb.
  const counted = { bytes: 0 };
  try {
    for (const entry of Object.values(zip.files)) if (!entry.dir) await readEntry(zip, entry.name, file, counted);
  } catch (e) {
    throw isPlanError(e) ? e : new PlanError(invalid(e instanceof Error ? e.message : String(e)));
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (e) {
    throw new PlanError(invalid(e instanceof Error ? e.message : String(e)));
  }
  return [sheetRows(pickSheet(workbook, file, sheet))];
}

function pickSheet(workbook: ExcelJS.Workbook, file: string, sheet: string | undefined): ExcelJS.Worksheet {
  const sheets = workbook.worksheets;
  if (!sheets.length) throw new PlanError(m.office.notXlsx(file, 'no worksheet'));
  if (sheet === undefined) return sheets[0]!;
  const wanted = sheet.trim();
  const found =
    sheets.find((s) => s.name === wanted) ??
    sheets.find((s) => s.name.trim().toLowerCase() === wanted.toLowerCase()) ??
    (/^\d+$/.test(wanted) ? sheets[Number(wanted) - 1] : undefined);
  if (!found) throw usageError(m.office.noSheet(file, sheet, sheets.map((s) => s.name)));
  return found;
}

/** Every row from the first to the last with text, each as wide as the widest; a merged range's text in its first cell only. */
function sheetRows(ws: ExcelJS.Worksheet): TextRow[] {
  const byRow = new Map<number, Map<number, string>>();
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    const cells = new Map<number, string>();
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const text = cell.isMerged && cell.master.address !== cell.address ? '' : cellText(cell.value);
      if (text) cells.set(col, text);
    });
    if (cells.size) byRow.set(number, cells);
  });
  let [last, width] = [0, 0];
  for (const [number, cells] of byRow) {
    last = Math.max(last, number);
    for (const col of cells.keys()) width = Math.max(width, col);
  }
  return Array.from({ length: last }, (_, i) => {
    const line = i + 1;
    const cells: TextCell[] = Array.from({ length: width }, (_, c) => ({ text: byRow.get(line)?.get(c + 1) ?? '', line, col: c + 1 }));
    return { line, cells, end: { line, col: width + 1 }, tabular: true };
  });
}

/** A cell's value as Excel shows it, near enough: numbers as written, dates as YYYY-MM-DD, a formula's result, rich text and links as their text. */
export function cellText(value: ExcelJS.CellValue): string {
  return tidy(valueText(value));
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) return valueText(v.result);
    if ('hyperlink' in v) return valueText(v.text);
    if ('error' in v) return String(v.error);
    if ('text' in v) return valueText(v.text);
  }
  return '';
}

function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return d.getUTCHours() || d.getUTCMinutes() ? `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : day;
}

/** Excel's `_x000D_` escapes decoded, line ends made `\n`, each line trimmed, blank lines left out. */
function tidy(text: string): string {
  return text
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}
