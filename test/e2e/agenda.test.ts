import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, miniPlan, run, seedPlan, testdir } from '../helpers.js';

const seed = testdir({ 'plans/2023.yaml': seedPlan() });
const agenda = (cwd: string, ...args: string[]) => run(['agenda', ...args], { cwd });

interface Entry {
  id: number;
  status: string;
  [key: string]: unknown;
}
interface AgendaJson {
  year: number;
  title: string;
  asOf: string;
  days: number;
  quietDays: number;
  overdue: Entry[];
  current: Entry[];
  upcoming: Entry[];
  recurring: Entry[];
  ongoing: Entry[];
  ongoingLogged: number;
}
const SECTIONS = ['overdue', 'current', 'upcoming', 'recurring', 'ongoing'] as const;

function json(cwd: string, ...args: string[]): AgendaJson {
  const r = agenda(cwd, '--format', 'json', ...args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as AgendaJson;
}
/** The ids listed in each section. */
const ids = (a: AgendaJson) => Object.fromEntries(SECTIONS.map((s) => [s, a[s].map((e) => e.id)]));

// A schema 2 plan with every kind of agenda entry: a due, a period with a due, split windows,
// 旬, recurring monthly and quarterly tasks, a 长期 task, a cancelled and a done task.
const V2 = `schemaVersion: 2
year: 2024
title: 2024年区总工会重点工作任务分解表
departments: [办公室, 组宣部, 财务部, 女职工部]
tasks:
  - id: 1
    due: 2024.09
    content: 完成年度职工技能竞赛 | 决赛
    departments: [组宣部]
    support: [财务部]
    owners: [王敏]

  - id: 2
    period: 每月
    content: 月度工作例会
    departments: [办公室]
    log:
      - date: 2024-01-25
        note: 一月例会
      - date: 2024-02-20
        note: 二月例会

  - id: 3
    period: 5月、10月
    content: 春秋两季慰问
    departments: [女职工部]

  - id: 4
    period: 每季度
    content: 季度经费审核
    departments: [财务部]
    log:
      - date: 2024-03-28
        note: 一季度

  - id: 5
    period: 三、四月份
    due: 6月底前
    content: 困难职工帮扶
    departments: [办公室]

  - id: 6
    period: 长期坚持
    content: 职工之家建设
    departments: [组宣部]
    log:
      - date: 2024-01-10
        note: 方案

  - id: 7
    period: 3月中旬
    content: 三八节座谈会
    departments: [女职工部]
    cancelled: {date: 2024-03-01, reason: 上级通知取消}

  - id: 8
    period: 1-2月
    content: 春节慰问
    departments: [办公室]
    completed: {date: 2024-02-05}

  - id: 9
    period: 4月上旬
    content: 春季运动会筹备
    departments: [组宣部]
    support: [办公室]
`;
const v2 = testdir({ 'plans/2024.yaml': V2 });

describe('plan agenda of the bundled plan', () => {
  it.each([
    ['2023-01-10', { overdue: [], current: [1, 2, 3, 4], upcoming: [], recurring: [], ongoing: [21, 22, 23, 24, 25] }],
    ['2023-02-20', { overdue: [], current: [1, 2, 3, 4], upcoming: [5, 6, 7], recurring: [], ongoing: [21, 22, 23, 24, 25] }],
    ['2023-03-15', { overdue: [1, 2, 3, 4], current: [5, 6, 7], upcoming: [], recurring: [], ongoing: [21, 22, 23, 24, 25] }],
    ['2023-08-20', { overdue: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], current: [11, 12, 13], upcoming: [14, 15, 16], recurring: [], ongoing: [21, 22, 23, 24, 25] }],
    // In December the 全年 tasks end within the 30 days looked ahead: current like the rest.
    ['2023-12-10', { overdue: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], current: [17, 18, 19, 20, 21, 22, 23, 24, 25], upcoming: [], recurring: [], ongoing: [] }],
    ['2024-01-05', { overdue: Array.from({ length: 25 }, (_, i) => i + 1), current: [], upcoming: [], recurring: [], ongoing: [] }],
  ])('as of %s', (asOf, expected) => {
    const a = json(seed, '--as-of', asOf);
    expect(ids(a)).toEqual(expected);
    expect(a).toMatchObject({ year: 2023, title: '2023年市城管执法局工会工作计划', asOf, days: 30, quietDays: 30, ongoingLogged: 0 });
  });

  it('prints a table per section with the days, under the plan title and the as-of day', () => {
    const r = agenda(seed, '--as-of', '2023-03-15');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual(['2023年市城管执法局工会工作计划：近期工作提醒', '截至 2023-03-15', '', '已逾期 (4)']);
    expect(lines).toContain('│    1 │ 1-2月    │ “访一线、听心声”春节走访慰问 │ 局工会           │ 2023-02-28 │ 15 天 │');
    expect(lines).toContain('进行中 (3)');
    expect(lines).toContain('│    5 │ 3-4月    │ “三八”妇女节活动   │ 女工委、机关工会   │ 2023-04-30 │ 46 天 │');
    expect(lines).toContain('全年/长期任务：近 30 天无进展记录 (5)');
    expect(lines.filter((l) => l.includes('│ 全年     │')).every((l) => l.endsWith('│ 无       │'))).toBe(true);
    expect(r.stdout).not.toMatch(/\x1b/);
  });

  it('leaves out the 全年 tasks logged in the last 30 days, and says how many', () => {
    const logged = seedPlan().replace(/(    content: 开展立功竞赛活动\n    departments: \[局工会\]\n)/, '$1    log:\n      - date: 2023-03-01\n        note: 已启动\n');
    const dir = testdir({ 'plans/2023.yaml': logged });
    const a = json(dir, '--as-of', '2023-03-15');
    expect(a.ongoing.map((e) => e.id)).toEqual([21, 23, 24, 25]);
    expect(a.ongoingLogged).toBe(1);
    expect(agenda(dir, '--as-of', '2023-03-15').stdout).toContain('\n另有 1 项全年/长期任务近 30 天内有进展记录，未列出。\n');
    // A month later the log is old: the task is listed again, with it.
    expect(json(dir, '--as-of', '2023-04-15').ongoing.map((e) => [e.id, e.lastLog, e.daysSinceLog])).toEqual([
      [21, null, null],
      [23, null, null],
      [24, null, null],
      [25, null, null],
      [22, '2023-03-01', 45],
    ]);
  });

  it('never lists done tasks', () => {
    const dir = testdir({ 'plans/2023.yaml': seedPlan() });
    expect(run(['done', '1', '2', '--date', '2023-02-10'], { cwd: dir }).code).toBe(0);
    expect(json(dir, '--as-of', '2023-03-15').overdue.map((e) => e.id)).toEqual([3, 4]);
  });

  it('--department: the tasks a unit leads or supports; an unknown one is exit 2 with a suggestion', () => {
    expect(ids(json(seed, '--as-of', '2023-03-15', '--department', '女工委'))).toEqual({ overdue: [], current: [5], upcoming: [], recurring: [], ongoing: [] });
    expect(ids(json(seed, '--as-of', '2023-03-15', '--department', '组织人事处'))).toEqual({ overdue: [], current: [6], upcoming: [], recurring: [], ongoing: [21] });
    const r = agenda(seed, '--as-of', '2023-03-15', '--department', '女工');
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe('plan: --department "女工" 不是本计划的部门 (应为：局工会、机关工会、女工委、组织人事处；是否想输入 "女工委"？)\n');
  });

  it('--days: how far ahead upcoming tasks are looked for', () => {
    expect(json(seed, '--as-of', '2023-08-20', '--days', '12').upcoming.map((e) => [e.id, e.starts, e.daysUntil])).toEqual([
      [14, '2023-09-01', 12],
      [15, '2023-09-01', 12],
      [16, '2023-09-01', 12],
    ]);
    expect(json(seed, '--as-of', '2023-08-20', '--days', '11').upcoming).toEqual([]);
    expect(json(seed, '--as-of', '2023-08-20', '--days', '0')).toMatchObject({ days: 0, upcoming: [] });
    expect(json(seed, '--as-of', '2023-01-01', '--days', '366').upcoming.map((e) => e.id)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(agenda(seed, '--as-of', '2023-08-20', '--days', '12').stdout).toContain('\n12 天内开始 (3)\n');
  });

  it.each(['abc', '-1', '1.5', '367', '', '1e2', '30天'])('--days %j is exit 2 naming what is accepted', (days) => {
    const r = agenda(seed, '--as-of', '2023-08-20', `--days=${days}`);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe(`plan: --days ${JSON.stringify(days)} 不是天数 (应为 0 到 366 的整数，如 14)\n`);
  });

  it('other bad input: an unknown format, a missing value, a bad date', () => {
    expect(agenda(seed, '--format', 'html')).toMatchObject({ code: 2, stderr: 'plan: --format "html" 无效 (应为：table、markdown、json)\n' });
    expect(agenda(seed, '--days')).toMatchObject({ code: 2, stderr: 'plan: 选项 --days 缺少值 (用法见 --help)\n' });
    expect(agenda(seed, '--as-of', '2023-02-30').code).toBe(2);
    expect(run(['agenda', '--days', 'x', '--lang', 'en'], { cwd: seed })).toMatchObject({
      code: 2,
      stderr: 'plan: --days "x" is not a number of days (expected a whole number from 0 to 366, e.g. 14)\n',
    });
  });

  it('colours the days by status on a colour terminal only', () => {
    const r = run(['agenda', '--as-of', '2023-08-20'], { cwd: seed, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(r.stdout).toContain('\x1b[31m173 天\x1b[39m');
    expect(r.stdout).toContain('\x1b[33m11 天\x1b[39m');
    expect(r.stdout).toContain('\x1b[2m12 天后\x1b[22m');
  });

  it('loads only its own code for JSON, and the table code for the table', () => {
    const loaded = (...args: string[]) => {
      const r = run(['agenda', '--as-of', '2023-08-20', ...args], { cwd: seed, env: { NODE_OPTIONS: `--require ${join(ROOT, 'test/fixtures/trace-modules.cjs')}` } });
      return /loaded: (.*)/.exec(r.stderr)![1]!.split(' ');
    };
    expect(loaded('--format', 'json')).toEqual(['agenda.cjs', 'cli.cjs', 'messages.cjs']);
    expect(loaded('--format', 'markdown')).toEqual(['agenda.cjs', 'cli.cjs', 'messages.cjs']);
    expect(loaded()).toEqual(['agenda.cjs', 'cli.cjs', 'messages.cjs', 'table.cjs']);
  });
});

describe('plan agenda of a schema 2 plan', () => {
  it.each([
    ['2024-01-15', { overdue: [], current: [1], upcoming: [], recurring: [2, 4], ongoing: [] }],
    ['2024-03-15', { overdue: [], current: [5, 1], upcoming: [9], recurring: [2, 4], ongoing: [6] }],
    ['2024-04-05', { overdue: [2], current: [9, 5, 1], upcoming: [3], recurring: [4], ongoing: [6] }],
    ['2024-05-20', { overdue: [2, 9], current: [3, 5, 1], upcoming: [], recurring: [4], ongoing: [6] }],
    ['2024-07-02', { overdue: [2, 9, 4, 5], current: [1], upcoming: [], recurring: [], ongoing: [6] }],
    ['2024-09-20', { overdue: [2, 9, 4, 5], current: [1], upcoming: [3], recurring: [], ongoing: [6] }],
  ])('as of %s', (asOf, expected) => {
    expect(ids(json(v2, '--as-of', asOf))).toEqual(expected);
  });

  it('says which occurrence wants a log and when it ends, which ones were missed, and how long until a deadline', () => {
    const a = json(v2, '--as-of', '2024-04-05');
    const extra = (e: Entry, keys: string[]) => Object.fromEntries(keys.map((k) => [k, e[k]]));
    expect(extra(a.overdue[0]!, ['id', 'period', 'status', 'ended', 'daysOverdue', 'occurrence', 'missed'])).toEqual({
      id: 2,
      period: '每月',
      status: 'overdue',
      ended: '2024-03-31',
      daysOverdue: 5,
      occurrence: { label: '3月', start: '2024-03-01', end: '2024-03-31' },
      missed: ['3月'],
    });
    expect(a.current.map((e) => extra(e, ['id', 'period', 'until', 'daysLeft']))).toEqual([
      { id: 9, period: '4月上旬', until: '2024-04-10', daysLeft: 5 },
      { id: 5, period: '3-4月', until: '2024-06-30', daysLeft: 86 },
      { id: 1, period: '9月底前', until: '2024-09-30', daysLeft: 178 },
    ]);
    expect(extra(a.upcoming[0]!, ['id', 'period', 'start', 'starts', 'daysUntil'])).toEqual({ id: 3, period: '5月、10月', start: '2024-05-01', starts: '2024-05-01', daysUntil: 26 });
    expect(extra(a.recurring[0]!, ['id', 'occurrence', 'daysLeft'])).toEqual({ id: 4, occurrence: { label: '第二季度', start: '2024-04-01', end: '2024-06-30' }, daysLeft: 86 });
    expect(extra(a.ongoing[0]!, ['id', 'period', 'lastLog', 'daysSinceLog'])).toEqual({ id: 6, period: '长期', lastLog: '2024-01-10', daysSinceLog: 86 });
    // Between the windows of 5月、10月 the next one's start counts, not the task's first day.
    expect(json(v2, '--as-of', '2024-09-20').upcoming.map((e) => extra(e, ['id', 'start', 'starts', 'daysUntil']))).toEqual([{ id: 3, start: '2024-05-01', starts: '2024-10-01', daysUntil: 11 }]);
  });

  it('an entry is the task JSON of list, plus its section’s keys', () => {
    const a = json(v2, '--as-of', '2024-04-05');
    const listed = JSON.parse(run(['list', '--format', 'json', '--as-of', '2024-04-05'], { cwd: v2 }).stdout) as Entry[];
    const task1 = listed.find((t) => t.id === 1)!;
    expect(a.current.find((e) => e.id === 1)).toEqual({ ...task1, until: '2024-09-30', daysLeft: 178 });
    expect(Object.keys(a)).toEqual(['year', 'title', 'asOf', 'days', 'quietDays', 'overdue', 'current', 'upcoming', 'recurring', 'ongoing', 'ongoingLogged']);
  });

  it('matches support units too', () => {
    expect(ids(json(v2, '--as-of', '2024-04-05', '--department', '办公室'))).toEqual({ overdue: [2], current: [9, 5], upcoming: [], recurring: [], ongoing: [] });
    expect(ids(json(v2, '--as-of', '2024-04-05', '--department', '财务部'))).toEqual({ overdue: [], current: [1], upcoming: [], recurring: [4], ongoing: [] });
  });

  it('markdown: a heading with the title and the day, a table per section, cells escaped', () => {
    const r = agenda(v2, '--as-of', '2024-04-05', '--format', 'markdown', '--department', '财务部');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      [
        '### 2024年区总工会重点工作任务分解表：近期工作提醒',
        '',
        '截至 2024-04-05',
        '',
        '#### 进行中 (1)',
        '',
        '| 序号 | 计划时间 | 内容 | 负责部门 | 配合单位 | 责任人 | 截止 | 剩余 |',
        '| ---: | --- | --- | --- | --- | --- | --- | --- |',
        '| 1 | 9月底前 | 完成年度职工技能竞赛 \\| 决赛 | 组宣部 | 财务部 | 王敏 | 2024-09-30 | 178 天 |',
        '',
        '#### 定期任务：本期尚无进展记录 (1)',
        '',
        '| 序号 | 计划时间 | 内容 | 负责部门 | 本期 | 截止 | 剩余 |',
        '| ---: | --- | --- | --- | --- | --- | --- |',
        '| 4 | 每季度 | 季度经费审核 | 财务部 | 第二季度 | 2024-06-30 | 86 天 |',
        '',
      ].join('\n'),
    );
  });

  it('in English with --lang en', () => {
    const r = run(['agenda', '--as-of', '2024-04-05', '--lang', 'en'], { cwd: v2 });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual(['2024年区总工会重点工作任务分解表: agenda', 'As of 2024-04-05', '', 'Overdue (1)']);
    for (const heading of ['Current (3)', 'Starting within 30 days (1)', 'Recurring: nothing logged for this occurrence yet (1)', 'Year-round (全年/长期): nothing logged in 30 days (1)']) {
      expect(lines).toContain(heading);
    }
    expect(r.stdout).toContain('│ 2024-03-31 │ 5 days (3月 not logged) │');
    expect(r.stdout).toContain('│ 2024-05-01 │ in 26 days │');
    expect(r.stdout).toContain('│ 2024-01-10 (86 days ago) │');
  });
});

describe('an empty agenda', () => {
  const quiet = testdir({
    'plans/2024.yaml': miniPlan(`  - id: 1
    period: 12月
    content: 第一项
    departments: [甲部]

  - id: 2
    period: 全年
    content: 第二项
    departments: [甲部, 乙部]
    log:
      - date: 2024-02-20
        note: 已启动
`),
  });

  it('is one friendly line in the table, exit 0', () => {
    expect(agenda(quiet, '--as-of', '2024-03-01')).toEqual({
      code: 0,
      stdout: '截至 2024-03-01 没有需要关注的任务 (没有逾期或进行中的任务，30 天内也没有要开始的任务)\n另有 1 项全年/长期任务近 30 天内有进展记录，未列出。\n',
      stderr: '',
    });
    expect(run(['agenda', '--as-of', '2024-03-01', '--days', '7', '--department', '乙部', '--lang', 'en'], { cwd: quiet }).stdout).toBe(
      'Nothing needs attention as of 2024-03-01 (no task is overdue or current, and none starts within 7 days).\n1 more year-round task was logged in the last 30 days and is not listed.\n',
    );
  });

  it('keeps its heading in markdown, and its shape in JSON', () => {
    expect(agenda(quiet, '--as-of', '2024-03-01', '--format', 'markdown').stdout).toBe(
      '### 测试计划：近期工作提醒\n\n截至 2024-03-01 没有需要关注的任务 (没有逾期或进行中的任务，30 天内也没有要开始的任务)\n\n另有 1 项全年/长期任务近 30 天内有进展记录，未列出。\n',
    );
    expect(json(quiet, '--as-of', '2024-03-01')).toEqual({
      year: 2024,
      title: '测试计划',
      asOf: '2024-03-01',
      days: 30,
      quietDays: 30,
      overdue: [],
      current: [],
      upcoming: [],
      recurring: [],
      ongoing: [],
      ongoingLogged: 1,
    });
  });
});

describe('docs/commands.md', () => {
  it('shows the agenda markdown of the bundled plan, as produced', () => {
    const page = readFileSync(join(ROOT, 'docs/commands.md'), 'utf8');
    const at = page.indexOf('<!-- sample: agenda markdown -->');
    expect(at).toBeGreaterThan(-1);
    const shown = /```\w*\n([\s\S]*?)```/.exec(page.slice(at))![1]!;
    expect(shown).toBe(`$ plan agenda --as-of 2023-08-20 --days 14 --department 组织人事处 --format markdown\n${agenda(seed, '--as-of', '2023-08-20', '--days', '14', '--department', '组织人事处', '--format', 'markdown').stdout}`);
  });
});
