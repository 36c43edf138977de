import { TASK_FIELDS } from '../plan/fields.js';
import type { NewPlan, NewTask } from '../plan/new-plan.js';
import type { Section, SectionItem } from '../plan/types.js';
import { yamlFlowList, yamlFlowMap, yamlScalar } from './yaml-text.js';

const HEADER_KEYS = ['schemaVersion', 'year', 'title', 'issuer', 'docNumber', 'issued', 'notice', 'printedBy', 'printed', 'annexTitle', 'departments', 'columns'] as const;
const NOTICE_KEYS = ['title', 'to', 'text'] as const;

/**
 * The text of a new plan file in the layout of SPEC "Writing the plan file": header keys in
 * schema order, the registry as a flow list, then the narrative and the tasks as block
 * mappings, one blank line between sections and between tasks; the document starts with `---`,
 * as yamllint asks. `schemaRef`, when given, is the path written in the first line (the comment
 * before the document) for the YAML language server.
 */
export function planText(plan: NewPlan, schemaRef?: string): string {
  const header: string[] = [...(schemaRef === undefined ? [] : [`# yaml-language-server: $schema=${schemaRef}`]), '---'];
  for (const key of HEADER_KEYS) {
    const value = plan[key];
    if (value === undefined) continue;
    if (key === 'notice') {
      const notice = plan.notice!;
      header.push('notice:', ...NOTICE_KEYS.flatMap((k) => (notice[k] === undefined ? [] : [`  ${k}: ${yamlScalar(notice[k]!)}`])));
    } else if (key === 'departments') header.push(`departments: ${yamlFlowList(plan.departments)}`);
    else if (key === 'columns') header.push('columns:', ...plan.columns!.map((c) => `  - ${yamlFlowMap({ ...c })}`));
    else header.push(`${key}: ${scalar(value as string | number)}`);
  }
  const blocks = [header.join('\n')];
  if (plan.intro !== undefined) blocks.push(`intro: ${yamlScalar(plan.intro)}`);
  if (plan.sections !== undefined) blocks.push(`sections:${plan.sections.length ? '\n' : ' []'}${plan.sections.map((s) => sectionText(s)).join('\n\n')}`);
  const tasks = plan.tasks.map(taskText);
  blocks.push(`tasks:${tasks.length ? '\n' : ' []'}${tasks.join('\n\n')}`);
  return `${blocks.join('\n\n')}\n`;
}

function scalar(v: string | number): string {
  return typeof v === 'number' ? String(v) : yamlScalar(v);
}

/** A task as a block mapping: its keys in the order of the field table, then its extra fields. */
function taskText(t: NewTask): string {
  const lines = [`  - id: ${t.id}`];
  for (const { key } of TASK_FIELDS) {
    const value = t[key];
    if (key === 'id' || value === undefined) continue;
    lines.push(`    ${key}: ${Array.isArray(value) ? yamlFlowList(value) : yamlScalar(String(value))}`);
  }
  if (t.fields !== undefined) lines.push(`    fields: ${yamlFlowMap(t.fields)}`);
  return lines.join('\n');
}

/** A narrative part (or, indented, one of its items) as a block sequence entry, numbered by `label` (schema 2) or `no`. */
function sectionText(s: Section | SectionItem, indent = '  '): string {
  const key = s.label !== undefined ? 'label' : 'no';
  const number = s.label ?? s.no;
  const lines = [`${indent}- ${number === undefined ? `title: ${yamlScalar(s.title)}` : `${key}: ${scalar(number)}`}`];
  const inner = `${indent}  `;
  if (number !== undefined) lines.push(`${inner}title: ${yamlScalar(s.title)}`);
  if (s.text !== undefined) lines.push(`${inner}text: ${yamlScalar(s.text)}`);
  const items = 'items' in s ? s.items : undefined;
  if (items !== undefined) lines.push(`${inner}items:${items.length ? '' : ' []'}`, ...items.map((i) => sectionText(i, `${inner}  `)));
  return lines.join('\n');
}
