import { m } from '../messages.js';
import type { Plan } from '../plan/types.js';
import { documentParts, paragraphs } from './document.js';
import type { Grid } from './grid.js';
import { markdownCell, renderMarkdown } from './markdown.js';

/**
 * The whole notice as markdown: the header and the notice as paragraphs, the plan's title as a
 * heading, its parts as headings with their items run into their text (as the source writes
 * them), the annex as a markdown table, the imprint between rules.
 */
export function documentMarkdown(plan: Plan, annex: Grid): string {
  const p = documentParts(plan, annex.title ?? plan.title);
  const blocks: string[] = [];
  if (p.issuerMark) blocks.push(`**${text(p.issuerMark)}**`);
  if (p.docNumber) blocks.push(text(p.docNumber));
  if (p.issuerMark || p.docNumber) blocks.push('---');
  if (p.notice) {
    const n = p.notice;
    if (n.title) blocks.push(`# ${text(n.title)}`);
    if (n.to) blocks.push(`${text(n.to)}：`);
    if (n.text) blocks.push(...prose(n.text));
    if (n.date) blocks.push(text(n.date));
  }
  blocks.push(`# ${text(p.title)}`);
  if (p.intro) blocks.push(...prose(p.intro));
  for (const s of p.sections) {
    blocks.push(`## ${text(s.heading)}`);
    if (s.text) blocks.push(...prose(s.text));
    for (const item of s.items) {
      const [first = '', ...rest] = item.text ? prose(item.text) : [];
      // The full stop outside the bold: CommonMark does not close ** between a punctuation mark and a letter.
      const [, heading = '', stop = ''] = /^(.*?)([。．.！？!?：:；;]?)$/s.exec(item.heading) ?? [];
      blocks.push(`**${text(heading)}**${text(stop)}${first}`, ...rest);
    }
  }
  if (p.annexNote) blocks.push(text(p.annexNote));
  if (plan.tasks.length) {
    const { title, ...table } = annex;
    blocks.push('---', `**${text(m.document.annex)}**`);
    if (title) blocks.push(`## ${text(title)}`);
    blocks.push(renderMarkdown(table).trimEnd());
  }
  if (p.imprint) blocks.push('---', text([p.imprint.by, p.imprint.printed].filter(Boolean).join('　')), '---');
  return `${blocks.join('\n\n')}\n`;
}

/** A text's paragraphs with their `**bold**` runs kept bold and everything else escaped. */
function prose(s: string): string[] {
  return paragraphs(s).map((runs) => runs.map((r) => (r.bold ? `**${text(r.text)}**` : text(r.text))).join(''));
}

/** Text escaped for a markdown paragraph: as in a table cell, and no line may start a block (heading, list, quote). */
function text(s: string): string {
  return markdownCell(s)
    .replace(/^(\s*)([#>+-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}
