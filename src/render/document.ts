import { m } from '../messages.js';
import type { Plan, Section, SectionItem } from '../plan/types.js';

/**
 * The parts of a plan's notice in reading order, each present only when the plan has it, with
 * the words and numbering a 公文 adds (文件, 一、, （一）, dates written out): what the html,
 * markdown and docx documents lay out.
 */
export interface DocumentParts {
  /** 发文机关标志: the issuer followed by 文件. */
  issuerMark?: string;
  docNumber?: string;
  notice?: { title?: string; to?: string; text?: string; date?: string };
  title: string;
  intro?: string;
  sections: DocumentSection[];
  /** 附件说明 at the end of the text (when the plan has tasks). */
  annexNote?: string;
  /** 版记: the office that printed it and the date. */
  imprint?: { by?: string; printed?: string };
}

export interface DocumentSection {
  /** `一、title`. */
  heading: string;
  text?: string;
  /** `（一）title`, run into its text as the source writes it. */
  items: { heading: string; text?: string }[];
}

/** The notice of a plan as document parts; `annexTitle` names the annex in the 附件说明. */
export function documentParts(plan: Plan, annexTitle: string): DocumentParts {
  const d = m.document;
  const notice = plan.notice && {
    ...(plan.notice.title && { title: plan.notice.title }),
    ...(plan.notice.to && { to: plan.notice.to }),
    ...(plan.notice.text && { text: plan.notice.text }),
    ...(plan.issued && { date: d.date(plan.issued) }),
  };
  const imprint = (plan.printedBy || plan.printed) && {
    ...(plan.printedBy && { by: plan.printedBy }),
    ...(plan.printed && { printed: d.printed(d.date(plan.printed)) }),
  };
  return {
    ...(plan.issuer && { issuerMark: d.issuerMark(plan.issuer) }),
    ...(plan.docNumber && { docNumber: plan.docNumber }),
    ...(notice && Object.keys(notice).length && { notice }),
    title: plan.title,
    ...(plan.intro && { intro: plan.intro }),
    sections: (plan.sections ?? []).map(section),
    ...(plan.tasks.length && { annexNote: d.annexNote(annexTitle) }),
    ...(imprint && { imprint }),
  };
}

function section(s: Section): DocumentSection {
  return {
    heading: numbered(s, (l) => `${l}、`),
    ...(s.text && { text: s.text }),
    items: (s.items ?? []).map((item) => ({ heading: itemHeading(item), ...(item.text && { text: item.text }) })),
  };
}

/** `（一）title`, with a full stop when its text runs on after it. */
function itemHeading(item: SectionItem): string {
  const heading = numbered(item, (l) => `（${l}）`);
  return item.text && !/[。．.！？!?：:；;]$/.test(heading) ? `${heading}。` : heading;
}

/** The title after its number (`label`, or schema 1's `no`), decorated unless the number already is. */
function numbered(part: Section | SectionItem, decorate: (label: string) => string): string {
  const raw = part.label ?? part.no;
  if (raw === undefined || String(raw).trim() === '') return part.title;
  const label = String(raw).trim();
  const decorated = /[、.．]$|^[（(].*[）)]$/.test(label) ? label : decorate(label);
  return `${decorated}${part.title}`;
}

/** A text's paragraphs (split at line breaks), each as runs of plain and `**bold**` text. */
export function paragraphs(text: string): { text: string; bold: boolean }[][] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => line.split(/\*\*(.+?)\*\*/).flatMap((part, i) => (part === '' ? [] : [{ text: part, bold: i % 2 === 1 }])));
}
