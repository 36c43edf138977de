import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findTable, formatsFor, unescapeMarkdown } from '../../src/io/table-text.js';
import { setLanguage } from '../../src/messages.js';
import { annexPlan, labelParts, namedKey, parseColumnMap, readAnnex, readList, splitNames, splitUnits, timeAtStart, timeHeading, tidyTitle, yearIn } from '../../src/plan/annex.js';
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
  it.each([
    ['2024年某单位主要工作计划表', '关于印发《2024年某单位工作要点》的通知', '2024年某单位工作计划'],
    ['《2024年区总工会工作要点》任务分解表', undefined, '2024年区总工会工作要点'],
    ['《 2024 年区总工会工作要点 》任务分解表', '关于印发《别的要点》的通知', '2024年区总工会工作要点'],
    ['2024年区总工会工作要点任务分解表', '关于印发《2024年区总工会工作要点》的通知', '2024年区总工会工作要点'],
    [undefined, '关于印发《2024年局工会工作要点》的通知', '2024年局工会工作要点'],
    [undefined, '印发《2024年局工会工作要点》', '2024年局工会工作要点'],
    [undefined, '根据《工会法》制定本计划', '2024年工作计划'],
    [undefined, '关于印发《》的通知', '2024年工作计划'],
    ['Annex 2024', '2024年局工会工作要点', '2024年工作计划'],
  ])('a plan from annex title %j under heading %j is titled %j', (title, heading, planTitle) => {
    expect(annexPlan({ ...(title !== undefined && { title }), departments: ['A'], columns: [], tasks: [] }, 2024, heading).title).toBe(planTitle);
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

describe('header names', () => {
  it.each([
    ['序号', 'id'], ['序    号', 'id'], ['编号', 'id'], ['No.', 'id'], ['项目', 'item'],
    ['计划时间', 'period'], ['时间', 'period'], ['月份', 'period'], ['时间安排', 'period'], ['进度安排', 'period'], ['时序进度', 'period'], ['时 间 安 排', 'period'],
    ['完成时限', 'due'], ['完成时间', 'due'], ['截止时间', 'due'], ['完成时限：', 'due'],
    ['内容', 'content'], ['内    容', 'content'], ['内\u3000容', 'content'], ['工作内容', 'content'], ['活动内容', 'content'], ['工作任务', 'content'], ['任务', 'content'], ['目标任务', 'content'],
    ['负责部门', 'departments'], ['责任部门', 'departments'], ['责任单位', 'departments'], ['牵头单位', 'departments'], ['牵头部门', 'departments'],
    ['配合单位', 'support'], ['配合部门', 'support'], ['协办单位', 'support'],
    ['责任人', 'owners'], ['负责人', 'owners'], ['联系人', 'owners'],
    ['备注', undefined], ['考核要点', undefined],
  ])('%j → %j', (cell, key) => {
    expect(namedKey(cell)).toBe(key);
  });

  /** The keys of the columns of a one-row header, read with `--columns`. */
  const keys = (header: string, body = '', columns?: string) => {
    const map = columns === undefined ? undefined : (parseColumnMap(columns) as { map: Map<string, never> }).map;
    const table = findTable(`${header}\n${body}`, ['tsv'], map);
    if (!table) return undefined;
    return readAnnex(table.rows, table.header, { year: 2024 }).annex?.columns.map((c) => c.key ?? c.title);
  };
  it.each([
    ['序号\t内容\t负责部门', '1\tx\t甲部', undefined, ['id', 'content', 'departments']],
    ['内    容\t时    间', 'x\t3月', undefined, ['content', 'period']],
    ['工作内容\t备注', 'x\ty', undefined, undefined], // content alone is not a header
    ['工作内容\t备注', 'x\ty', '备注=field', ['content', '备注']],
    ['目标任务\t牵头单位\t责任单位', 'x\t甲部\t乙部', undefined, ['content', 'departments', 'support']],
    ['目标任务\t责任单位\t配合单位', 'x\t甲部\t乙部', undefined, ['content', 'departments', 'support']],
    ['项目\t内容\t时间', '1\tx\t3月', undefined, ['id', 'content', 'period']],
    ['项目\t内容\t时间', '党建\tx\t3月', undefined, ['group', 'content', 'period']],
    ['项目\t时间', '春节慰问\t1月', undefined, ['content', 'period']],
    ['工作任务\t内容\t完成时限', 'a\tb\t6月', '工作任务=group', ['group', 'content', 'due']],
    ['序号\t内容\t时间\t部门\t状态', '1\tx\t3月\t甲部\tdone', '状态=ignore', ['id', 'content', 'period', 'departments']],
  ])('%j over %j with --columns %j → %j', (header, body, columns, expected) => {
    expect(keys(header, body, columns)).toEqual(expected);
  });
});

describe('--columns', () => {
  it.each([
    ['完成时限=due,参加范围=field,工作任务=group', { map: new Map([['完成时限', 'due'], ['参加范围', 'field'], ['工作任务', 'group']]) }],
    ['内  容 = content，备注=ignore', { map: new Map([['内容', 'content'], ['备注', 'ignore']]) }],
    ['内容=CONTENT', { map: new Map([['内容', 'content']]) }],
    ['内容', { problem: { code: 'columnsSyntax', args: ['内容'] } }],
    ['=content', { problem: { code: 'columnsSyntax', args: ['=content'] } }],
    ['内容=content,内容=field', { problem: { code: 'columnsSyntax', args: ['内容=field'] } }],
    ['内容=contents', { problem: { code: 'columnsKey', args: ['contents', 'content'] } }],
    ['a=content,b=content', { problem: { code: 'columnsDuplicate', args: ['content'] } }],
    ['a=field,b=field', { map: new Map([['a', 'field'], ['b', 'field']]) }],
    ['', { problem: { code: 'columnsSyntax', args: [''] } }],
  ])('%j → %j', (spec, out) => {
    expect(parseColumnMap(spec)).toEqual(out);
  });
});

describe('splitting cells', () => {
  it.each([
    ['局工会、机关工会', ['局工会', '机关工会']],
    ['局工会，女工委；组织人事处', ['局工会', '女工委', '组织人事处']],
    ['办公室/财务部', ['办公室', '财务部']],
    ['局工会、局工会', ['局工会']],
    ['各区工会、局属各单位', ['各区工会', '局属各单位']],
    ['局工会（牵头）、机关工会', ['局工会（牵头）', '机关工会']],
    ['14岁以下的职工子女、退休职工', ['14岁以下的职工子女、退休职工']],
    ['各部门根据实际情况自行安排，报局工会备案', ['各部门根据实际情况自行安排，报局工会备案']],
    ['Office, Union', ['Office', 'Union']],
    ['  ', []],
  ])('units %j → %j', (cell, units) => {
    expect(splitUnits(cell)).toEqual(units);
  });
  it('splits a part it knows from another row', () => {
    expect(splitUnits('宣传、财务')).toEqual(['宣传、财务']);
    expect(splitUnits('宣传、财务', new Set(['宣传', '财务']))).toEqual(['宣传', '财务']);
  });
  it.each([
    ['王敏、李华', ['王敏', '李华']],
    ['王敏 李华', ['王敏', '李华']],
    ['王敏，李华/张三', ['王敏', '李华', '张三']],
    ['John Smith', ['John Smith']],
    ['主任 王敏同志本人', ['主任 王敏同志本人']],
  ])('names %j → %j', (cell, names) => {
    expect(splitNames(cell)).toEqual(names);
  });
});

describe('times', () => {
  it.each([
    ['3月: 召开职代会', { time: '3月', rest: '召开职代会' }],
    ['全年：做好服务', { time: '全年', rest: '做好服务' }],
    ['1-2月，春节慰问', { time: '1-2月', rest: '春节慰问' }],
    ['7,8月，暑期托班', { time: '7,8月', rest: '暑期托班' }],
    ['6月底前 完成换届', { time: '6月底前', rest: '完成换届' }],
    ['全年工作总结，报送上级', undefined],
    ['2023年6月：上年的事', undefined],
    ['3月:', undefined],
    ['召开职代会', undefined],
  ])('time at the start of %j → %j', (text, out) => {
    expect(timeAtStart(text, 2024)).toEqual(out);
  });
  it.each([
    ['3月:', '3月'],
    ['三月份', '三月份'],
    ['一、三月份', '三月份'],
    ['第二季度：', '第二季度'],
    ['全 年', '全年'],
    ['1. 召开会议', undefined],
    ['召开会议', undefined],
  ])('heading %j → %j', (line, time) => {
    expect(timeHeading(line, 2024)).toBe(time);
  });
  it.each([
    ['牵头单位：局工会', [['牵头单位', 'departments', '局工会']]],
    ['牵头单位: 组宣部  配合单位：财务部、办公室', [['牵头单位', 'departments', '组宣部'], ['配合单位', 'support', '财务部、办公室']]],
    ['（责任人：王敏）', [['责任人', 'owners', '王敏']]],
    ['完成时限：9月底前；责任单位：办公室', [['完成时限', 'due', '9月底前'], ['责任单位', 'departments', '办公室']]],
    ['详见附件：活动方案', undefined],
    ['内容：召开会议', undefined],
  ])('labelled line %j → %j', (line, parts) => {
    expect(labelParts(line)?.map((p) => [p.label, p.key, p.value])).toEqual(parts);
  });
});

describe('rows', () => {
  const rows = (text: string, opts: { year?: number; defaultPeriod?: string } = {}) => {
    const table = findTable(text, ['tsv'])!;
    return readAnnex(table.rows, table.header, { year: 2024, ...opts });
  };
  it('a row with only its first cell is a category, a blank time or category continues the one above', () => {
    const { annex } = rows('序号\t内容\t计划时间\t完成时限\n一、党建\n1\ta\t3月\t6月底前\n2\tb\t\t\n（二）服务\t\t\t\n3\tc\t\t\n');
    expect(annex!.tasks.map((t) => [t.id, t.group, t.period, t.due])).toEqual([
      [1, '一、党建', '3月', '6月底前'],
      [2, '一、党建', '3月', '6月底前'],
      [3, '（二）服务', '3月', '6月底前'],
    ]);
    expect(annex!.columns.map((c) => c.key)).toEqual(['id', 'content', 'period', 'due']);
  });
  it('a group column continues its blanks, and a number alone is not a category', () => {
    const { annex, problems } = rows('类别\t内容\t时间\n党建\ta\t3月\n\tb\t\n6\t\t\n');
    expect(annex).toBeUndefined();
    expect(said(problems)).toEqual([{ line: 4, col: 3, message: 'the content is blank (expected the work of the task)' }]);
    expect(rows('类别\t内容\t时间\n党建\ta\t3月\n\tb\t\n').annex!.tasks.map((t) => t.group)).toEqual(['党建', '党建']);
  });
  it('markdown category rows (bold, as render writes them) lose their **', () => {
    const table = findTable('| 序号 | 内容 | 时间 |\n| --- | --- | --- |\n| **一、党建** | | |\n| 1 | a | 3月 |\n', ['markdown'])!;
    expect(readAnnex(table.rows, table.header, { year: 2024 }).annex!.tasks[0]!.group).toBe('一、党建');
  });
  it('a blank time with nothing above is located; --default-period fills it', () => {
    expect(said(rows('内容\t完成时限\na\t\n').problems)).toEqual([{ line: 2, col: 3, message: 'no time: the period and the due time are blank and there is none above to continue (expected a time, or name one with --default-period, e.g. --default-period 全年)' }]);
    expect(rows('内容\t完成时限\na\t\n', { defaultPeriod: '全年' }).annex!.tasks[0]).toEqual({ id: 1, period: '全年', content: 'a' });
  });
  it('keeps times as written (layout spaces aside) and checks them in the plan year', () => {
    const { annex } = rows('内容\t时间\na\t三、四 月份\nb\t2024.09\n');
    expect(annex!.tasks.map((t) => t.period)).toEqual(['三、四月份', '2024.09']);
    expect(said(rows('内容\t完成时限\na\t13月\n').problems)).toEqual([{ line: 2, col: 3, message: 'the due time "13月" is not valid (expected e.g. 6月底前, 9月, 第三季度, 年底前)' }]);
  });
});

describe('lists', () => {
  const list = (text: string, opts: { defaultPeriod?: string } = {}) => readList(text.split('\n'), { year: 2024, ...opts });
  it('reads numbered items under time headings; a line after an item continues it', () => {
    const r = list('标题\n二月份\n1. a\n2、b\n  续行\n第二季度：\n（1）c\n\n落款');
    expect(r!.annex!.tasks).toEqual([
      { id: 1, period: '二月份', content: 'a' },
      { id: 2, period: '二月份', content: 'b\n续行' },
      { id: 3, period: '第二季度', content: 'c' },
    ]);
    expect(r!.annex!.title).toBe('标题');
    expect(r!.firstLine).toBe(1);
  });
  it('reads units, persons and times from labelled lines; 责任单位 beside 牵头单位 is support', () => {
    const r = list('1. a\n牵头单位：甲部\n责任单位：乙部、丙部\n责任人：王敏 李华\n2. b\n牵头单位：乙部\n完成时限：6月底前');
    expect(r!.annex!.tasks).toEqual([
      { id: 1, period: '全年', content: 'a', departments: ['甲部'], support: ['乙部', '丙部'], owners: ['王敏', '李华'] },
      { id: 2, due: '6月底前', content: 'b', departments: ['乙部'] },
    ]);
    expect(r!.annex!.columns).toEqual([
      { title: '内容', key: 'content' },
      { title: '牵头单位', key: 'departments' },
      { title: '责任单位', key: 'support' },
      { title: '责任人', key: 'owners' },
      { title: '完成时限', key: 'due' },
    ]);
    expect(r!.notices).toEqual([{ code: 'defaultPeriod', args: [1, '全年'] }]);
  });
  it('is not a list without headings or labelled lines; an item before any heading needs a time', () => {
    expect(list('1. a\n2. b')).toBeUndefined();
    expect(list('计划')).toBeUndefined();
    expect(said(list('1. a\n3月\n2. b')!.problems)).toEqual([{ line: 1, col: 4, message: 'no time: the period and the due time are blank and there is none above to continue (expected a time, or name one with --default-period, e.g. --default-period 全年)' }]);
  });
});
