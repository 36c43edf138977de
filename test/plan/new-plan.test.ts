import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/io/load.js';
import { rolloverPlan, skeletonPlan } from '../../src/plan/new-plan.js';
import type { Plan } from '../../src/plan/types.js';
import { SEED_PLAN } from '../helpers.js';

const seed = (await loadPlan(SEED_PLAN)).plan;

describe('rolloverPlan', () => {
  const next = rolloverPlan(seed, 2024);

  it('moves the header to the new year and drops the dates of issue', async () => {
    expect(next).toMatchObject({
      year: 2024,
      title: '2024年市城管执法局工会工作计划',
      annexTitle: '2024年市城管执法局工会主要工作计划表',
      docNumber: '沪城管工〔2024〕1号',
      issuer: seed.issuer,
      printedBy: seed.printedBy,
      notice: { title: '关于印发《2024年市城管执法局工会工作计划》的通知', to: seed.notice!.to, text: '现将《2024年市城管执法局工会工作计划》印发给你们，请结合实际，认真遵照执行。' },
      departments: seed.departments,
    });
    expect(next).not.toHaveProperty('issued');
    expect(next).not.toHaveProperty('printed');
  });

  it('keeps the narrative as it was (its years may be facts)', async () => {
    expect(next.intro).toBe(seed.intro);
    expect(next.sections).toEqual(seed.sections);
  });

  it('keeps the tasks without completion records or logs, periods canonical', async () => {
    const done: Plan = {
      ...seed,
      schemaVersion: 1,
      tasks: [
        { id: 7, period: '3～4 月', content: '读书沙龙', departments: ['局工会'], completed: { date: '2023-04-20', by: '张三', note: '好' }, log: [{ date: '2023-03-15', note: '场地' }] },
      ],
    };
    expect(rolloverPlan(done, 2024).tasks).toEqual([{ id: 7, period: '3-4月', content: '读书沙龙', departments: ['局工会'] }]);
  });

  it('keeps schema 2 times as written, and every key but the records; a time naming the old year becomes canonical', () => {
    const v2: Plan = {
      ...seed,
      schemaVersion: 2,
      columns: [{ title: '序号', key: 'id' }, { title: '工作任务', key: 'content' }, { title: '考核要点' }, { title: '完成时限', key: 'due' }],
      tasks: [
        { id: 1, period: '三、四月份', content: 'a', support: ['局工会'], owners: ['王敏'], group: '一、建功立业', fields: { 考核要点: '不少于200人' }, cancelled: { date: '2023-02-01' } },
        { id: 2, due: '2023年10月底前', content: 'b', log: [{ date: '2023-03-01', note: 'x' }] },
      ],
    };
    expect(rolloverPlan(v2, 2024).tasks).toEqual([
      { id: 1, period: '三、四月份', content: 'a', support: ['局工会'], owners: ['王敏'], group: '一、建功立业', fields: { 考核要点: '不少于200人' } },
      { id: 2, due: '10月底前', content: 'b' },
    ]);
    expect(rolloverPlan(v2, 2024).columns).toEqual(v2.columns);
  });

  it('carries a schema 1 plan over as schema 2, its narrative numbers keyed label (YAML 1.1 reads the key no as false)', () => {
    const v1: Plan = { ...seed, schemaVersion: 1, sections: [{ no: '一', title: '总则', items: [{ no: '1', title: '细则' }] }], tasks: [] };
    expect(rolloverPlan(v1, 2024)).toMatchObject({ schemaVersion: 2, sections: [{ label: '一', title: '总则', items: [{ label: '1', title: '细则' }] }] });
    expect(JSON.stringify(rolloverPlan(v1, 2024).sections)).not.toContain('"no"');
  });

  it('changes the year only where it stands alone as four digits', async () => {
    const { annexTitle: _a, docNumber: _d, notice: _n, ...bare } = seed;
    const plan: Plan = { ...bare, title: '2023年计划（12023号、20234、2023）' };
    const out = rolloverPlan(plan, 2024);
    expect(out.title).toBe('2024年计划（12023号、20234、2024）');
    expect(out).not.toHaveProperty('annexTitle');
    expect(out).not.toHaveProperty('notice');
  });

  it('does not change the plan it starts from', async () => {
    expect(seed.year).toBe(2023);
    expect(seed.issued).toBe('2023-02-13');
  });
});

describe('skeletonPlan', () => {
  it('has a title for the year and one example to replace', async () => {
    expect(skeletonPlan(2030)).toMatchObject({ year: 2030, title: '2030年工作计划', departments: ['办公室'], tasks: [{ id: 1, period: '全年' }] });
  });
});
