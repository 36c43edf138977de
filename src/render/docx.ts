import {
  AlignmentType,
  Document,
  Footer,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { rowSpans, rowsWithCategories, type Grid } from './grid.js';
import { displayWidth } from './terminal.js';

// GB/T 9704 fonts by their Windows names (WPS has the same). Word substitutes a font it lacks
// (小标宋 is not part of Windows: it falls back to a 宋体-like serif); Latin text stays Times New Roman.
export const FONTS = { title: '方正小标宋简体', hei: '黑体', fang: '仿宋', kai: '楷体', song: '宋体' } as const;
/** Chinese type sizes in points. */
export const PT = { er: 22, san: 16, si: 14, xiaosi: 12 } as const;

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
/** A4 in twips, portrait. */
export const A4 = { width: twips(210), height: twips(297) };
/** GB/T 9704 margins: 版心 156 mm × 225 mm. */
const MARGIN = { top: twips(37), bottom: twips(35), left: twips(28), right: twips(26) };
/** The 版心 (text block) width. */
export const textWidth = (landscape: boolean) => (landscape ? A4.height - MARGIN.top - MARGIN.bottom : A4.width - MARGIN.left - MARGIN.right);

/** An annex with more columns than this goes on a landscape page. */
const PORTRAIT_COLUMNS = 4;
const CELL_PADDING = 2 * 108;

/** A run of text in a font (the same for CJK and Latin, Times New Roman for digits and letters) and size in points. */
export function run(text: string, font: string, pt: number, opts: { bold?: boolean; color?: string } = {}): TextRun {
  return new TextRun({
    text,
    font: { eastAsia: font, ascii: 'Times New Roman', hAnsi: 'Times New Roman', hint: 'eastAsia' },
    size: pt * 2,
    ...(opts.bold && { bold: true }),
    ...(opts.color && { color: opts.color }),
  });
}

/** Cell text with its line breaks kept. */
function runs(text: string, font: string, pt: number, bold = false): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, font: { eastAsia: font, ascii: 'Times New Roman', hAnsi: 'Times New Roman', hint: 'eastAsia' }, size: pt * 2, bold }));
}

/** Page size and GB/T 9704 margins; a landscape page keeps the margins of the turned page. */
export function pageOptions(landscape: boolean): NonNullable<ISectionOptions['properties']> {
  return {
    page: {
      size: { width: A4.width, height: A4.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
      margin: landscape ? { top: MARGIN.left, bottom: MARGIN.right, left: MARGIN.top, right: MARGIN.bottom } : MARGIN,
    },
  };
}

/** The page number as GB/T 9704 prints it: `— 1 —`, 宋体 四号, centred at the foot. */
export function pageFooter(): Footer {
  return new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { eastAsia: FONTS.song, ascii: FONTS.song, hAnsi: FONTS.song }, size: PT.si * 2 })] })],
  });
}

/** Whether the annex of this grid is laid out on landscape pages. */
export const isLandscape = (grid: Grid) => grid.columns.length > PORTRAIT_COLUMNS;

/**
 * The annex as a 公文 annex: the `附件` label top left (黑体 三号), the title centred (小标宋 二号),
 * then the table in 仿宋 with fixed column widths, the header row repeated on each page, rows
 * kept whole, merged time and category cells as vertical merges and category rows spanning the table.
 */
export function annexBody(grid: Grid, label = '附件'): (Paragraph | Table)[] {
  const landscape = isLandscape(grid);
  const out: (Paragraph | Table)[] = [new Paragraph({ children: [run(label, FONTS.hei, PT.san)], spacing: { after: 0, line: 579, lineRule: LineRuleType.EXACT } })];
  if (grid.title) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 240, after: 360, line: 680, lineRule: LineRuleType.EXACT },
        children: [run(grid.title, FONTS.title, PT.er)],
      }),
    );
  }
  out.push(annexTable(grid, landscape));
  return out;
}

/** The annex table (see annexBody). */
function annexTable(grid: Grid, landscape: boolean): Table {
  const n = grid.columns.length;
  const pt = tableSize(grid, textWidth(landscape));
  const widths = docxColumnWidths(grid, textWidth(landscape), pt);
  const merged = grid.mergeColumns ?? [];
  const centred = new Set([...(grid.rightAligned ?? []), ...merged]);
  const spans = new Map(merged.map((c) => [c, rowSpans(grid, c)]));
  const paragraph = (text: string, font: string, align: (typeof AlignmentType)[keyof typeof AlignmentType], bold = false) =>
    new Paragraph({ alignment: align, spacing: { before: 40, after: 40 }, children: runs(text, font, pt, bold) });
  const cell = (children: Paragraph[], c: number, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) =>
    new TableCell({ children, width: { size: widths[c]!, type: WidthType.DXA }, verticalAlign: VerticalAlignTable.CENTER, ...extra });

  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    height: { value: twips(10), rule: HeightRule.ATLEAST },
    children: grid.columns.map((title, c) => cell([paragraph(title, FONTS.hei, AlignmentType.CENTER)], c)),
  });
  type Item = { cells: string[]; body: number } | { category: string };
  const items = rowsWithCategories<Item>(grid, grid.rows.map((cells, body) => ({ cells, body })), (category) => ({ category }));
  const body = items.map((item) => {
    if ('category' in item) {
      return new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            children: [paragraph(item.category, FONTS.hei, AlignmentType.LEFT)],
            columnSpan: n,
            width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
          }),
        ],
      });
    }
    return new TableRow({
      cantSplit: true,
      children: item.cells.map((text, c) => {
        const span = spans.get(c)?.[item.body] ?? 1;
        const align = centred.has(c) ? AlignmentType.CENTER : AlignmentType.LEFT;
        if (span === 0) return cell([new Paragraph({})], c, { verticalMerge: VerticalMergeType.CONTINUE });
        return cell([paragraph(text, FONTS.fang, align)], c, span > 1 ? { verticalMerge: VerticalMergeType.RESTART } : {});
      }),
    });
  });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [header, ...body],
  });
}

/** The table's type size: 四号 when every cell fits on one line at it, else 小四. */
export function tableSize(grid: Grid, total: number): number {
  const lineWidth = (text: string) => Math.max(0, ...text.split('\n').map(displayWidth));
  const want = grid.columns.map((title, c) => (Math.max(4, lineWidth(title), ...grid.rows.map((row) => lineWidth(row[c] ?? ''))) + 1) * PT.si * 10 + CELL_PADDING);
  return want.reduce((a, b) => a + b, 0) <= total ? PT.si : PT.xiaosi;
}

/**
 * Column widths in twips that fill `total`: each column as wide as its longest line (CJK counting
 * 2), and no column narrower than its header, so a header never wraps one character a line.
 * Too wide, the widest columns are narrowed first (to one cap, found by halving), so that short
 * columns keep their text on one line and the long ones wrap; with room to spare, the columns
 * whose text is longer than their header get it.
 */
export function docxColumnWidths(grid: Grid, total: number, pt: number): number[] {
  const unit = pt * 10; // twips per half-width character
  const lineWidth = (text: string) => Math.max(0, ...text.split('\n').map(displayWidth));
  const min = grid.columns.map((title) => (Math.max(4, lineWidth(title)) + 1) * unit + CELL_PADDING);
  const want = grid.columns.map((_, c) => Math.max(min[c]!, (Math.max(...grid.rows.map((row) => lineWidth(row[c] ?? ''))) + 1) * unit + CELL_PADDING));
  const sum = want.reduce((a, b) => a + b, 0);
  if (sum <= total) {
    const weight = want.map((w, c) => w - min[c]!);
    const weightSum = weight.reduce((a, b) => a + b, 0);
    return want.map((w, c) => Math.floor(w + (total - sum) * (weightSum ? weight[c]! / weightSum : w / sum)));
  }
  const capped = (cap: number) => want.map((w, c) => Math.max(min[c]!, Math.min(w, cap)));
  let [low, high] = [0, Math.max(...want)];
  while (high - low > 1) {
    const cap = Math.floor((low + high) / 2);
    if (capped(cap).reduce((a, b) => a + b, 0) > total) high = cap;
    else low = cap;
  }
  return capped(low);
}

/** The grid as a Word document: the annex alone, on A4 with GB/T 9704 margins and page numbers. */
export async function renderDocx(grid: Grid): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'plan',
    title: grid.title ?? '',
    sections: [{ properties: pageOptions(isLandscape(grid)), footers: { default: pageFooter() }, children: annexBody(grid) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
