import { describe, expect, it } from 'vitest';
import { checkPlanText, loadPlan } from '../../src/io/load.js';
import { setLanguage } from '../../src/messages.js';
import { SEED_PLAN, miniPlan } from '../helpers.js';

setLanguage('en');
const check = (text: string) => checkPlanText('p.yaml', text);

describe('checkPlanText', () => {
  it('accepts the bundled 2023 plan', async () => {
    const { plan } = await loadPlan(SEED_PLAN);
    expect(plan.tasks).toHaveLength(25);
    expect(plan.departments).toEqual(['局工会', '机关工会', '女工委', '组织人事处']);
  });

  it('accepts a plan with every optional part and every period form', async () => {
    const tasks = ['7月', '3～4 月', 'Q2', '第三季度', 'H1', '下半年', '全年', '9 - 10 月']
      .map((p, i) => `  - id: ${i + 1}\n    period: ${p}\n    content: 任务${i + 1}\n    departments: [甲部]\n`)
      .join('\n');
    const extra = `issuer: 某单位\ndocNumber: 某〔2024〕1号\nissued: 2024-02-29\nannexTitle: 表\nintro: 总体\nsections:\n  - no: 一\n    title: 标题\n    items:\n      - no: 一\n        title: 小项\n        text: 正文\n`;
    const withRecords = tasks.replace(
      'content: 任务1\n    departments: [甲部]\n',
      'content: 任务1\n    departments: [甲部]\n    completed:\n      date: 2024-07-20\n      by: 张三\n      note: 好\n    log:\n      - date: 2024-07-01\n        note: 开始\n',
    );
    const result = await check(miniPlan(withRecords, extra));
    expect(result.problems).toEqual([]);
    expect(result.plan).toMatchObject({ year: 2024, tasks: expect.arrayContaining([expect.objectContaining({ completed: { date: '2024-07-20', by: '张三', note: '好' } })]) });
  });

  // Each bad plan: the located problems expected, in file order.
  it.each([
    ['empty file', '', ['p.yaml:1:1: the file is empty (expected a plan: schemaVersion, year, title, departments, tasks)']],
    ['only comments', '# nothing\n\n', ['p.yaml:1:1: the file is empty']],
    ['YAML syntax error', 'a: [1\nb: 2\n', ['p.yaml:2:1: YAML syntax error: ']],
    ['duplicate key', 'year: 1\nyear: 2\n', ['p.yaml:2:1: YAML syntax error: Map keys must be unique']],
    ['a list at the top', '- a\n', ['p.yaml:1:1: the top level is not a mapping']],
    ['a scalar at the top', 'hello\n', ['p.yaml:1:1: the top level is not a mapping']],
    ['future schema version', miniPlan().replace('schemaVersion: 1', 'schemaVersion: 3'), ['p.yaml:1:16: schemaVersion 3 is not supported (this tool reads schema version 1, 2)']],
    ['missing year', miniPlan().replace('year: 2024\n', ''), ['p.yaml:1:1: the plan lacks "year" (it is required)']],
    ['unknown top key', miniPlan().replace('title:', 'colour: red\ntitle:'), ['p.yaml:3:1: the plan has an unknown key "colour" (expected one of: schemaVersion, year, title']],
    ['typo in a task key', miniPlan().replace('    period: 1-2月', '    perod: 1-2月'), ['p.yaml:6:5: tasks[0] lacks "period"', 'p.yaml:7:5: tasks[0] has an unknown key "perod" (expected one of: id, period, content, departments, completed, log; did you mean "period"?)']],
    ['bad period', miniPlan().replace('1-2月', '13月'), ['p.yaml:7:13: tasks[0].period "13月" is not a period (expected e.g. 7月, 3-4月, 第二季度, 上半年, 全年)']],
    ['reversed period', miniPlan().replace('1-2月', '4-3月'), ['p.yaml:7:13: tasks[0].period "4-3月" is not a period']],
    ['empty period', miniPlan().replace('1-2月', '""'), ['p.yaml:7:13: tasks[0].period is empty (expected some text)']],
    ['duplicate id', miniPlan().replace('id: 2', 'id: 1'), ['p.yaml:11:9: tasks[1].id 1 is already the id of tasks[0] (expected unique ids)']],
    ['id not a number', miniPlan().replace('id: 2', 'id: two'), ['p.yaml:11:9: tasks[1].id is text (expected a whole number)']],
    ['id zero', miniPlan().replace('id: 2', 'id: 0'), ['p.yaml:11:9: tasks[1].id is 0 (expected at least 1)']],
    ['unknown department', miniPlan().replace(/\[甲部, 乙部\]\n$/, '[甲部, 丙部]\n'), ['p.yaml:14:23: tasks[1].departments[1] "丙部" is not in the departments registry (expected one of: 甲部, 乙部']],
    ['departments not a list', miniPlan().replace('departments: [甲部]\n', 'departments: 甲部\n'), ['p.yaml:9:18: tasks[0].departments is text (expected a list)']],
    ['impossible date', miniPlan(undefined, 'issued: 2023-02-30\n'), ['p.yaml:5:9: issued "2023-02-30" is not a date (expected a calendar date as YYYY-MM-DD)']],
    ['malformed date', miniPlan(undefined, 'issued: 2023/02/03\n'), ['p.yaml:5:9: issued "2023/02/03" is not a date']],
    ['completion without date', miniPlan().replace('departments: [甲部]\n', 'departments: [甲部]\n    completed:\n      by: 张三\n'), ['p.yaml:11:7: tasks[0].completed lacks "date"']],
    ['prototype key', miniPlan().replace('title:', '__proto__: {}\ntitle:'), ['p.yaml:3:1: the plan has an unknown key "__proto__"']],
  ])('%s', async (_name, text, expected) => {
    const { plan, problems } = await check(text);
    expect(plan).toBeUndefined();
    expect(problems).toHaveLength(expected.length);
    problems.forEach((p, i) => expect(p.startsWith(expected[i]!), `${p}\n  should start with\n${expected[i]}`).toBe(true));
  });

  it('reports every problem at once, in file order', async () => {
    const text = miniPlan().replace('1-2月', '13月').replace('id: 2', 'id: 1').replace('title:', 'colour: x\ntitle:');
    const lines = (await check(text)).problems.map((p) => p.split(':').slice(1, 3).map(Number));
    expect(lines).toHaveLength(3);
    expect(lines).toEqual([...lines].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
  });

  it('locates problems on the right line with CRLF line ends', async () => {
    const text = miniPlan().replace('1-2月', '13月').replace(/\n/g, '\r\n');
    expect((await check(text)).problems[0]).toMatch(/^p\.yaml:7:13: /);
  });
});

describe('loadPlan', () => {
  it('names a missing file', async () => {
    await expect(loadPlan('/nonexistent/plan.yaml')).rejects.toThrow('/nonexistent/plan.yaml: no such file');
  });
});
