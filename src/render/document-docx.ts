import { AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, TabStopType, TextRun, type ISectionOptions } from 'docx';
import type { Plan } from '../plan/types.js';
import { viewTasks } from '../plan/view.js';
import { FONTS, PT, annexBody, isLandscape, pageFooter, pageOptions, run, textWidth } from './docx.js';
import { annexGrid } from './tasks.js';

const RED = 'FF0000';
/** GB/T 9704: 22 lines a page of 三号 text, an exact line height of 28.95 pt. */
const LINE = { line: 579, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
/** Two characters of 三号 text, the first-line indent of a paragraph. */
const INDENT = 2 * PT.san * 20;

/**
 * The whole notice as a Word document in the GB/T 9704 layout: the red 发文机关标志 (issuer +
 * 文件), the document number and the red rule, the notice's title, 主送 and text, the date;
 * then the plan on a new page (title, intro, sections 黑体 一、, items 楷体 （一）, text 仿宋 三号);
 * then the annex on a page of its own (附件 label, title, table), and the 版记 (printedBy, printed).
 */
export async function documentDocx(plan: Plan): Promise<Uint8Array> {
  // Statuses are not shown: any date of the year will do.
  const grid = annexGrid(plan, viewTasks(plan, `${plan.year}-12-31`), { title: plan.annexTitle ?? plan.title });
  const landscape = isLandscape(grid);
  const notice = plan.notice;
  const head: Paragraph[] = [];
  if (plan.issuer) head.push(issuerMark(`${plan.issuer}文件`));
  if (plan.docNumber) head.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...LINE, before: 579 }, children: [run(plan.docNumber, FONTS.fang, PT.san)] }));
  if (plan.issuer || plan.docNumber) {
    head.push(new Paragraph({ spacing: { before: 0, after: 579 }, border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 4 } }, children: [] }));
  }
  if (notice?.title) head.push(title(notice.title));
  if (notice?.to) head.push(new Paragraph({ spacing: LINE, children: [run(`${notice.to}：`, FONTS.fang, PT.san)] }));
  if (notice?.text) head.push(...paragraphs(notice.text));
  if (head.length && plan.issued) {
    // 成文日期 右空四字, a line below the text.
    head.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 4 * PT.san * 20 }, spacing: { ...LINE, before: 579 }, children: [run(chineseDate(plan.issued), FONTS.fang, PT.san)] }));
  }

  const body: Paragraph[] = [title(plan.title, head.length > 0)];
  if (plan.intro) body.push(...paragraphs(plan.intro));
  for (const section of plan.sections ?? []) {
    const label = section.label ?? section.no;
    body.push(new Paragraph({ indent: { firstLine: INDENT }, spacing: LINE, children: [run(label === undefined ? section.title : `${label}、${section.title}`, FONTS.hei, PT.san)] }));
    if (section.text) body.push(...paragraphs(section.text));
    for (const item of section.items ?? []) {
      const itemLabel = item.label ?? item.no;
      // A third-level heading runs into its text, as the seed writes it: （一）标题。正文…
      const heading = `${itemLabel === undefined ? '' : `（${itemLabel}）`}${item.title}${/[。！？；：]$/.test(item.title) ? '' : '。'}`;
      const [first = '', ...rest] = (item.text ?? '').split(/\n+/);
      body.push(new Paragraph({ indent: { firstLine: INDENT }, spacing: LINE, children: [run(heading, FONTS.kai, PT.san), ...inline(first)] }));
      body.push(...rest.map(paragraph));
    }
  }

  const imprint = plan.printedBy || plan.printed ? [imprintLine(plan.printedBy ?? '', plan.printed ? `${chineseDate(plan.printed)}印发` : '', textWidth(landscape))] : [];
  const sections: ISectionOptions[] = [
    { properties: pageOptions(false), footers: { default: pageFooter() }, children: [...head, ...body] },
    { properties: pageOptions(landscape), footers: { default: pageFooter() }, children: [...(grid.rows.length ? annexBody(grid) : []), ...imprint] },
  ];
  const doc = new Document({ creator: 'plan', title: notice?.title ?? plan.title, sections });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** The 发文机关标志: red, centred, in 小标宋 at the size that fits the 版心 on one line (at most 二号 × 1.6). */
function issuerMark(text: string): Paragraph {
  const widthPt = textWidth(false) / 20;
  const pt = Math.max(PT.san, Math.min(36, Math.floor(widthPt / [...text].length)));
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0, line: Math.round(pt * 20 * 1.3), lineRule: LineRuleType.EXACT }, children: [run(text, FONTS.title, pt, { color: RED })] });
}

/** A title: 小标宋 二号, centred, a blank line below it; on a new page when asked. */
function title(text: string, newPage = false): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, pageBreakBefore: newPage, spacing: { before: 0, after: 579, line: 700, lineRule: LineRuleType.EXACT }, children: [run(text, FONTS.title, PT.er)] });
}

/** Text in 仿宋 三号, a paragraph a line, each indented two characters. */
function paragraphs(text: string): Paragraph[] {
  return text.split(/\n+/).filter((line) => line.trim()).map(paragraph);
}

const paragraph = (line: string) => new Paragraph({ indent: { firstLine: INDENT }, spacing: LINE, children: inline(line) });

/** Runs of 仿宋 三号 text; `**…**` (as the plan file marks emphasis) is bold. */
function inline(text: string): TextRun[] {
  return text
    .split(/(\*\*[^*]+\*\*)/)
    .filter(Boolean)
    .map((part) => (part.startsWith('**') && part.endsWith('**') ? run(part.slice(2, -2), FONTS.fang, PT.san, { bold: true }) : run(part, FONTS.fang, PT.san)));
}

/** The 版记 line: 印发机关 left, 印发日期 right, between two rules, 仿宋 四号, one character in from each side. */
function imprintLine(printedBy: string, printed: string, width: number): Paragraph {
  const rule = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 };
  const indent = PT.si * 20;
  return new Paragraph({
    spacing: { before: 579 * 2, after: 0, line: 579, lineRule: LineRuleType.EXACT },
    border: { top: rule, bottom: rule },
    indent: { left: indent, right: indent },
    tabStops: [{ type: TabStopType.RIGHT, position: width - 2 * indent }],
    children: [run(printedBy, FONTS.fang, PT.si), new TextRun({ text: '\t' }), run(printed, FONTS.fang, PT.si)],
  });
}

/** `2023-02-13` as 2023年2月13日. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}
