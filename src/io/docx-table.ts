import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isPlanError, PlanError } from '../errors.js';
import { m } from '../messages.js';
import type { TextCell, TextRow } from '../plan/annex.js';
import { openZip, readEntry } from './zip-entries.js';

// fast-xml-parser with preserveOrder: each node is {tag: children[], ':@'?: attributes}, text {'#text': s}.
type XmlNode = Record<string, unknown>;

const DOCUMENT = 'word/document.xml';
// Parts of a paragraph whose text is not the paragraph's: tracked deletions, text moved away,
// field codes, drawings and text boxes, properties.
const SKIP = new Set(['w:del', 'w:moveFrom', 'w:delText', 'w:instrText', 'w:pPr', 'w:rPr', 'w:drawing', 'w:pict', 'w:object', 'mc:AlternateContent', 'w:fldData']);
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The tables and paragraphs of a Word document (`bytes` of `file`) as text rows: see documentContent. */
export async function docxContent(bytes: Uint8Array, file: string): Promise<{ tables: TextRow[][]; paragraphs: TextRow[] }> {
  const invalid = (reason: string) => m.office.notDocx(file, reason);
  const zip = await openZip(bytes, invalid);
  if (!zip.file(DOCUMENT)) throw new PlanError(zip.file('xl/workbook.xml') ? invalid('an Excel workbook: name it .xlsx') : invalid(`no ${DOCUMENT}`));
  let xml: string;
  try {
    xml = (await readEntry(zip, DOCUMENT, file)).toString('utf8');
  } catch (e) {
    throw isPlanError(e) ? e : new PlanError(invalid(e instanceof Error ? e.message : String(e)));
  }
  // Word never writes a DOCTYPE; one could only be there to declare entities that expand without end.
  if (/<!DOCTYPE/i.test(xml)) throw new PlanError(invalid('a DOCTYPE declaration'));
  // The parser takes unclosed elements as closed at the end; a damaged file should say so instead.
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new PlanError(invalid(`${DOCUMENT}:${valid.err.line}:${valid.err.col}: ${valid.err.msg}`));
  let body: XmlNode[];
  try {
    const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false, trimValues: false, processEntities: false });
    const root = parser.parse(xml) as XmlNode[];
    body = children(root, 'w:document')
      .flatMap((d) => children(d['w:document'] as XmlNode[], 'w:body'))
      .flatMap((b) => b['w:body'] as XmlNode[]);
  } catch (e) {
    throw new PlanError(invalid(e instanceof Error ? e.message : String(e)));
  }
  if (!body.length) throw new PlanError(invalid(`no w:body in ${DOCUMENT}`));
  return bodyContent(body);
}

/** The tables of the body in order, each after the non-empty paragraphs from the start of the document; and all those paragraphs. */
function bodyContent(body: XmlNode[]): { tables: TextRow[][]; paragraphs: TextRow[] } {
  const tables: TextRow[][] = [];
  const paragraphs: TextRow[] = [];
  let count = 0;
  for (const node of blocks(body)) {
    if ('w:p' in node) {
      count++;
      const text = paragraphText(node);
      if (text) paragraphs.push({ line: count, cells: [{ text, line: count, col: 1 }], end: { line: count, col: text.length + 1 }, tabular: false });
    } else tables.push([...paragraphs, ...tableRows(node)]);
  }
  return { tables, paragraphs };
}

/** The paragraphs and tables among `nodes`, looking into content controls and custom XML that wrap them. */
function* blocks(nodes: XmlNode[]): Generator<XmlNode> {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === 'w:p' || tag === 'w:tbl') yield node;
    else if (tag === 'w:sdt') yield* blocks(children(node[tag] as XmlNode[], 'w:sdtContent').flatMap((c) => c['w:sdtContent'] as XmlNode[]));
    else if (tag === 'w:customXml' || tag === 'w:ins' || tag === 'w:moveTo') yield* blocks(node[tag] as XmlNode[]);
  }
}

/** Elements named `name` among `nodes`, also inside the content controls and custom XML around them. */
function elements(nodes: XmlNode[], name: string): XmlNode[] {
  return nodes.flatMap((node) => {
    const tag = tagOf(node);
    if (tag === name) return [node];
    if (tag === 'w:sdt') return elements(children(node[tag] as XmlNode[], 'w:sdtContent').flatMap((c) => c['w:sdtContent'] as XmlNode[]), name);
    if (tag === 'w:customXml' || tag === 'w:ins' || tag === 'w:moveTo') return elements(node[tag] as XmlNode[], name);
    return [];
  });
}

/** A table's rows on its grid: a cell spanning columns is followed by blanks, a vertically merged continuation is blank. */
function tableRows(tbl: XmlNode): TextRow[] {
  const content = tbl['w:tbl'] as XmlNode[];
  const grid = children(content, 'w:tblGrid').flatMap((g) => children(g['w:tblGrid'] as XmlNode[], 'w:gridCol')).length;
  const rows = elements(content, 'w:tr').filter((tr) => !property(tr['w:tr'] as XmlNode[], 'w:trPr', 'w:del'));
  const texts = rows.map((tr) => rowTexts(tr['w:tr'] as XmlNode[]));
  const width = Math.max(grid, ...texts.map((t) => t.length));
  return texts.map((cellTexts, i) => {
    const line = i + 1;
    const cells: TextCell[] = Array.from({ length: width }, (_, c) => ({ text: cellTexts[c] ?? '', line, col: c + 1 }));
    return { line, cells, end: { line, col: width + 1 }, tabular: true };
  });
}

/** A row's cell texts by grid column. */
function rowTexts(tr: XmlNode[]): string[] {
  const texts: string[] = [];
  const before = Number(propertyValue(tr, 'w:trPr', 'w:gridBefore') ?? 0);
  for (let i = 0; i < before; i++) texts.push('');
  for (const tc of elements(tr, 'w:tc')) {
    const content = tc['w:tc'] as XmlNode[];
    const span = Math.max(1, Number(propertyValue(content, 'w:tcPr', 'w:gridSpan') ?? 1) || 1);
    const vMerge = property(content, 'w:tcPr', 'w:vMerge');
    const hMerge = property(content, 'w:tcPr', 'w:hMerge');
    const continued = (vMerge && attr(vMerge, 'w:val') !== 'restart') || (hMerge && attr(hMerge, 'w:val') !== 'restart');
    texts.push(continued ? '' : cellText(content));
    for (let i = 1; i < span; i++) texts.push('');
  }
  return texts;
}

/** A cell's text: its paragraphs (and the rows of a table inside it) one a line, each trimmed, blank lines left out. */
function cellText(content: XmlNode[]): string {
  const lines: string[] = [];
  for (const node of blocks(content)) {
    if ('w:p' in node) lines.push(paragraphText(node));
    else lines.push(...tableRows(node).map((r) => r.cells.map((c) => c.text.replace(/\n/g, ' ')).filter(Boolean).join(' ')));
  }
  return tidyLines(lines.join('\n'));
}

/** A paragraph's text: its runs' `w:t`, a break as `\n`, a tab as a space; deleted text left out. */
function paragraphText(p: XmlNode): string {
  let text = '';
  const walk = (nodes: XmlNode[]) => {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === undefined || SKIP.has(tag)) continue;
      if (tag === 'w:t') text += decode((node[tag] as XmlNode[]).map((t) => String(t['#text'] ?? '')).join(''));
      else if (tag === 'w:br' || tag === 'w:cr') text += '\n';
      else if (tag === 'w:tab' || tag === 'w:ptab') text += ' ';
      else if (tag === 'w:noBreakHyphen') text += '-';
      else if (Array.isArray(node[tag])) walk(node[tag] as XmlNode[]);
    }
  };
  walk(p['w:p'] as XmlNode[]);
  return tidyLines(text);
}

function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

function decode(s: string): string {
  return s.replace(ENTITY, (all, name?: string, dec?: string, hex?: string) => {
    if (name) return NAMED[name]!;
    const code = dec ? Number(dec) : parseInt(hex!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

function tagOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@' && k !== '#text');
}

function children(nodes: XmlNode[], name: string): XmlNode[] {
  return nodes.filter((n) => name in n);
}

function attr(node: XmlNode, name: string): string | undefined {
  const value = (node[':@'] as Record<string, string> | undefined)?.[name];
  return value === undefined ? undefined : decode(value);
}

/** The element `name` in the properties element `props` (w:tcPr, w:trPr) among `content`. */
function property(content: XmlNode[], props: string, name: string): XmlNode | undefined {
  return children(content, props)
    .flatMap((p) => children(p[props] as XmlNode[], name))
    .at(0);
}

function propertyValue(content: XmlNode[], props: string, name: string): string | undefined {
  const node = property(content, props, name);
  return node && attr(node, 'w:val');
}
