import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/io/load.js';
import { tableRows, type TableFormat } from '../../src/io/table-text.js';
import { run, testdir } from '../helpers.js';

/** The cells of a table text from its header row on (the row starting with `first`), trailing blank cells dropped. */
function cells(text: string, format: TableFormat, first: string): string[][] {
  const rows = tableRows(text.replace(/\r\n/g, '\n'), format).rows.map((r) => r.cells.map((c) => c.text));
  const from = rows.findIndex((r) => r[0] === first);
  expect(from, `no row starting with ${first}`).toBeGreaterThanOrEqual(0);
  const table = rows.slice(from).filter((r) => r.some((c) => c.trim()));
  return table.map((r) => {
    const out = [...r];
    while (out.length > 1 && !out.at(-1)) out.pop();
    return out;
  });
}

/** Imports `file` in a fresh folder, checks the plan validates, and returns what `render --format` gives. */
async function importAndRender(file: string, text: string, format: TableFormat, args: string[] = []) {
  const dir = testdir({ [file]: text });
  const r = run(['import', file, '-o', 'plan.yaml', ...args], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  expect(run(['validate', 'plan.yaml'], { cwd: dir })).toMatchObject({ code: 0 });
  const rendered = run(['render', '-f', 'plan.yaml', '--format', format], { cwd: dir });
  expect(rendered.code, rendered.stderr).toBe(0);
  return { r, rendered: rendered.stdout, plan: (await loadPlan(join(dir, 'plan.yaml'))).plan, text: readFileSync(join(dir, 'plan.yaml'), 'utf8') };
}

describe('plan import: the tables offices have, and render gives them back cell for cell', () => {
  it('TSV from Word: category rows, 配合单位, 责任人 and 备注 (kept as a field, and said so)', async () => {
    const tsv = [
      '附件',
      '2024年区总工会重点工作任务分解表',
      '序 号\t工作任务\t责任单位\t配合单位\t责任人\t完成时限\t备    注',
      '一、建功立业\t\t\t\t\t\t',
      '1\t完成年度职工技能竞赛\t组宣部\t财务部、办公室\t王敏、李华\t9月底前\t参赛不少于200人',
      '2\t开展劳模评选\t组宣部\t\t王敏\t\t',
      '二、服务职工\t\t\t\t\t\t',
      '3\t“两节”送温暖\t办公室\t各基层工会\t张三\t2月\t',
      '',
    ].join('\n');
    const { r, rendered, plan } = await importAndRender('annex.txt', tsv, 'tsv');
    expect(r.stdout).toBe('已创建 plan.yaml (3 项任务，4 个部门)\n');
    expect(r.stderr).toBe("plan: 这些列没有对应的任务字段，已按原标题保留为附加列：备注 (如需改为其他字段，可用 --columns '备注=owners' 这样指定)\n");
    expect(plan.columns).toEqual([
      { title: '序号', key: 'id' },
      { title: '工作任务', key: 'content' },
      { title: '责任单位', key: 'departments' },
      { title: '配合单位', key: 'support' },
      { title: '责任人', key: 'owners' },
      { title: '完成时限', key: 'due' },
      { title: '备注' },
    ]);
    expect(plan.tasks[0]).toEqual({ id: 1, due: '9月底前', content: '完成年度职工技能竞赛', departments: ['组宣部'], support: ['财务部', '办公室'], owners: ['王敏', '李华'], group: '一、建功立业', fields: { 备注: '参赛不少于200人' } });
    expect(plan.tasks[1]).toMatchObject({ due: '9月底前', group: '一、建功立业' });
    expect(cells(rendered, 'tsv', '序号')).toEqual(cells(tsv.replace('序 号', '序号').replace('备    注', '备注'), 'tsv', '序号'));
  });

  it('CSV with 完成时限 and 考核要点: 责任单位 beside 牵头单位 is the co-operating units', async () => {
    const csv = [
      '2024年某局工会目标任务分解表,,,,,',
      '序号,目标任务,考核要点,牵头单位,责任单位,完成时限',
      '1,深化职工思想政治引领,"开展主题宣讲不少于4场，覆盖全体职工",局工会,机关工会、女工委,年底前',
      '2,推进普惠服务,"14岁以下的职工子女、退休职工均可报名",局工会,,6月底前',
      '3,建设职工之家,,机关工会,组织人事处,第三季度',
      '',
    ].join('\r\n');
    const { r, rendered, plan } = await importAndRender('annex.csv', csv, 'csv');
    expect(r.stderr).toContain('考核要点');
    expect(plan.columns!.map((c) => c.key ?? c.title)).toEqual(['id', 'content', '考核要点', 'departments', 'support', 'due']);
    expect(plan.tasks.map((t) => [t.departments, t.support ?? []])).toEqual([
      [['局工会'], ['机关工会', '女工委']],
      [['局工会'], []],
      [['机关工会'], ['组织人事处']],
    ]);
    expect(plan.tasks[1]!.fields).toEqual({ 考核要点: '14岁以下的职工子女、退休职工均可报名' });
    expect(plan.departments).toEqual(['局工会', '机关工会', '女工委', '组织人事处']);
    expect(cells(rendered, 'csv', '序号')).toEqual(cells(csv, 'csv', '序号'));
  });

  it('markdown with 时间安排 and merged (blank) times, an extra column named by --columns', async () => {
    const md = [
      '### 2025年机关工会活动安排',
      '',
      '| 时间安排 | 活动内容 | 参加范围 | 负责部门 |',
      '| --- | --- | --- | --- |',
      '| 1-2月 | 春节联欢 | 全体职工 | 机关工会 |',
      '|  | 亲子活动 | 14岁以下的职工子女 | 女工委、机关工会 |',
      '| 6月上旬 | 职工运动会 | 全体职工 | 机关工会 |',
      '|  | 读书沙龙 |  | 机关工会 |',
      '',
    ].join('\n');
    const { rendered, plan } = await importAndRender('annex.md', md, 'markdown', ['--columns', '参加范围=field']);
    expect(plan.year).toBe(2025);
    expect(plan.tasks.map((t) => [t.id, t.period, t.departments])).toEqual([
      [1, '1-2月', ['机关工会']],
      [2, '1-2月', ['女工委', '机关工会']],
      [3, '6月上旬', ['机关工会']],
      [4, '6月上旬', ['机关工会']],
    ]);
    expect(plan.tasks[1]!.fields).toEqual({ 参加范围: '14岁以下的职工子女' });
    expect(cells(rendered, 'markdown', '时间安排')).toEqual(cells(md, 'markdown', '时间安排'));
  });

  it('a month-headed list: numbered items under 一月份 / 3月: headings', async () => {
    const list = ['2024年机关工会工作安排', '', '一月份', '1. 召开工会委员会议', '2、走访慰问困难职工', '3月:', '（1）三八妇女节活动', '（2）读书沙龙', '   第一期', '', '上海某机关工会 2024年1月5日'].join('\n');
    const { rendered, plan } = await importAndRender('list.txt', list, 'tsv');
    expect(plan.tasks).toEqual([
      { id: 1, period: '一月份', content: '召开工会委员会议' },
      { id: 2, period: '一月份', content: '走访慰问困难职工' },
      { id: 3, period: '3月', content: '三八妇女节活动' },
      { id: 4, period: '3月', content: '读书沙龙\n第一期' },
    ]);
    expect(cells(rendered, 'tsv', '计划时间')).toEqual([['计划时间', '内容'], ['一月份', '召开工会委员会议'], ['', '走访慰问困难职工'], ['3月', '三八妇女节活动'], ['', '读书沙龙 第一期']]);
  });

  it('items followed by 牵头单位 / 配合单位 / 完成时限 lines', async () => {
    const list = [
      '2024年重点工作',
      '1. 开展职工技能竞赛',
      '牵头单位：组宣部  配合单位：财务部、办公室',
      '完成时限：9月底前',
      '2. 3月：召开职代会',
      '牵头单位：办公室',
      '',
    ].join('\n');
    const { r, rendered, plan } = await importAndRender('items.txt', list, 'tsv');
    expect(r.stderr).toBe('plan: 1 项任务内容开头的时间已移入“计划时间”列\n');
    expect(plan.tasks).toEqual([
      { id: 1, due: '9月底前', content: '开展职工技能竞赛', departments: ['组宣部'], support: ['财务部', '办公室'] },
      { id: 2, period: '3月', content: '召开职代会', departments: ['办公室'] },
    ]);
    expect(plan.columns!.map((c) => c.title)).toEqual(['计划时间', '内容', '牵头单位', '配合单位', '完成时限']);
    expect(cells(rendered, 'tsv', '计划时间')[1]).toEqual(['', '开展职工技能竞赛', '组宣部', '财务部、办公室', '9月底前']);
  });

  it('a table without a time column: 全年 with a notice, or --default-period', async () => {
    const tsv = '2024年工作要点\n序号\t工作内容\t责任部门\n1\t全年：做好职工服务\t办公室\n2\t完善制度\t办公室\n';
    const { r, plan } = await importAndRender('a.txt', tsv, 'tsv');
    expect(r.stderr.split('\n')).toEqual([
      'plan: 1 项任务内容开头的时间已移入“计划时间”列',
      'plan: 表中没有时间列，1 项任务的计划时间记为 全年 (可用 --default-period 指定其他时间，如 --default-period 上半年)',
      '',
    ]);
    expect(plan.tasks.map((t) => [t.period, t.content])).toEqual([
      ['全年', '做好职工服务'],
      ['全年', '完善制度'],
    ]);
    const none = await importAndRender('b.txt', '2024年工作要点\n序号\t工作内容\t责任部门\n1\t做好职工服务\t办公室\n', 'tsv');
    expect(none.r.stderr).toBe('plan: 表中没有时间列，1 项任务的计划时间记为 全年 (可用 --default-period 指定其他时间，如 --default-period 上半年)\n');
    const given = await importAndRender('b.txt', '2024年工作要点\n序号\t工作内容\t责任部门\n1\t做好职工服务\t办公室\n', 'tsv', ['--default-period', '上半年']);
    expect(given.r.stderr).toBe('');
    expect(given.plan.tasks[0]!.period).toBe('上半年');
  });
});

describe('plan import: what it cannot read is said with the fix', () => {
  it.each([
    [
      'no content column: the cells it saw and a --columns that works',
      { 'a.csv': '2024年安排\n事项,单位,备注\n开展春节走访慰问活动,办公室,\n' },
      ['import', 'a.csv'],
      1,
      "plan: a.csv:2: 找不到附件表的表头：最像表头的一行是 \"事项\" | \"单位\" | \"备注\"，其中没有可识别的内容列，或只有内容列 (可用 --columns 指明各列，如 --columns '事项=content,单位=field,备注=field')\n",
    ],
    ['a --columns key it does not know', { 'a.csv': 'x' }, ['import', 'a.csv', '--columns', '事项=contnet'], 2, 'plan: --columns 中的字段 "contnet" 未知 (是否想输入 "content"？字段：id、period、due、content、departments、support、owners、group、field、ignore)\n'],
    ['a --columns entry without =', { 'a.csv': 'x' }, ['import', 'a.csv', '--columns', '事项'], 2, 'plan: --columns 中的 "事项" 无效 (应为 列标题=字段，用逗号分隔，如 完成时限=due,参加范围=field；字段：id、period、due、content、departments、support、owners、group、field、ignore)\n'],
    ['a --columns title not in the header', { 'a.csv': '2024\n内容,时间\nx,3月\n' }, ['import', 'a.csv', '--columns', '备注=field'], 2, 'plan: --columns 中的列标题 "备注" 不在表头中 (表头的列：内容、时间)\n'],
    ['a bad --default-period', { 'a.csv': '2024\n内容,部门\nx,办公室\n' }, ['import', 'a.csv', '--default-period', '13月'], 2, 'plan: --default-period "13月" 不是时间 (应为如 全年、上半年、3-4月、6月底前)\n'],
    ['--sheet on a text file', { 'a.csv': '2024\n内容,部门\nx,办公室\n' }, ['import', 'a.csv', '--sheet', '2'], 2, 'plan: a.csv: --sheet 只用于 Excel 工作簿 (.xlsx) (文本文件只有一张表，请去掉 --sheet)\n'],
    ['a time of another year', { 'a.csv': '2024年计划\n内容,完成时限\nx,2023年6月底前\n' }, ['import', 'a.csv'], 1, 'plan: a.csv:3:3: 时间 "2023年6月底前" 属于 2023 年，不在计划年度 2024 内 (应为本年度的时间；年度不对可用 --year 2023 指定)\n'],
  ])('%s', (_name, files, args, code, stderr) => {
    expect(run(args, { cwd: testdir(files) })).toEqual({ code, stdout: '', stderr });
  });

  it('reads the table once --columns names the content', async () => {
    const dir = testdir({ 'a.csv': '2024年安排\n事项,单位,备注\n开展春节走访慰问活动,办公室,\n' });
    const r = run(['import', 'a.csv', '--columns', '事项=content,单位=departments', '-o', 'p.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect((await loadPlan(join(dir, 'p.yaml'))).plan.tasks).toEqual([{ id: 1, period: '全年', content: '开展春节走访慰问活动', departments: ['办公室'] }]);
  });
});
