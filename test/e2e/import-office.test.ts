import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/io/load.js';
import { ROOT, run, testdir } from '../helpers.js';
import { makeDocx, makeXlsx } from '../office-files.js';

/** Imports `file` in a fresh folder, checks the written plan validates, and gives it. */
async function imported(file: string, bytes: Uint8Array, args: string[] = []) {
  const dir = testdir({ [file]: bytes });
  const r = run(['import', file, '-o', 'plan.yaml', ...args], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  expect(run(['validate', 'plan.yaml'], { cwd: dir })).toMatchObject({ code: 0 });
  return { r, plan: (await loadPlan(join(dir, 'plan.yaml'))).plan };
}

const annexDocx = () =>
  makeDocx({
    paragraphsAbove: ['关于印发《2024年区总工会工作要点》的通知', '各部门：', '现将有关事项通知如下。'],
    tables: [
      { rows: [['单位', '联系人', '电话'], ['办公室', '张三', '1234']] },
      {
        paragraphsAbove: ['附件', '2024年区总工会工作要点任务分解表'],
        headerRow: true,
        rows: [
          ['序号', '时间', '工作任务', '牵头单位', '配合单位'],
          [{ text: '一、建功立业', columnSpan: 5 }],
          ['1', { text: '3月', vMerge: 'restart' }, '完成年度职工技能竞赛\n参赛不少于200人', '组宣部', '财务部'],
          ['2', { text: '', vMerge: 'continue' }, '职工书屋建设', '组宣部', ''],
          [{ text: '二、自身建设', columnSpan: 5 }],
          ['3', '全年', '经费审计', '财务部', '办公室、组宣部'],
        ],
      },
    ],
  });

describe('plan import of Word and Excel files', () => {
  it('finds the annex among the tables of a Word document: merged times, categories, breaks in cells, the year above', async () => {
    const { r, plan } = await imported('annex.docx', await annexDocx());
    expect(r.stdout).toBe('已创建 plan.yaml (3 项任务，3 个部门)\n');
    expect(plan.year).toBe(2024);
    expect(plan.title).toBe('2024年区总工会工作要点');
    expect(plan.columns).toEqual([
      { title: '序号', key: 'id' },
      { title: '时间', key: 'period' },
      { title: '工作任务', key: 'content' },
      { title: '牵头单位', key: 'departments' },
      { title: '配合单位', key: 'support' },
    ]);
    expect(plan.tasks.map(({ id, period, content, departments, support, group }) => ({ id, period, content, departments, support, group }))).toEqual([
      { id: 1, period: '3月', content: '完成年度职工技能竞赛\n参赛不少于200人', departments: ['组宣部'], support: ['财务部'], group: '一、建功立业' },
      { id: 2, period: '3月', content: '职工书屋建设', departments: ['组宣部'], support: undefined, group: '一、建功立业' },
      { id: 3, period: '全年', content: '经费审计', departments: ['财务部'], support: ['办公室', '组宣部'], group: '二、自身建设' },
    ]);
  });

  it('reads --sheet 2 of a workbook: a merged title row with the year, merged times, numbers', async () => {
    const bytes = await makeXlsx({
      sheets: [
        { name: '封面', rows: [['2023年旧表'], ['序号', '内容', '负责部门'], [1, '旧任务', '办公室']] },
        {
          name: '2024',
          rows: [
            ['2024年区总工会重点工作任务分解表'],
            ['序号', '时间', '工作任务', '牵头单位', '配合单位'],
            [1, '3月', '完成年度职工技能竞赛', '组宣部', '财务部'],
            [2, null, '职工书屋建设', '组宣部', null],
            [3, '7-8月', { richText: [{ text: '“金秋助学”' }, { text: '活动' }] }, '办公室', '财务部、组宣部'],
          ],
          merges: ['A1:E1', 'B3:B4'],
        },
      ],
    });
    const { r, plan } = await imported('plan.xlsx', bytes, ['--sheet', '2']);
    expect(r.stdout).toBe('已创建 plan.yaml (3 项任务，3 个部门)\n');
    expect(plan.year).toBe(2024);
    expect(plan.tasks.map(({ id, period, content, departments, support }) => ({ id, period, content, departments, support }))).toEqual([
      { id: 1, period: '3月', content: '完成年度职工技能竞赛', departments: ['组宣部'], support: ['财务部'] },
      { id: 2, period: '3月', content: '职工书屋建设', departments: ['组宣部'], support: undefined },
      { id: 3, period: '7-8月', content: '“金秋助学”活动', departments: ['办公室'], support: ['财务部', '组宣部'] },
    ]);
  });

  it('reads a Word notice without a table as the text list it holds: month headings, 牵头单位 lines, the title in 《》', async () => {
    const bytes = await makeDocx({
      paragraphsAbove: ['关于印发《2024年局工会工作要点》的通知', '各科室：', '', '一、三月份', '1. 开展学习', '牵头单位：局工会', '2. 职工书屋验收', '牵头单位：办公室、局工会', '二、四月份', '3. 春季健步走', '牵头单位：组宣部'],
      tables: [],
    });
    const { r, plan } = await imported('notice.docx', bytes);
    expect(r.stdout).toBe('已创建 plan.yaml (3 项任务，3 个部门)\n');
    expect(plan).toMatchObject({ year: 2024, title: '2024年局工会工作要点', departments: ['局工会', '办公室', '组宣部'] });
    expect(plan.tasks.map(({ id, period, content, departments }) => ({ id, period, content, departments }))).toEqual([
      { id: 1, period: '三月份', content: '开展学习', departments: ['局工会'] },
      { id: 2, period: '三月份', content: '职工书屋验收', departments: ['办公室', '局工会'] },
      { id: 3, period: '四月份', content: '春季健步走', departments: ['组宣部'] },
    ]);
  });

  it('reads the list of a Word document whose only table has no header row, paragraphs below it too; problems name the paragraph', async () => {
    const contacts = { rows: [['联系人', '张三'], ['电话', '1234']] };
    const list = ['3月：', '1. 开展学习', '4月：', '2. 春季健步走'];
    const { plan } = await imported('below.docx', await makeDocx({ paragraphsAbove: ['2024年局工会工作安排'], tables: [contacts], paragraphsBelow: list }));
    expect(plan.tasks.map(({ period, content }) => [period, content])).toEqual([
      ['3月', '开展学习'],
      ['4月', '春季健步走'],
    ]);
    expect(plan.title).toBe('2024年工作计划');
    const dir = testdir({ 'bad.docx': await makeDocx({ paragraphsAbove: ['2024年安排', '', '3月：', '1. 甲', '2. 乙', '牵头单位：办公室', '完成时限：13月'], tables: [] }) });
    const bad = run(['import', 'bad.docx', '-o', 'plan.yaml'], { cwd: dir });
    expect(bad.code).toBe(1);
    // Paragraph 5 (the blank one counts), where the item starts.
    expect(bad.stderr).toMatch(/^plan: bad\.docx:5:4: 完成时限 "13月"/);
    const none = run(['import', 'plain.docx', '-o', 'plan.yaml'], { cwd: testdir({ 'plain.docx': await makeDocx({ paragraphsAbove: ['只有文字'], tables: [contacts] }) }) });
    expect(none).toMatchObject({ code: 1 });
    expect(none.stderr).toMatch(/^plan: plain\.docx/);
  });

  it('says what is wrong with a damaged file or an unknown sheet, without a stack', async () => {
    const docx = await annexDocx();
    const dir = testdir({ 'broken.docx': docx.subarray(0, 200), 'plan.xlsx': await makeXlsx({ sheets: [{ name: '任务', rows: [['a']] }] }) });
    const broken = run(['import', 'broken.docx', '-o', 'plan.yaml'], { cwd: dir });
    expect(broken).toMatchObject({ code: 1 });
    expect(broken.stderr).toMatch(/^plan: broken\.docx: 不是有效的 Word 文档 \(.+\)\n$/);
    const sheet = run(['import', 'plan.xlsx', '--sheet', '工作表2'], { cwd: dir });
    expect(sheet).toMatchObject({ code: 2, stderr: 'plan: plan.xlsx: 没有工作表 "工作表2" (工作簿中的工作表：任务；--sheet 可写名称或序号 1-1)\n' });
  });

  // The Word and Excel readers (jszip, fast-xml-parser, exceljs) are bundles of their own.
  it('loads the readers only for the files that need them', async () => {
    const dir = testdir({ 'annex.tsv': '2024年要点\n序号\t时间\t内容\t负责部门\n1\t3月\t甲\t办公室\n', 'annex.docx': await annexDocx() });
    const loaded = (file: string) => {
      const r = run(['import', file, '-o', `${file}.yaml`], { cwd: dir, env: { NODE_OPTIONS: `--require ${join(ROOT, 'test/fixtures/trace-modules.cjs')}` } });
      expect(r.code, r.stderr).toBe(0);
      return /loaded: (.*)/.exec(r.stderr)![1]!.split(' ');
    };
    const text = loaded('annex.tsv');
    expect(text).toContain('import.cjs');
    expect(text).not.toContain('docx-table.cjs');
    expect(text).not.toContain('xlsx-table.cjs');
    const word = loaded('annex.docx');
    expect(word).toContain('docx-table.cjs');
    expect(word).not.toContain('xlsx-table.cjs');
  });
});
