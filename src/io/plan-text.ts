import type { NewPlan } from '../plan/new-plan.js';
import type { Section, SectionItem } from '../plan/types.js';
import { yamlFlowList, yamlScalar } from './yaml-text.js';

const HEADER_KEYS = ['schemaVersion', 'year', 'title', 'issuer', 'docNumber', 'issued', 'notice', 'printedBy', 'printed', 'annexTitle', 'departments'] as const;
const NOTICE_KEYS = ['title', 'to', 'text'] as const;

/**
 * The text of a new plan file in the layout of SPEC "Writing the plan file": header keys in
 * schema order, the registry as a flow list, then the narrative and the tasks as block
 * mappings, one blank line between sections and between tasks. `schemaRef`, when given, is
 * the path written in the first line for the YAML language server.
 */
export function planText(plan: NewPlan, schemaRef?: string): string {
  const header: string[] = schemaRef === undefined ? [] : [`# yaml-language-server: $schema=${schemaRef}`];
  for (const key of HEADER_KEYS) {
    const value = plan[key];
    if (value === undefined) continue;
    if (key === 'notice') {
      const notice = plan.notice!;
      header.push('notice:', ...NOTICE_KEYS.flatMap((k) => (notice[k] === undefined ? [] : [`  ${k}: ${yamlScalar(notice[k]!)}`])));
    } else if (key === 'departments') header.push(`departments: ${yamlFlowList(plan.departments)}`);
    else header.push(`${key}: ${scalar(value as string | number)}`);
  }
  const blocks = [header.join('\n')];
  if (plan.intro !== undefined) blocks.push(`intro: ${yamlScalar(plan.intro)}`);
  if (plan.sections !== undefined) blocks.push(`sections:${plan.sections.length ? '\n' : ' []'}${plan.sections.map((s) => sectionText(s)).join('\n\n')}`);
  const tasks = plan.tasks.map((t) =>
    [`  - id: ${t.id}`, `    period: ${yamlScalar(t.period)}`, `    content: ${yamlScalar(t.content)}`, `    departments: ${yamlFlowList(t.departments)}`].join('\n'),
  );
  blocks.push(`tasks:${tasks.length ? '\n' : ' []'}${tasks.join('\n\n')}`);
  return `${blocks.join('\n\n')}\n`;
}

function scalar(v: string | number): string {
  return typeof v === 'number' ? String(v) : yamlScalar(v);
}

/** A narrative part (or, indented, one of its items) as a block sequence entry. */
function sectionText(s: Section | SectionItem, indent = '  '): string {
  const lines = [`${indent}- ${s.no === undefined ? `title: ${yamlScalar(s.title)}` : `no: ${scalar(s.no)}`}`];
  const inner = `${indent}  `;
  if (s.no !== undefined) lines.push(`${inner}title: ${yamlScalar(s.title)}`);
  if (s.text !== undefined) lines.push(`${inner}text: ${yamlScalar(s.text)}`);
  const items = 'items' in s ? s.items : undefined;
  if (items !== undefined) lines.push(`${inner}items:${items.length ? '' : ' []'}`, ...items.map((i) => sectionText(i, `${inner}  `)));
  return lines.join('\n');
}
