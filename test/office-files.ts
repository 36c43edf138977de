// Real .docx and .xlsx files for tests, built with the libraries offices' files are read back with.
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/**
 * A table cell: its text (`\n` a line break in one paragraph; an array, one paragraph each), the
 * grid columns it spans, and whether it starts or continues a vertical merge.
 */
export type DocxCell = string | { text: string | string[]; columnSpan?: number; vMerge?: 'restart' | 'continue' };

export interface DocxTable {
  /** Paragraphs between the previous table (or the document's paragraphsAbove) and this one. */
  paragraphsAbove?: string[];
  rows: DocxCell[][];
  /** Mark the first row as a header repeated on each page (w:tblHeader). */
  headerRow?: boolean;
}

/** A Word document: `paragraphsAbove` (title lines) first, then each table after its own paragraphs, then `paragraphsBelow`. */
export async function makeDocx(spec: { paragraphsAbove?: string[]; tables: DocxTable[]; paragraphsBelow?: string[] }): Promise<Buffer> {
  const children: (Paragraph | Table)[] = (spec.paragraphsAbove ?? []).map(paragraph);
  for (const table of spec.tables) {
    children.push(...(table.paragraphsAbove ?? []).map(paragraph));
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: table.rows.map((cells, i) => new TableRow({ tableHeader: i === 0 && table.headerRow === true, children: cells.map(tableCell) })),
      }),
    );
    // Word keeps a paragraph between two tables, else they would be one.
    children.push(new Paragraph(''));
  }
  children.push(...(spec.paragraphsBelow ?? []).map(paragraph));
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

function paragraph(text: string): Paragraph {
  const [first, ...rest] = text.split('\n');
  return new Paragraph({ children: [new TextRun(first!), ...rest.map((line) => new TextRun({ text: line, break: 1 }))] });
}

function tableCell(cell: DocxCell): TableCell {
  const c = typeof cell === 'string' ? { text: cell } : cell;
  const texts = typeof c.text === 'string' ? [c.text] : c.text;
  return new TableCell({
    children: texts.map(paragraph),
    ...(c.columnSpan !== undefined && { columnSpan: c.columnSpan }),
    ...(c.vMerge && { verticalMerge: c.vMerge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }),
  });
}

/** A minimal .docx whose body is `bodyXml` as written (for what the docx library cannot make: w:sdt, w:ins, w:del, nesting). */
export async function makeDocxXml(bodyXml: string): Promise<Buffer> {
  return makeZip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${bodyXml}<w:sectPr/></w:body></w:document>`,
  });
}

/** A ZIP archive of the given entries (path → content), deflated. */
export async function makeZip(entries: Record<string, string | Uint8Array>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [path, content] of Object.entries(entries)) zip.file(path, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export interface XlsxSheet {
  name: string;
  /** Row by row from A1; null or undefined leaves a cell empty. */
  rows: ExcelJS.CellValue[][];
  /** Merged ranges such as `A1:E1`; the top-left cell's value is the range's. */
  merges?: string[];
}

/** An Excel workbook of the given sheets, in order. */
export async function makeXlsx(spec: { sheets: XlsxSheet[] }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of spec.sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((cells, r) =>
      cells.forEach((value, c) => {
        if (value !== null && value !== undefined) ws.getCell(r + 1, c + 1).value = value;
      }),
    );
    for (const range of sheet.merges ?? []) ws.mergeCells(range);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
