import { describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/messages.js';
import { summarize } from '../../src/plan/summary.js';
import type { Plan, Task } from '../../src/plan/types.js';
import { escapeHtml } from '../../src/render/html.js';
import { errorAnnotation, escapeData, escapeProperty } from '../../src/render/github.js';
import { makeChalk } from '../../src/render/colors.js';
import { PLAIN } from '../../src/render/style.js';
import { progressBar } from '../../src/render/summary-grids.js';
import { renderSummaryHtml } from '../../src/render/summary-html.js';
import { summaryJson } from '../../src/render/summary-json.js';
import { renderSummaryMarkdown } from '../../src/render/summary-markdown.js';
import { renderSummaryText } from '../../src/render/summary-text.js';

setLanguage('zh');

const HOSTILE_DEPT = '"><img src=x onerror=alert(1)>';
const hostile: Plan = {
  schemaVersion: 1,
  year: 2024,
  title: '<script>alert("t")</script> & "计划"',
  departments: ['甲部', HOSTILE_DEPT],
  tasks: [
    { id: 1, period: '1-2月', content: '<script>alert(1)</script> "引号" | 竖线 *星号*', departments: ['甲部', HOSTILE_DEPT] },
    { id: 2, period: '3月', content: '第二\n行\x1b[31m', departments: ['甲部'], completed: { date: '2024-03-02', by: '<b>张|三</b>', note: 'a | b\nc' } },
    { id: 3, period: '全年', content: '全年任务', departments: [HOSTILE_DEPT] },
  ],
};
const s = summarize(hostile, '2024-07-15');

/** A plan with `n` tasks in January, none done: n overdue by February. */
const many = (n: number): Plan => ({
  ...hostile,
  title: '长计划',
  tasks: Array.from({ length: n }, (_, i): Task => ({ id: i + 1, period: '1月', content: `任务${i + 1}`, departments: ['甲部'] })),
});

describe('progress bar', () => {
  it.each([
    [0, 0, '░░░░░░░░░░ 0%'],
    [0, 25, '░░░░░░░░░░ 0%'],
    [1, 3, '███░░░░░░░ 33%'],
    [2, 3, '███████░░░ 67%'],
    [1, 8, '█░░░░░░░░░ 13%'],
    [3, 20, '██░░░░░░░░ 15%'], // the bar follows the displayed 15%, not 1.5 cells
    [3, 3, '██████████ 100%'],
  ])('%i of %i: %s', (done, total, bar) => {
    expect(progressBar({ done, total, overdue: 0, cancelled: 0 })).toBe(bar);
  });
});

describe('json', () => {
  it('has the SPEC shape exactly: keys in order, types', () => {
    const json = JSON.parse(JSON.stringify(summaryJson(s)));
    expect(Object.keys(json)).toEqual(['year', 'title', 'asOf', 'total', 'done', 'overdue', 'current', 'upcoming', 'cancelled', 'completionRate', 'byPeriod', 'byDepartment', 'overdueTasks']);
    expect(json).toEqual({
      year: 2024,
      title: hostile.title,
      asOf: '2024-07-15',
      total: 3,
      done: 1,
      overdue: 1,
      current: 1,
      upcoming: 0,
      cancelled: 0,
      completionRate: 0.3333,
      byPeriod: [
        { period: '1-2月', total: 1, done: 0, overdue: 1 },
        { period: '3月', total: 1, done: 1, overdue: 0 },
        { period: '全年', total: 1, done: 0, overdue: 0 },
      ],
      byDepartment: [
        { department: '甲部', total: 2, done: 1, overdue: 1 },
        { department: HOSTILE_DEPT, total: 2, done: 0, overdue: 1 },
      ],
      overdueTasks: [{ id: 1, period: '1-2月', content: hostile.tasks[0]!.content, departments: ['甲部', HOSTILE_DEPT] }],
    });
    expect(Object.keys(json.byPeriod[0])).toEqual(['period', 'total', 'done', 'overdue']);
    expect(Object.keys(json.byDepartment[0])).toEqual(['department', 'total', 'done', 'overdue']);
    expect(Object.keys(json.overdueTasks[0])).toEqual(['id', 'period', 'content', 'departments']);
  });
  it('gives 0 as the rate of an empty plan', () => {
    expect(summaryJson(summarize({ ...hostile, tasks: [] }, '2024-07-15'))).toMatchObject({ total: 0, completionRate: 0, byPeriod: [], overdueTasks: [] });
  });
});

describe('markdown', () => {
  const md = renderSummaryMarkdown(s);
  /** Each run of lines starting with `|`. */
  const tables = (text: string) => text.split(/\n(?!\|)/).map((block) => block.trim()).filter((block) => block.startsWith('|'));
  const cells = (row: string) => row.split(/(?<!\\)\|/).length - 2;

  it('has headings from ### down, the first one the title', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings[0]).toBe('### &lt;script&gt;alert("t")&lt;/script&gt; &amp; "计划"执行情况');
    expect(headings.slice(1)).toEqual(['#### 按计划时间', '#### 按负责部门', '#### 逾期任务 (1)', '#### 完成记录 (1)']);
    expect(md).toContain('\n截至 2024-07-15\n');
  });

  it('writes tables whose rows all have as many cells as the header', () => {
    const found = tables(md);
    expect(found).toHaveLength(5);
    for (const table of found) {
      const rows = table.split('\n');
      expect(rows[1]).toMatch(/^\|( -{3,}:? \|)+$/);
      for (const row of rows) expect(cells(row), row).toBe(cells(rows[0]!));
    }
  });

  it('escapes user text in cells and draws unicode progress bars without colour', () => {
    expect(md).toContain('| 1 | 1-2月 | &lt;script&gt;alert(1)&lt;/script&gt; "引号" \\| 竖线 \\*星号\\* | 甲部、"&gt;&lt;img src=x onerror=alert(1)&gt; |');
    expect(md).toContain('| 2024-03-02 | 2 | 第二<br>行');
    expect(md).toContain(' | &lt;b&gt;张\\|三&lt;/b&gt; | a \\| b<br>c |\n');
    expect(md).toContain('| 3月 | 1 | 1 | 0 | ██████████ 100% |');
    expect(md).toContain('| 甲部 | 2 | 1 | 1 | █████░░░░░ 50% |');
    expect(md).not.toMatch(/<script|<img|<b>/);
  });

  it('folds a list longer than 10 into <details>, keeping the table intact', () => {
    const long = renderSummaryMarkdown(summarize(many(11), '2024-03-01'));
    expect(long).toContain('#### 逾期任务 (11)\n\n<details><summary>展开全部 11 项</summary>\n\n| 序号 |');
    expect(long).toMatch(/\| 11 \| 1月 \| 任务11 \| 甲部 \|\n\n<\/details>\n/);
    for (const table of tables(long)) for (const row of table.split('\n')) expect(cells(row)).toBe(cells(table.split('\n')[0]!));
    expect(renderSummaryMarkdown(summarize(many(10), '2024-03-01'))).not.toContain('<details>');
  });

  it('says so when nothing is overdue or done', () => {
    const none = renderSummaryMarkdown(summarize(many(2), '2024-01-15'));
    expect(none).toContain('#### 逾期任务 (0)\n\n没有逾期任务。\n');
    expect(none).toContain('#### 完成记录 (0)\n\n尚无完成记录。\n');
  });
});

describe('html', () => {
  const html = renderSummaryHtml(s, 'zh-CN');

  it('escapes hostile title, content, departments and completion text', () => {
    expect(html).not.toMatch(/<script|<img|<b>/i);
    expect(html).toContain('<title>&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; &amp; &quot;计划&quot;执行情况</title>');
    expect(html).toContain('<h1>&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; &amp; &quot;计划&quot;执行情况</h1>');
    expect(html).toContain('<td>&lt;script&gt;alert(1)&lt;/script&gt; &quot;引号&quot; | 竖线 *星号*</td>');
    expect(html).toContain('<td>甲部、&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</td>');
    expect(html).toContain('<td>&lt;b&gt;张|三&lt;/b&gt;</td>');
    expect(html).toContain(`<title>${escapeHtml(HOSTILE_DEPT)}：已完成 0，已逾期 1，其余 1</title><text x="172" y="68" text-anchor="end">&quot;&gt;&lt;img src=x onerror=al…</text>`);
  });

  it('is one page without scripts or external resources, with a bar chart by period and one by department', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).not.toMatch(/https?:|\bsrc="|\bhref=|@import|url\(/);
    const charts = [...html.matchAll(/<svg [^>]*aria-labelledby="([^"]+)"[\s\S]*?<\/svg>/g)];
    expect(charts.map((c) => c[1])).toEqual(['chart-period', 'chart-department']);
    const bars = (svg: string) => [...svg.matchAll(/<g><title>([^<]*)<\/title>/g)].map((g) => g[1]);
    expect(bars(charts[0]![0])).toEqual(['1-2月：已完成 0，已逾期 1，其余 0', '3月：已完成 1，已逾期 0，其余 0', '全年：已完成 0，已逾期 0，其余 1']);
    expect(bars(charts[1]![0])).toHaveLength(2);
    expect(html).toContain('@page { size: A4 portrait;');
  });

  it('draws bars to scale: done, overdue and the rest', () => {
    const chart = renderSummaryHtml(summarize({ ...hostile, tasks: [...hostile.tasks, { id: 4, period: '1月', content: 'x', departments: ['甲部'] }] }, '2024-07-15'), 'zh-CN');
    const department = chart.slice(chart.indexOf('chart-department'));
    // 甲部 has 3 tasks (the largest group: the full 420px): 1 done, 2 overdue.
    expect(department).toMatch(/<rect class="done" x="(\d+)" y="30" width="140" height="16"\/><rect class="overdue" x="\d+" y="30" width="280" height="16"\/><text/);
  });

  it('cuts a long label in the chart but not in the table', () => {
    const name = '非常非常非常非常长的部门名称一二三四五';
    const page = renderSummaryHtml(summarize({ ...hostile, departments: [name], tasks: [{ id: 1, period: '1月', content: 'x', departments: [name] }] }, '2024-07-15'), 'en');
    expect(page).toContain('text-anchor="end">非常非常非常非常长的部…</text>');
    expect(page).toContain(`<td>${name}</td>`);
  });
});

describe('text', () => {
  it('is plain without colour and escapes control characters in user text', async () => {
    const text = await renderSummaryText(s, { style: PLAIN });
    expect(text).not.toContain('\x1b');
    expect(text).toContain('行\\x1b[31m');
    expect(text.split('\n').slice(0, 10)).toEqual([
      '<script>alert("t")</script> & "计划"执行情况',
      '截至 2024-07-15',
      '',
      '任务总数  3',
      '已完成    1',
      '已逾期    1',
      '进行中    1',
      '未开始    0',
      '完成率    ███░░░░░░░ 33%',
      '',
    ]);
  });

  it('escapes a title that tries to colour the terminal', async () => {
    const text = await renderSummaryText(summarize({ ...hostile, title: 'x\x1b[2Jy' }, '2024-07-15'), { style: PLAIN });
    expect(text.split('\n')[0]).toBe('x\\x1b[2Jy执行情况');
  });

  it('colours done green, overdue red and the bars when asked', async () => {
    const text = await renderSummaryText(s, { style: makeChalk(1) });
    expect(text).toContain('已逾期    \x1b[31m1\x1b[39m');
    expect(text).toContain('已完成    \x1b[32m1\x1b[39m');
    expect(text).toContain('\x1b[32m███\x1b[39m░░░░░░░ 33%');
    expect(text).toContain('\x1b[32m█████\x1b[39m░░░░░ 50%');
  });
});

describe('GitHub workflow commands', () => {
  it('escapes messages and property values as GitHub requires', () => {
    expect(escapeData('50% a:b, c\r\nd')).toBe('50%25 a:b, c%0D%0Ad');
    expect(escapeProperty('50% a:b, c\r\nd')).toBe('50%25 a%3Ab%2C c%0D%0Ad');
  });
  it.each([
    ['p.yaml', 'p.yaml:7:13: tasks[0].period "13月" bad', '::error file=p.yaml,line=7,col=13::tasks[0].period "13月" bad'],
    ['p.yaml', 'p.yaml: no such file', '::error file=p.yaml::no such file'],
    ['a%b,c:d.yaml', 'a%b,c:d.yaml:2:1: 50%, a:b', '::error file=a%25b%2Cc%3Ad.yaml,line=2,col=1::50%25, a:b'],
    ['p.yaml', 'p.yaml:1:1: two\nlines', '::error file=p.yaml,line=1,col=1::two%0Alines'],
    ['p.yaml', 'something else', '::error file=p.yaml::something else'],
  ])('annotates %s: %j', (file, problem, expected) => {
    expect(errorAnnotation(file, problem)).toBe(expected);
  });
});
