import type { Grid } from './grid.js';
import { documentParts, paragraphs, type DocumentParts } from './document.js';
import { annexHtml, escapeHtml, htmlPage, isWide } from './html.js';
import { KAI, pageRule, SANS, SERIF, TITLE } from './print-css.js';
import { displayWidth } from './terminal.js';
import type { Plan } from '../plan/types.js';

/** GB/T 9704 margins (top right bottom left), for a 版心 of 156 mm × 225 mm. */
const MARGIN = '37mm 26mm 35mm 28mm';
/** The annex page turned: its long sides keep the long sides' margins. */
const LANDSCAPE_MARGIN = '28mm 37mm 26mm 35mm';
/** The 版心 width in points, for fitting the 发文机关标志 on one line. */
const TEXT_WIDTH_PT = 442;

const CSS = `
body { font-family: ${SERIF}; font-size: 16pt; line-height: 28pt; max-width: 156mm; margin: 2rem auto; padding: 0 1rem; color: #000; }
p { margin: 0; text-indent: 2em; text-align: justify; }
h1, .issuer-mark { font-family: ${TITLE}; font-weight: normal; text-align: center; }
h1 { font-size: 22pt; line-height: 1.5; margin: 28pt 0; }
h2 { font-family: ${SANS}; font-weight: normal; font-size: 16pt; margin: 0; text-indent: 2em; }
.item-heading { font-family: ${KAI}; font-weight: normal; }
.masthead { text-align: center; }
.issuer-mark { color: #d00; line-height: 1.2; margin: 10mm 0 14mm; letter-spacing: .05em; white-space: nowrap; }
.doc-number { text-indent: 0; text-align: center; }
.red-rule { border: 0; border-top: 2px solid #d00; margin: 4mm 0 0; }
.to { text-indent: 0; }
.date { text-align: right; padding-right: 4em; margin-top: 28pt; }
.annex-note { margin-top: 28pt; }
.plan, .annex { break-before: page; }
.plan.first { break-before: auto; }
.annex { page: annex; font-size: 12pt; line-height: 1.5; }
.annex + .imprint { page: annex; }
.annex .annex-label { font-family: ${SANS}; font-size: 16pt; text-indent: 0; margin: 0 0 1em; }
.annex .annex-title { font-family: ${TITLE}; font-size: 22pt; line-height: 1.5; margin: 0 0 .75em; }
.annex th, .annex td { padding: .3em .5em; border-color: #000; }
.annex th { background: none; }
.imprint { margin-top: 28pt; border-top: 1px solid #000; border-bottom: 1px solid #000; padding: 0 .5em; font-size: 14pt; line-height: 2; display: flex; justify-content: space-between; gap: 1em; break-inside: avoid; }
strong { font-family: ${SANS}; font-weight: normal; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { margin: 0; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
}
`;

/** The whole notice as one printable page in the 公文 layout of GB/T 9704; `annex` is the annex table as render draws it. */
export function documentHtml(plan: Plan, annex: Grid, lang: string): string {
  const parts = documentParts(plan, annex.title ?? plan.title);
  const page = pageRule({ margin: MARGIN }) + pageRule({ name: 'annex', landscape: isWide(annex), margin: isWide(annex) ? LANDSCAPE_MARGIN : MARGIN });
  const body = [masthead(parts), notice(parts), planText(parts), ...(plan.tasks.length ? [annexHtml(annex)] : []), imprint(parts)].filter(Boolean).join('\n');
  return htmlPage({ lang, title: parts.notice?.title ?? parts.title, body, css: CSS + page });
}

/** `**bold**` runs as <strong>, every character escaped. */
function inline(runs: { text: string; bold: boolean }[]): string {
  return runs.map((r) => (r.bold ? `<strong>${escapeHtml(r.text)}</strong>` : escapeHtml(r.text))).join('');
}

function textParagraphs(text: string | undefined, lead = ''): string[] {
  if (!text) return lead ? [`<p>${lead}</p>`] : [];
  return paragraphs(text).map((runs, i) => `<p>${i === 0 ? lead : ''}${inline(runs)}</p>`);
}

function masthead(p: DocumentParts): string {
  if (!p.issuerMark && !p.docNumber) return '';
  // As large as fits one line of the 版心, at most 36pt (the mark is set in one line, centred).
  const size = p.issuerMark ? Math.max(16, Math.min(36, Math.floor(TEXT_WIDTH_PT / Math.max(1, displayWidth(p.issuerMark) / 2 + 1)))) : 0;
  return [
    '<header class="masthead">',
    ...(p.issuerMark ? [`<div class="issuer-mark" style="font-size: ${size}pt">${escapeHtml(p.issuerMark)}</div>`] : []),
    ...(p.docNumber ? [`<p class="doc-number">${escapeHtml(p.docNumber)}</p>`] : []),
    '<hr class="red-rule">',
    '</header>',
  ].join('\n');
}

function notice(p: DocumentParts): string {
  const n = p.notice;
  if (!n) return '';
  return [
    '<section class="notice">',
    ...(n.title ? [`<h1>${escapeHtml(n.title)}</h1>`] : []),
    ...(n.to ? [`<p class="to">${escapeHtml(n.to)}：</p>`] : []),
    ...textParagraphs(n.text),
    ...(n.date ? [`<p class="date">${escapeHtml(n.date)}</p>`] : []),
    '</section>',
  ].join('\n');
}

function planText(p: DocumentParts): string {
  const first = !p.notice ? ' first' : '';
  const sections = p.sections.flatMap((s) => [
    `<h2>${escapeHtml(s.heading)}</h2>`,
    ...textParagraphs(s.text),
    ...s.items.flatMap((item) => textParagraphs(item.text, `<span class="item-heading">${escapeHtml(item.heading)}</span>`)),
  ]);
  return [
    `<section class="plan${first}">`,
    `<h1>${escapeHtml(p.title)}</h1>`,
    ...textParagraphs(p.intro),
    ...sections,
    ...(p.annexNote ? [`<p class="annex-note">${escapeHtml(p.annexNote)}</p>`] : []),
    '</section>',
  ].join('\n');
}

function imprint(p: DocumentParts): string {
  const i = p.imprint;
  if (!i) return '';
  return `<footer class="imprint"><span>${escapeHtml(i.by ?? '')}</span><span>${escapeHtml(i.printed ?? '')}</span></footer>`;
}
