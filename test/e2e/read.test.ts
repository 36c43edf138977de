import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_TEXT, miniPlan, run, seedPlan, testdir } from '../helpers.js';

const ASOF = ['--as-of', '2023-04-15'];
const repo = testdir({ 'plans/2023.yaml': seedPlan() });
const plan = (args: string[], env?: Record<string, string>) => run(args, { cwd: repo, ...(env && { env }) });
const ids = (args: string[]) => {
  const r = plan([...args, '--format', 'json', ...ASOF]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { id: number }[]).map((t) => t.id);
};

describe('plan list', () => {
  it('shows the 3-4月 tasks in a table (the quick start)', () => {
    const r = plan(['list', '--period', '3-4月']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const rows = r.stdout.split('\n').filter((l) => /^│\s+\d+ │/.test(l));
    expect(rows.map((l) => Number(l.split('│')[1]))).toEqual([5, 6, 7]);
    expect(r.stdout).toContain('“书香城管”读书沙龙');
    expect(r.stdout).toContain('共 3 项');
  });

  it.each([
    [['--period', '3-4月'], [5, 6, 7]],
    [['--period', '3 - 4 月'], [5, 6, 7]],
    [['--period', '3～4月'], [5, 6, 7]],
    [['--period', '全年'], [21, 22, 23, 24, 25]],
    [['--period', 'Q2'], []],
    [['--department', '组织人事处'], [6, 14, 15, 21]],
    [['--department', '女工委'], [5]],
    [['--month', '4'], [5, 6, 7, 21, 22, 23, 24, 25]],
    [['--month', '12'], [17, 18, 19, 20, 21, 22, 23, 24, 25]],
    [['--status', 'current'], [5, 6, 7, 21, 22, 23, 24, 25]],
    [['--status', 'overdue'], [1, 2, 3, 4]],
    [['--status', 'upcoming'], [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]],
    [['--status', 'done'], []],
    [['--status', 'open', '--department', '女工委'], [5]],
    [['--month', '9', '--department', '组织人事处'], [14, 15, 21]],
  ])('list %j → %j', (args, expected) => {
    expect(ids(['list', ...args])).toEqual(expected);
  });

  it('prints the SPEC JSON shape', () => {
    const [task] = JSON.parse(plan(['list', '--period', '3-4月', '--format', 'json', ...ASOF]).stdout);
    expect(task).toEqual({
      id: 5,
      period: '3-4月',
      start: '2023-03-01',
      end: '2023-04-30',
      content: '“三八”妇女节活动',
      departments: ['女工委', '机关工会'],
      status: 'current',
      completed: null,
      log: [],
      // schema 2's keys, after the SPEC's own
      support: [],
      owners: [],
      group: null,
      fields: {},
      cancelled: null,
    });
    expect(Object.keys(task)).toEqual(['id', 'period', 'start', 'end', 'content', 'departments', 'status', 'completed', 'log', 'support', 'owners', 'group', 'fields', 'cancelled']);
  });

  it.each([
    ['csv', '序号,计划时间,内容,负责部门,状态\r\n5,3-4月,“三八”妇女节活动,女工委、机关工会,进行中\r\n'],
    ['tsv', '序号\t计划时间\t内容\t负责部门\t状态\n5\t3-4月\t“三八”妇女节活动\t女工委、机关工会\t进行中\n'],
    ['markdown', '| 序号 | 计划时间 | 内容 | 负责部门 | 状态 |\n| ---: | --- | --- | --- | --- |\n| 5 | 3-4月 | “三八”妇女节活动 | 女工委、机关工会 | 进行中 |\n'],
  ])('prints %s', (format, expected) => {
    const r = plan(['list', '--department', '女工委', '--format', format, ...ASOF]);
    expect(r.stdout).toBe(expected);
  });

  it('says so when nothing matches', () => {
    const r = plan(['list', '--period', 'Q2']);
    expect(r).toMatchObject({ code: 0, stdout: '没有符合条件的任务\n' });
  });
});

describe('plan show', () => {
  it('shows one task in full', () => {
    const r = plan(['show', '7', ...ASOF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('任务 7\n计划时间  3-4月 (2023-03-01 – 2023-04-30)\n内容      “书香城管”读书沙龙\n负责部门  局工会、机关工会\n状态      进行中\n');
  });
  it('prints JSON', () => {
    expect(JSON.parse(plan(['show', '22', '--format', 'json', ...ASOF]).stdout)).toMatchObject({ id: 22, period: '全年', start: '2023-01-01', end: '2023-12-31' });
  });
});

describe('plan render', () => {
  it('reproduces the seed annex cell for cell as TSV (whitespace aside)', () => {
    const seed = readFileSync(SEED_TEXT, 'utf8').split('\n');
    const from = seed.findIndex((l) => l.startsWith('序 号'));
    const cells = (lines: string[]) => lines.filter((l) => l.trim()).map((l) => l.split('\t').map((c) => c.replace(/\s+/g, '')));
    const expected = cells(seed.slice(from, from + 26));
    const r = plan(['render', '--format', 'tsv']);
    expect(r.code).toBe(0);
    expect(cells(r.stdout.split('\n'))).toEqual(expected);
  });

  it('draws the annex with merged periods and a title in the terminal', () => {
    const r = plan(['render']);
    expect(r.stdout.split('\n')[0]).toBe('2023年市城管执法局工会主要工作计划表');
    expect(r.stdout.match(/1-2月/g)).toHaveLength(1);
    expect(r.stdout.match(/全年/g)).toHaveLength(1);
    expect(r.stdout).not.toContain('状态');
  });

  it('adds a status column with --with-status', () => {
    const r = plan(['render', '--format', 'csv', '--with-status', ...ASOF]);
    expect(r.stdout.split('\r\n').slice(0, 3)).toEqual(['序号,计划时间,内容,负责部门,状态', '1,1-2月,“访一线、听心声”春节走访慰问,局工会,已逾期', '2,,发放机关职工春节慰问品,局工会、机关工会,已逾期']);
  });

  it('renders markdown with blank repeated periods', () => {
    const lines = plan(['render', '--format', 'markdown']).stdout.split('\n');
    expect(lines[0]).toBe('### 2023年市城管执法局工会主要工作计划表');
    expect(lines[4]).toBe('| 1 | 1-2月 | “访一线、听心声”春节走访慰问 | 局工会 |');
    expect(lines[5]).toBe('| 2 |  | 发放机关职工春节慰问品 | 局工会、机关工会 |');
  });

  it('renders a self-contained HTML page with row-spans', () => {
    const html = plan(['render', '--format', 'html']).stdout;
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<td rowspan="4" class="merged">1-2月</td>');
    expect(html).toContain('<td rowspan="5" class="merged">全年</td>');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3)/);
  });

  it('renders JSON rows', () => {
    const json = JSON.parse(plan(['render', '--format', 'json']).stdout);
    expect(json.title).toBe('2023年市城管执法局工会主要工作计划表');
    expect(json.rows).toHaveLength(25);
    expect(json.columns).toEqual([
      { title: '序号', key: 'id' },
      { title: '计划时间', key: 'period' },
      { title: '内容', key: 'content' },
      { title: '负责部门', key: 'departments' },
    ]);
    expect(json.rows[1]).toEqual({
      id: 2,
      period: '1-2月',
      content: '发放机关职工春节慰问品',
      departments: ['局工会', '机关工会'],
      support: [],
      owners: [],
      group: null,
      fields: {},
      cells: ['2', '1-2月', '发放机关职工春节慰问品', '局工会、机关工会'],
    });
  });

  it('writes to a file with -o, CSV with a BOM for Excel', () => {
    const dir = testdir({ 'plans/2023.yaml': seedPlan() });
    const r = run(['render', '--format', 'csv', '-o', 'annex.csv'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const bytes = readFileSync(join(dir, 'annex.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1)).toBe(run(['render', '--format', 'csv'], { cwd: dir }).stdout);
  });

  it('fails clearly writing into a missing directory', () => {
    const r = plan(['render', '-o', 'no/such/dir/annex.txt']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^plan: no\/such\/dir\/annex\.txt: 无法写入/);
  });
});

describe('plan validate', () => {
  it('accepts the bundled plan', () => {
    expect(plan(['validate'])).toMatchObject({ code: 0, stdout: 'plans/2023.yaml：有效 (25 项任务)\n', stderr: '' });
  });
  it('checks several files and lists every problem', () => {
    const dir = testdir({ 'good.yaml': miniPlan(), 'bad.yaml': miniPlan().replace('1-2月', '13月').replace('id: 2', 'id: 1') });
    const r = run(['validate', 'good.yaml', 'bad.yaml', 'missing.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('good.yaml：有效 (2 项任务)\nbad.yaml：2 个问题\nmissing.yaml：1 个问题\n');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'plan: bad.yaml:7:13: tasks[0].period "13月" 不是有效的计划时间 (应为如 7月、3-4月、第二季度、上半年、全年)',
      'plan: bad.yaml:11:9: tasks[1].id 1 与 tasks[0] 的序号重复 (序号应唯一)',
      'plan: missing.yaml: 文件不存在 (应为一个计划文件的路径)',
    ]);
  });
});
