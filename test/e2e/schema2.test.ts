import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, seedPlan, testdir } from '../helpers.js';

// Schema 2 as a user writes it by hand: the columns of an annex that is not the seed's, every
// time form offices use, lead and co-operating units, persons, categories, extra fields, a
// cancelled task.
const V2 = `# a district union's 任务分解表
schemaVersion: 2
year: 2024
title: 2024年区总工会重点工作任务分解表
departments: [办公室, 组宣部, 财务部, 女职工部]
columns:
  - {title: 序号, key: id}
  - {title: 工作任务, key: content}
  - {title: 考核要点}
  - {title: 牵头单位, key: departments}
  - {title: 配合单位, key: support}
  - {title: 责任人, key: owners}
  - {title: 完成时限, key: due}
tasks:
  - id: 1
    due: 2024.09
    content: 完成年度职工技能竞赛
    departments: [组宣部]
    support: [财务部]
    owners: [王敏]
    group: 一、建功立业
    fields: {考核要点: 参赛职工不少于200人}

  - id: 2
    due: '2024.10'
    content: 职工书屋建设
    departments: [组宣部]
    group: 一、建功立业

  - id: 3
    period: 每月
    content: 月度工作例会
    departments: [办公室]
    group: 二、自身建设
    log:
      - date: 2024-01-25
        note: 一月例会

  - id: 4
    period: 5月、10月
    content: 春秋两季慰问
    departments: [女职工部]
    group: 二、自身建设
    cancelled: {date: 2024-04-01, reason: 上级通知取消}

  - id: 5
    period: 三、四月份
    due: 6月底前
    content: 困难职工帮扶
    group: 二、自身建设
`;

/** One task per time form: [written, canonical label, start, end]. */
const FORMS: [string, string, string, string][] = [
  ['七月', '7月', '2024-07-01', '2024-07-31'],
  ['7月份', '7月', '2024-07-01', '2024-07-31'],
  ['2024年7月', '7月', '2024-07-01', '2024-07-31'],
  ["'2024.07'", '7月', '2024-07-01', '2024-07-31'],
  ['3月—4月', '3-4月', '2024-03-01', '2024-04-30'],
  ['3月——12月', '3-12月', '2024-03-01', '2024-12-31'],
  ['3～4 月', '3-4月', '2024-03-01', '2024-04-30'],
  ['3月至5月', '3-5月', '2024-03-01', '2024-05-31'],
  ['三、四月份', '3-4月', '2024-03-01', '2024-04-30'],
  ['"7,8月"', '7-8月', '2024-07-01', '2024-08-31'],
  ['七、八月份', '7-8月', '2024-07-01', '2024-08-31'],
  ['一季度', '第一季度', '2024-01-01', '2024-03-31'],
  ['Q3', '第三季度', '2024-07-01', '2024-09-30'],
  ['第二、三季度', '4-9月', '2024-04-01', '2024-09-30'],
  ['H2', '下半年', '2024-07-01', '2024-12-31'],
  ['3月上旬', '3月上旬', '2024-03-01', '2024-03-10'],
  ['3月初', '3月上旬', '2024-03-01', '2024-03-10'],
  ['2月下旬', '2月下旬', '2024-02-21', '2024-02-29'],
  ['3月底', '3月下旬', '2024-03-21', '2024-03-31'],
  ['5月、10月', '5月、10月', '2024-05-01', '2024-10-31'],
  ['5月/10月', '5月、10月', '2024-05-01', '2024-10-31'],
  ['4月~6月/9月~11月', '4-6月、9-11月', '2024-04-01', '2024-11-30'],
  ['6月底前', '6月底前', '2024-01-01', '2024-06-30'],
  ['年底前', '12月底前', '2024-01-01', '2024-12-31'],
  ['上半年内', '6月底前', '2024-01-01', '2024-06-30'],
  ['10月1日前', '10月1日前', '2024-01-01', '2024-10-01'],
  ['2024年10月底前', '10月底前', '2024-01-01', '2024-10-31'],
  ['长期坚持', '长期', '2024-01-01', '2024-12-31'],
  ['持续推进', '长期', '2024-01-01', '2024-12-31'],
  ['常态化', '长期', '2024-01-01', '2024-12-31'],
  ['每季度', '每季度', '2024-01-01', '2024-12-31'],
  ['每半年', '每半年', '2024-01-01', '2024-12-31'],
];
const formsPlan = (forms = FORMS) =>
  `schemaVersion: 2\nyear: 2024\ntitle: 各种时间\ndepartments: [办公室]\ntasks:\n${forms.map(([written], i) => `  - id: ${i + 1}\n    period: ${written}\n    content: 任务${i + 1}\n`).join('\n')}`;

const setup = (content: string) => {
  const cwd = testdir({ 'plans/2024.yaml': content });
  const file = join(cwd, 'plans/2024.yaml');
  return { cwd, file, bytes: () => readFileSync(file), plan: (...args: string[]) => run([...args, '--as-of', '2024-03-15'], { cwd }) };
};

describe('schema 2 plans written by hand', () => {
  it('validate, and list every time form with its documented meaning', () => {
    const t = setup(formsPlan());
    expect(t.plan('validate')).toMatchObject({ code: 0, stderr: '' });
    const listed = JSON.parse(t.plan('list', '--format', 'json').stdout) as { period: string; start: string; end: string }[];
    expect(listed.map((x) => [x.period, x.start, x.end])).toEqual(FORMS.map(([, label, start, end]) => [label, start, end]));
  });

  it('filter --period by meaning: 三、四月份, 3月—4月 and 3～4 月 are all 3-4月', () => {
    const t = setup(formsPlan());
    const ids = (...args: string[]) => (JSON.parse(t.plan('list', '--format', 'json', ...args).stdout) as { id: number }[]).map((x) => x.id);
    expect(ids('--period', '3-4月')).toEqual([5, 7, 9]);
    expect(ids('--period', '三、四月份')).toEqual([5, 7, 9]);
    expect(ids('--period', '6月底前')).toEqual([23, 25]);
    expect(ids('--period', '长期')).toEqual([28, 29, 30]);
    // --month: tasks whose windows overlap the month (a deadline runs from 1 January)
    expect(ids('--month', '10')).toEqual([6, 15, 20, 21, 22, 24, 26, 27, 28, 29, 30, 31, 32]);
    expect(t.plan('list', '--period', '2023年3月')).toMatchObject({ code: 2, stderr: expect.stringContaining('不在计划年度 2024 年内') });
    expect(t.plan('list', '--period', '13月')).toMatchObject({ code: 2, stderr: expect.stringContaining('--period "13月" 不是计划时间 (应为如 7月、3-4月') });
  });

  it.each([
    ['13月', 'tasks[0].period "13月" 不是有效的时间 (应为如 7月、3-4月、第二季度、上半年、全年、3月上旬、5月/10月、6月底前、长期、每月)'],
    ['4-3月', 'tasks[0].period "4-3月" 不是有效的时间'],
    ['2023年7月', 'tasks[0].period "2023年7月" 写的是 2023 年，不在计划年度内 (应为 2024 年内的时间'],
    ['6月前', 'tasks[0].period "6月前" 不是有效的时间'],
  ])('reports %s located, naming the accepted forms, and changes nothing', (written, message) => {
    const text = formsPlan([[written, '', '', '']]);
    const t = setup(text);
    const r = t.plan('list');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`plans/2024.yaml:7:13: ${message}`);
    expect(t.bytes().toString()).toBe(text);
  });

  it('requires a period or a due, and fields that name a column; a cancelled task cannot be done', () => {
    const bad = V2.replace('    period: 三、四月份\n    due: 6月底前\n', '').replace('{考核要点: 参赛职工不少于200人}', '{考核: x}').replace('cancelled: {date: 2024-04-01, reason: 上级通知取消}', 'cancelled: {date: 2024-04-01}\n    completed: {date: 2024-04-02}');
    const r = setup(bad).plan('validate');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('tasks[0].fields 没有名为 "考核" 的列 (应为 columns 中无 key 的列之一：考核要点)');
    expect(r.stderr).toContain('tasks[3].cancelled 已取消的任务不能同时有完成记录');
    expect(r.stderr).toContain('tasks[4] 既没有 period 也没有 due');
    expect(r.stderr).not.toContain('must match');
  });

  it('refuses the names of JavaScript object machinery as column titles, and never reads them from the prototype', async () => {
    const hostile = V2.replace('  - {title: 考核要点}\n', '  - {title: 考核要点}\n  - {title: constructor}\n').replace('{考核要点: 参赛职工不少于200人}', '{考核要点: 参赛职工不少于200人, __proto__: x}');
    const t = setup(hostile);
    const r = t.plan('validate');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('columns[3].title 用了保留的名称 "constructor" 作列标题');
    expect(r.stderr).toContain('tasks[0].fields 用了保留的名称 "__proto__" 作列标题');
    const { cellOf } = await import('../../src/plan/fields.js');
    const { viewTask } = await import('../../src/plan/view.js');
    const view = viewTask({ id: 1, period: '3月', content: 'a' }, 2024, '2024-01-01');
    expect(cellOf(view, { title: 'constructor' })).toBe('');
    expect(cellOf(view, { title: '__proto__' })).toBe('');
  });

  it('lists, shows and exports the new keys; JSON gains keys only', () => {
    const t = setup(V2);
    const [first] = JSON.parse(t.plan('list', '--format', 'json').stdout);
    expect(first).toEqual({
      id: 1,
      period: '9月底前',
      start: '2024-01-01',
      end: '2024-09-30',
      content: '完成年度职工技能竞赛',
      departments: ['组宣部'],
      status: 'current',
      completed: null,
      log: [],
      support: ['财务部'],
      owners: ['王敏'],
      group: '一、建功立业',
      fields: { 考核要点: '参赛职工不少于200人' },
      cancelled: null,
    });
    const shown = t.plan('show', '5').stdout;
    expect(shown).toContain('计划时间  三、四月份 = 3-4月 (2024-03-01 – 2024-06-30)');
    expect(shown).toContain('完成时限  6月底前');
    expect(t.plan('show', '1').stdout).toContain('考核要点  参赛职工不少于200人');
    expect(t.plan('show', '4').stdout).toContain('已取消    2024-04-01: 上级通知取消');
    const statuses = (JSON.parse(t.plan('list', '--format', 'json').stdout) as { status: string }[]).map((x) => x.status);
    expect(statuses).toEqual(['current', 'current', 'overdue', 'cancelled', 'current']); // 3: February has no log entry
    expect(t.plan('list', '--department', '财务部').stdout).toContain('完成年度职工技能竞赛'); // a co-operating unit
    expect(t.plan('export').stdout).toContain('配合单位：财务部');
  });

  it('summarises cancelled tasks apart and leaves them out of the completion rate', () => {
    const t = setup(V2.replace('    group: 一、建功立业\n\n  - id: 3', '    group: 一、建功立业\n    completed: {date: 2024-03-01}\n\n  - id: 3'));
    const s = JSON.parse(t.plan('summary', '--format', 'json').stdout);
    expect(s).toMatchObject({ total: 5, done: 1, cancelled: 1, overdue: 1, completionRate: 0.25 });
    expect(t.plan('summary').stdout).toContain('已取消的任务 (不计入完成率) (1)');
    const units = JSON.parse(t.plan('departments', '--format', 'json').stdout);
    expect(units[2]).toEqual({ department: '财务部', total: 0, done: 0, overdue: 0, cancelled: 0, support: { total: 1, done: 0, overdue: 0, cancelled: 0 } });
    expect(t.plan('departments').stdout).toContain('配合任务数');
  });

  it("renders the plan's own columns, categories as rows across the table, times as written", () => {
    const t = setup(V2);
    expect(t.plan('render', '--format', 'tsv').stdout).toBe(
      [
        '序号\t工作任务\t考核要点\t牵头单位\t配合单位\t责任人\t完成时限',
        '一、建功立业\t\t\t\t\t\t',
        '1\t完成年度职工技能竞赛\t参赛职工不少于200人\t组宣部\t财务部\t王敏\t2024.09',
        '2\t职工书屋建设\t\t组宣部\t\t\t2024.10',
        '二、自身建设\t\t\t\t\t\t',
        '3\t月度工作例会\t\t办公室\t\t\t',
        '4\t春秋两季慰问\t\t女职工部\t\t\t',
        '5\t困难职工帮扶\t\t\t\t\t6月底前',
        '',
      ].join('\n'),
    );
    expect(t.plan('render', '--format', 'markdown').stdout).toContain('| **二、自身建设** | | | | | | |');
    expect(t.plan('render', '--format', 'html').stdout).toContain('<tr class="category"><th colspan="7" scope="rowgroup">一、建功立业</th></tr>');
    const table = t.plan('render').stdout;
    expect(table).toContain('│ 一、建功立业');
    const json = JSON.parse(t.plan('render', '--format', 'json').stdout);
    expect(json.rows[0].cells).toEqual(['1', '完成年度职工技能竞赛', '参赛职工不少于200人', '组宣部', '财务部', '王敏', '2024.09']);
  });

  it('merges a category column over its tasks, and equal times within it', () => {
    const text = V2.replace('  - {title: 序号, key: id}\n', '  - {title: 类别, key: group}\n  - {title: 序号, key: id}\n').replace('  - {title: 完成时限, key: due}\n', '  - {title: 计划时间, key: period}\n');
    const tsv = setup(text).plan('render', '--format', 'tsv').stdout.split('\n');
    expect(tsv[0]).toBe('类别\t序号\t工作任务\t考核要点\t牵头单位\t配合单位\t责任人\t计划时间');
    expect(tsv.map((l) => l.split('\t')[0])).toEqual(['类别', '一、建功立业', '', '二、自身建设', '', '', '']);
    const html = setup(text).plan('render', '--format', 'html').stdout;
    expect(html).toContain('<td rowspan="2" class="merged">一、建功立业</td>');
    expect(html).toContain('<td rowspan="3" class="merged">二、自身建设</td>');
  });

  it('records completion in a schema 2 file touching only that task, flow mappings and all', () => {
    const t = setup(V2);
    const before = t.bytes().toString();
    expect(t.plan('done', '1', '--date', '2024-03-10', '--by', '王敏')).toMatchObject({ code: 0, stderr: '' });
    const anchor = '    fields: {考核要点: 参赛职工不少于200人}\n';
    expect(t.bytes().toString()).toBe(before.replace(anchor, `${anchor}    completed:\n      date: 2024-03-10\n      by: 王敏\n`));
    expect(t.plan('undo', '1').code).toBe(0);
    expect(t.bytes().toString()).toBe(before);
    expect(t.plan('done', '4')).toMatchObject({ code: 1, stderr: 'plan: plans/2024.yaml: 任务 4 已于 2024-04-01 取消，不能记录完成 (应为未取消的任务；如需恢复，请删除该任务的 cancelled)\n' });
    expect(t.bytes().toString()).toBe(before);
  });

  it('loads in PyYAML (a YAML 1.1 reader) with string keys only', () => {
    const python = spawnSync('python3', ['-c', 'import yaml'], { encoding: 'utf8' });
    if (python.status !== 0) return; // no PyYAML here: nothing to compare with
    const check = `import sys, yaml
def keys(node, path):
    if isinstance(node, dict):
        for k, v in node.items():
            if not isinstance(k, str): sys.exit(f"{path}: key {k!r} is {type(k).__name__}")
            keys(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node): keys(v, f"{path}[{i}]")
for f in sys.argv[1:]: keys(yaml.safe_load(open(f, encoding="utf-8")), f)
print("ok")`;
    const t = setup(V2);
    const seed = join(testdir({ 'seed.yaml': seedPlan() }), 'seed.yaml');
    const r = spawnSync('python3', ['-c', check, t.file, seed], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('ok\n');
    // A schema 1 plan is what it warns against: its `no:` keys read as False.
    const v1 = join(testdir({ 'v1.yaml': seedPlan().replace('schemaVersion: 2', 'schemaVersion: 1').replace(/^(\s+- )label:/gm, '$1no:') }), 'v1.yaml');
    expect(spawnSync('python3', ['-c', check, v1], { encoding: 'utf8' }).stderr).toContain('key False is bool');
  });
});

describe('plan migrate', () => {
  const v1 = () => seedPlan().replace('schemaVersion: 2', 'schemaVersion: 1').replace(/^(\s+- )label:/gm, '$1no:');

  it('changes only the schemaVersion and no: lines, and is idempotent', () => {
    const t = setup(v1());
    const before = t.bytes().toString();
    const r = t.plan('migrate', '-f', 'plans/2024.yaml');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('升级为 schema 版本 2');
    const after = t.bytes().toString();
    const changed = before.split('\n').flatMap((line, i) => (line === after.split('\n')[i] ? [] : [[line, after.split('\n')[i]]]));
    expect(changed).toHaveLength(13);
    for (const [old, now] of changed) expect(now).toBe(old!.replace('schemaVersion: 1', 'schemaVersion: 2').replace(/^(\s+- )no:/, '$1label:'));
    expect(after).toBe(seedPlan());
    expect(t.plan('migrate', '-f', 'plans/2024.yaml').stdout).toContain('已是 schema 版本 2');
    expect(t.bytes().toString()).toBe(after);
  });

  it('keeps CRLF, a byte-order mark and flow-style sections', () => {
    const crlf = v1().replace(/\n/g, '\r\n');
    const t = setup(`\ufeff${crlf}`);
    expect(t.plan('migrate').code).toBe(0);
    expect(t.bytes().toString()).toBe(`\ufeff${seedPlan().replace(/\n/g, '\r\n')}`);
    const flow = setup(`schemaVersion: 1\r\nyear: 2024\r\ntitle: t\r\ndepartments: [甲]\r\nsections:\r\n  - {no: 一, title: 总则, items: [{no: 1, title: 细则}]}\r\ntasks:\r\n  - id: 1\r\n    period: 3月\r\n    content: c\r\n    departments: [甲]\r\n`);
    expect(flow.plan('migrate').code).toBe(0);
    expect(flow.bytes().toString()).toContain('schemaVersion: 2\r\n');
    expect(flow.bytes().toString()).toContain('  - {label: 一, title: 总则, items: [{label: 1, title: 细则}]}\r\n');
    expect(flow.plan('validate').code).toBe(0);
  });

  it('leaves an invalid plan unchanged, with its problems, exit 1', () => {
    const bad = v1().replace('    period: 3-4月\n', '    period: 13月\n');
    const t = setup(bad);
    const r = t.plan('migrate');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"13月"');
    expect(t.bytes().toString()).toBe(bad);
  });
});
