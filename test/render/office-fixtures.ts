// Plans and readers shared by the xlsx and docx export tests.
import { join } from 'node:path';
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import { loadPlan } from '../../src/io/load.js';
import type { Plan } from '../../src/plan/types.js';
import { viewTasks } from '../../src/plan/view.js';
import type { Grid } from '../../src/render/grid.js';
import { annexGrid } from '../../src/render/tasks.js';
import { SEED_PLAN, testdir } from '../helpers.js';

/** Schema 2 with its own columns, an extra field, a line break in a cell and categories that are not a column. */
export const V2_PLAN = `schemaVersion: 2
year: 2024
title: 2024年区总工会重点工作任务分解表
annexTitle: 2024年区总工会重点工作任务分解表[草稿]:第一版/修订?
departments: [办公室, 组宣部, 财务部]
columns:
  - {title: 序号, key: id}
  - {title: 时间, key: period}
  - {title: 工作任务, key: content}
  - {title: 考核要点}
  - {title: 牵头单位, key: departments}
  - {title: 配合单位, key: support}
tasks:
  - id: 1
    period: 3月
    content: 完成年度职工技能竞赛
    departments: [组宣部]
    support: [财务部]
    group: 一、建功立业
    fields: {考核要点: '=参赛职工不少于200人'}

  - id: 2
    period: 3月
    content: 职工书屋建设
    departments: [组宣部]
    group: 一、建功立业

  - id: 3
    period: 3月
    content: 月度工作例会
    departments: [办公室]
    group: 二、自身建设

  - id: 4
    period: 全年
    content: "经费审计\\n年报年统"
    departments: [财务部]
    support: [办公室, 组宣部]
    group: 二、自身建设
`;

export async function seedPlanData(): Promise<Plan> {
  return (await loadPlan(SEED_PLAN)).plan;
}

export async function v2PlanData(): Promise<Plan> {
  const dir = testdir({ 'plan.yaml': V2_PLAN });
  return (await loadPlan(join(dir, 'plan.yaml'))).plan;
}

/** The annex grid render builds for a plan. */
export function gridOf(plan: Plan, withStatus = false): Grid {
  return annexGrid(plan, viewTasks(plan, `${plan.year}-04-10`), { title: plan.annexTitle ?? plan.title, withStatus });
}

const ARRAYS = new Set(['w:p', 'w:r', 'w:t', 'w:tbl', 'w:tr', 'w:tc', 'w:br', 'w:sectPr', 'w:gridCol']);

/** word/document.xml of a docx, parsed: attributes without prefix, the repeating elements always arrays. */
export async function docxBody(bytes: Uint8Array): Promise<any> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ARRAYS.has(name), trimValues: false });
  return parser.parse(xml)['w:document']['w:body'];
}

/** A paragraph's text, a `w:br` as a line break. */
export function paragraphText(p: any): string {
  return (p['w:r'] ?? [])
    .map((r: any) => (r['w:br'] ? '\n' : '') + (r['w:t'] ?? []).map((t: any) => (typeof t === 'string' ? t : String(t['#text'] ?? ''))).join(''))
    .join('');
}

/** A table's rows as cell texts (a cell's paragraphs joined by line breaks). */
export function tableTexts(tbl: any): string[][] {
  return tbl['w:tr'].map((tr: any) => tr['w:tc'].map((tc: any) => tc['w:p'].map(paragraphText).join('\n')));
}
