import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlanText, loadPlan } from '../../src/io/load.js';
import { planText } from '../../src/io/plan-text.js';
import { schemaRefFor } from '../../src/io/schema-ref.js';
import { skeletonPlan } from '../../src/plan/new-plan.js';
import { SEED_PLAN, seedPlan, testdir } from '../helpers.js';

describe('planText', () => {
  it('writes the bundled plan back byte for byte: header, flow registry, narrative, tasks one blank line apart', async () => {
    expect(planText((await loadPlan(SEED_PLAN)).plan, '../schemas/plan.schema.json')).toBe(seedPlan());
  });

  it('writes a plan without a narrative or a schema line, and it validates', async () => {
    const text = planText(skeletonPlan(2024));
    expect(text).toBe(
      '---\nschemaVersion: 1\nyear: 2024\ntitle: 2024年工作计划\nannexTitle: 2024年主要工作计划表\ndepartments: [办公室]\n\n' +
        'tasks:\n  - id: 1\n    period: 全年\n    content: 示例任务：请改为实际工作内容\n    departments: [办公室]\n',
    );
    expect((await checkPlanText('new.yaml', text)).problems).toEqual([]);
  });

  it('quotes what YAML would misread', async () => {
    const plan = { ...skeletonPlan(2024), title: 'yes', departments: ['a, b', '#1'] };
    plan.tasks = [{ id: 3, period: '3-4月', content: '- 列表? 不: 文本\n第二行', departments: ['a, b', '#1'] }];
    const { plan: back, problems } = await checkPlanText('q.yaml', planText(plan));
    expect(problems).toEqual([]);
    expect(back).toMatchObject({ title: 'yes', departments: ['a, b', '#1'], tasks: [{ content: '- 列表? 不: 文本\n第二行' }] });
  });
});

describe('schemaRefFor', () => {
  const repo = testdir({ 'schemas/plan.schema.json': '{}' });
  mkdirSync(join(repo, 'plans'));
  it.each([
    ['plans/2024.yaml', '../schemas/plan.schema.json'],
    ['2024.yaml', 'schemas/plan.schema.json'],
    ['drafts/x/2024.yaml', '../../schemas/plan.schema.json'],
  ])('%s → %s', (file, ref) => {
    expect(schemaRefFor(join(repo, file))).toBe(ref);
  });
  it('is undefined outside a tree with the schema', async () => {
    expect(schemaRefFor(join(testdir(), 'plans/2024.yaml'))).toBeUndefined();
  });
});
