import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findTable, formatsFor, unescapeMarkdown } from '../../src/io/table-text.js';
import { setLanguage } from '../../src/messages.js';
import { annexPlan, readAnnex, tidyTitle, yearIn } from '../../src/plan/annex.js';
import { SEED_TEXT } from '../helpers.js';
import { rowMessage } from '../../src/commands/import.js';
import type { RowProblem } from '../../src/plan/annex.js';

/** Problems as the user reads them. */
const said = (problems: readonly RowProblem[]) => problems.map((p) => ({ line: p.line, col: p.col, message: rowMessage(p) }));

setLanguage('en');

/** Reads text as the import command does: the first format with a header row. */
function read(text: string, year = 2024) {
  const table = findTable(text, formatsFor('annex'));
  return table && { format: table.format, parseProblems: table.problems, ...readAnnex(table.rows, table.header, { year }) };
}

describe('the seed annex, as pasted from Word', () => {
  const result = read(readFileSync(SEED_TEXT, 'utf8'), 2023)!;
  it('is found under its spaced-out header, with the title line above it', () => {
    expect(result.format).toBe('tsv');
    expect(result.problems).toEqual([]);
    expect(result.annex!.title).toBe('2023年市城管执法局工会主要工作计划表');
  });
  it('continues blank periods, splits departments on 、 and lists them in order of first appearance', () => {
    const { tasks, departments } = result.annex!;
    expect(tasks).toHaveLength(25);
    expect(tasks[1]).toEqual({ id: 2, period: '1-2月', content: '发放机关职工春节慰问品', departments: ['局工会', '机关工会'] });
    expect(tasks.map((t) => t.period).filter((p, i, all) => all.indexOf(p) === i)).toEqual(['1-2月', '3-4月', '5-6月', '7-8月', '9-10月', '11-12月', '全年']);
    expect(departments).toEqual(['局工会', '机关工会', '女工委', '组织人事处']);
  });
  it('makes the plan title from the annex title', () => {
    expect(annexPlan(result.annex!, 2023)).toMatchObject({ year: 2023, title: '2023年市城管执法局工会工作计划', annexTitle: '2023年市城管执法局工会主要工作计划表' });
  });
});

describe('CSV (RFC 4180)', () => {
  const csv = '"2024年某单位主要工作计划表",,,\n序号,计划时间,内容,负责部门\n1,1-2 月,"走访慰问, 春节",办公室\n2,,"""书香""读书会",办公室、工会\n3,全年,"两行\n内容",工会\n,,,\n';
  it('reads quoted commas, doubled quotes and line breaks', () => {
    const { annex, problems, format } = read(csv)!;
    expect(format).toBe('csv');
    expect(problems).toEqual([]);
    expect(annex).toEqual({
      title: '2024年某单位主要工作计划表',
      departments: ['办公室', '工会'],
      columns: [
        { title: '序号', key: 'id' },
        { title: '计划时间', key: 'period' },
        { title: '内容', key: 'content' },
        { title: '负责部门', key: 'departments' },
      ],
      tasks: [
        { id: 1, period: '1-2月', content: '走访慰问, 春节', departments: ['办公室'] },
        { id: 2, period: '1-2月', content: '"书香"读书会', departments: ['办公室', '工会'] },
        { id: 3, period: '全年', content: '两行\n内容', departments: ['工会'] },
      ],
    });
  });
  it('locates a record by the line it starts on, after a quoted line break', () => {
    const { problems } = read(csv.replace('3,全年', '3,13月'))!;
    expect(said(problems)).toEqual([{ line: 5, col: 3, message: 'the period "13月" is not valid (expected e.g. 7月, 3-4月, 第二季度, 上半年, 全年)' }]);
  });
  it('reports a quote that is never closed', () => {
    const { parseProblems } = read('序号,计划时间,内容,负责部门\n1,7月,"没有闭合,甲\n')!;
    expect(said(parseProblems)).toEqual([{ line: 2, col: 6, message: 'a CSV quote is not closed (expected a pair of " around the field)' }]);
  });
});

describe('markdown tables', () => {
  it('reads `|` rows, skips the rule row and undoes escapes', () => {
    const md = '### 2024年某单位主要工作计划表\n\n| 序号 | 计划时间 | 内容 | 负责部门 |\n| ---: | --- | --- | --- |\n| 1 | 1-2月 | 甲 \\| 乙 | 办公室 |\n| 2 |  | a\\*b &amp; c<br>d | 办公室、工会 |\n| 3 | Q3 | 丙 | 工会 |\n';
    const { annex, problems, format } = read(md)!;
    expect(format).toBe('markdown');
    expect(problems).toEqual([]);
    expect(annex!.title).toBe('2024年某单位主要工作计划表');
    expect(annex!.tasks.map((t) => [t.id, t.period, t.content])).toEqual([
      [1, '1-2月', '甲 | 乙'],
      [2, '1-2月', 'a*b & c\nd'],
      [3, 'Q3', '丙'],
    ]);
  });
  it.each([
    ['a\\|b', 'a|b'],
    ['\\*x\\* \\_y\\_ \\[z\\]', '*x* _y_ [z]'],
    ['&lt;b&gt; &amp;lt;', '<b> &lt;'],
    ['one<br>two<br/>three', 'one\ntwo\nthree'],
    ['C:\\\\dir', 'C:\\dir'],
    ['中文\\文本', '中文\\文本'],
  ])('unescapes %j → %j', (s, out) => {
    expect(unescapeMarkdown(s)).toBe(out);
  });
});

describe('headers, ids and problems', () => {
  it('knows the English column names, and numbers rows without an id column', () => {
    const { annex } = read('Period,Content,Departments\nQ1,x,Office\nH2,y,"Office, Union"\n')!;
    expect(annex!.tasks).toEqual([
      { id: 1, period: 'Q1', content: 'x', departments: ['Office'] },
      { id: 2, period: 'H2', content: 'y', departments: ['Office', 'Union'] },
    ]);
    expect(annex!.title).toBeUndefined();
  });
  it('keeps extra columns as fields, and skips a header row repeated on a new page', () => {
    const { annex, problems, notices } = read('No.\tPeriod\tContent\tDepartments\tStatus\n1\t7月\tx\tA\tdone\nNo.\tPeriod\tContent\tDepartments\tStatus\n2\t\ty\tA\t\n')!;
    expect(problems).toEqual([]);
    expect(annex!.tasks.map((t) => [t.id, t.period, t.fields])).toEqual([[1, '7月', { Status: 'done' }], [2, '7月', undefined]]);
    expect(annex!.columns.at(-1)).toEqual({ title: 'Status' });
    expect(notices).toEqual([{ code: 'keptFields', args: [['Status']] }]);
  });
  it('reports every bad row at its cell; lines after the last tabular one are not the table', () => {
    const text = '2024年某单位主要工作计划表\n\n序号\t计划时间\t内容\t负责部门\n1\t1-2月\t甲\t办公室\n2\t13月\t乙\t办公室\n二\t\t丙\t办公室\n4\t\t\t办公室\n1\t3-4月\t丁\t办公室\n6\n5\t5月\t戊\t\n7\n\n上海某办公室 2024年2月1日印发\n';
    const { annex, problems } = read(text)!;
    expect(annex).toBeUndefined();
    expect(problems.map((p) => `${p.line}:${p.col}: ${rowMessage(p)}`)).toEqual([
      '5:3: the period "13月" is not valid (expected e.g. 7月, 3-4月, 第二季度, 上半年, 全年)',
      '6:1: the number "二" is not a positive whole number (expected 1, 2, 3 …)',
      '7:4: the content is blank (expected the work of the task)',
      '8:1: the number 1 is already used on line 4 (expected unique numbers)',
      '9:2: the content is blank (expected the work of the task)',
    ]);
  });
  it('needs a period on the first row and at least one task', () => {
    expect(said(read('序号\t计划时间\t内容\t负责部门\n1\t\tx\tA\n')!.problems)).toEqual([
      { line: 2, col: 3, message: 'the period is blank and there is no period above to continue (expected the first task to name its period)' },
    ]);
    expect(said(read('序号\t计划时间\t内容\t负责部门\n\n')!.problems)).toEqual([{ line: 1, col: 16, message: 'no tasks under the header row (expected at least one task)' }]);
  });
  it('finds no header in prose', () => {
    expect(read('计划时间和内容见附件。\n负责部门另行通知。\n')).toBeUndefined();
  });
});

describe('titles and years', () => {
  it.each([
    ['2023 年市城管执法局工会主要工作计划表', '2023年市城管执法局工会主要工作计划表'],
    ['  Work  plan 2024 ', 'Work plan 2024'],
    ['附 件 ２０２４ 年 计划表', '附件２０２４年计划表'],
  ])('tidyTitle(%j) → %j', (s, out) => {
    expect(tidyTitle(s)).toBe(out);
  });
  it.each([
    ['2023年市城管执法局工会主要工作计划表', 2023],
    ['沪城管工〔2024〕1号', 2024],
    ['Plan 12345', undefined],
    ['1899年', undefined],
    ['无年份', undefined],
  ])('yearIn(%j) → %j', (s, year) => {
    expect(yearIn(s)).toBe(year);
  });
  it('skips an 附件 label above the table, and takes the title after 附件：', () => {
    const table = '序号\t计划时间\t内容\t负责部门\n1\t7月\tx\tA\n';
    expect(read(`2025年某表\n附 件\n\n${table}`)!.annex!.title).toBe('2025年某表');
    expect(read(`附件：2025年某表\n${table}`)!.annex!.title).toBe('2025年某表');
    expect(read(`${'很长的一段正文。'.repeat(20)}\n${table}`)!.annex!.title).toBeUndefined();
  });
  it.each([
    ['2024年某单位主要工作计划表', '2024年某单位工作计划'],
    ['2024年某单位工作计划表', '2024年某单位工作计划'],
    ['Annex 2024', '2024年工作计划'],
    [undefined, '2024年工作计划'],
  ])('a plan from annex title %j is titled %j', (title, planTitle) => {
    expect(annexPlan({ ...(title !== undefined && { title }), departments: ['A'], columns: [], tasks: [] }, 2024).title).toBe(planTitle);
  });
});

describe('formatsFor', () => {
  it.each([
    ['a.csv', ['csv', 'markdown', 'tsv']],
    ['A.MD', ['markdown', 'tsv', 'csv']],
    ['annex.txt', ['tsv', 'markdown', 'csv']],
    ['annex', ['markdown', 'tsv', 'csv']],
  ])('%s → %j', (file, formats) => {
    expect(formatsFor(file)).toEqual(formats);
  });
});
