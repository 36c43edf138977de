import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { PlanError, usageError } from '../errors.js';
import { m } from '../messages.js';
import type { TextRow } from '../plan/annex.js';
import { readBytes } from './load.js';

/** Options of reading a table from a document. */
export interface TableSourceOptions {
  /** The worksheet of a workbook (its name or 1-based number); default the first. */
  sheet?: string;
}

type Kind = 'docx' | 'xlsx' | 'zip' | 'old';

const BY_EXTENSION: Record<string, Kind> = { '.docx': 'docx', '.docm': 'docx', '.dotx': 'docx', '.xlsx': 'xlsx', '.xlsm': 'xlsx', '.xltx': 'xlsx' };
const ZIP = [0x50, 0x4b, 0x03, 0x04];
// The compound file of Word 97-2003 (.doc), Excel 97-2003 (.xls) and older WPS files.
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A document's tables and its paragraphs outside them, as text rows: see documentContent. */
export interface DocumentContent {
  tables: TextRow[][];
  paragraphs: TextRow[];
}

/**
 * The tables of a Word (.docx) or Excel (.xlsx) file as text rows, in document order; undefined
 * for any other file (read as text). Each table comes with the paragraphs above it (tabular:
 * false, one cell each) before its own rows (tabular: true), cells aligned to the table's grid:
 * a cell spanning columns is followed by blank cells, a vertically merged cell below its first
 * row is blank, line breaks inside a cell are kept as `\n`. A row's `line` is its 1-based
 * number in the table (a paragraph's, its number among the paragraphs), a cell's `col` its
 * 1-based column. A workbook gives one table, the sheet's rows from row 1 (`line` is the row
 * number). The extension decides, unless the bytes say otherwise: a ZIP archive under another
 * name is read by what it holds, an old binary .doc/.xls is refused with how to convert it.
 */
export async function documentTables(file: string, opts: TableSourceOptions = {}): Promise<TextRow[][] | undefined> {
  return (await documentContent(file, opts))?.tables;
}

/**
 * The tables of documentTables and, besides, every non-empty paragraph outside a table in
 * document order (a Word document's, also those below the last table; none for a workbook),
 * for a document whose text is a list rather than a table. Undefined for a file read as text.
 */
export async function documentContent(file: string, opts: TableSourceOptions = {}): Promise<DocumentContent | undefined> {
  const named = BY_EXTENSION[extname(file).toLowerCase()];
  const sniffed = sniff(file);
  const kind = sniffed === 'old' ? sniffed : (named ?? sniffed);
  if (!kind) return undefined;
  if (kind === 'old') throw new PlanError(m.office.oldFormat(file));
  const bytes = readBytes(file);
  if (kind === 'xlsx' || (kind === 'zip' && holds(bytes, 'xl/workbook.xml'))) {
    const { xlsxTables } = await import('./xlsx-table.js');
    return { tables: await xlsxTables(bytes, file, opts.sheet), paragraphs: [] };
  }
  if (opts.sheet !== undefined) throw usageError(m.office.sheetNotWorkbook(file));
  if (kind === 'zip' && !holds(bytes, 'word/document.xml')) throw new PlanError(m.office.notOffice(file));
  const { docxContent } = await import('./docx-table.js');
  return docxContent(bytes, file);
}

/** 'zip' or 'old' by a regular file's first bytes; anything else (text, a pipe, a missing file) is left to the text reader. */
function sniff(file: string): Kind | undefined {
  let fd: number | undefined;
  try {
    if (!statSync(file).isFile()) return undefined;
    fd = openSync(file, 'r');
    const head = Buffer.alloc(OLE.length);
    const n = readSync(fd, head, 0, head.length, 0);
    const starts = (sig: number[]) => n >= sig.length && sig.every((b, i) => head[i] === b);
    return starts(ZIP) ? 'zip' : starts(OLE) ? 'old' : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Whether a ZIP archive names `entry` (its name stands uncompressed in the local and central headers). */
function holds(bytes: Buffer, entry: string): boolean {
  return bytes.includes(entry, 0, 'latin1');
}
