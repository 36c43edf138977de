import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run, runAsync, seedPlan, testdir } from '../helpers.js';

// plan add / edit / cancel / remove / unlog, as a user runs them: on schema 1 and 2 files in
// block and flow styles, with CRLF and a byte-order mark; asserting on the file's bytes.

const FILE = 'plans/2024.yaml';
const AS_OF = '2024-05-01';

const s1Block = `schemaVersion: 1
year: 2024
title: 测试计划
departments: [甲部, 乙部]
tasks:
  - id: 1
    period: 1-2月
    content: 第一项
    departments: [甲部]

  # 第二类
  - id: 2
    period: 3-4月   # 会上调整过
    content: "第二项"
    departments: [甲部, 乙部]
    log:
      - date: 2024-03-01
        note: 已启动

  - id: 3
    period: 全年
    content: 第三项
    departments: [乙部]
`;

const s1Flow = `schemaVersion: 1
year: 2024
title: 测试计划
departments: [甲部, 乙部]
tasks:
  - {id: 1, period: 1-2月, content: 第一项, departments: [甲部]}
  - { id: 2, period: 3-4月, content: 第二项, departments: [甲部, 乙部], log: [{date: 2024-03-01, note: 已启动}] }
  - {id: 3, period: 全年, content: 第三项, departments: [乙部]}
`;

const s2Block = `---
schemaVersion: 2
year: 2024
title: 2024年重点工作任务分解表
departments:
  - 办公室
  - 组宣部
  - 财务部
columns:
  - {title: 序号, key: id}
  - {title: 工作任务, key: content}
  - {title: 考核要点}
  - {title: 责任人, key: owners}
  - {title: 完成时限, key: due}
tasks:
  - id: 1
    due: 6月底前
    content: 完成年度职工技能竞赛
    departments:
      - 组宣部
    support:
      - 财务部
    owners:
      - 王敏
    group: 一、建功立业
    fields:
      考核要点: 参赛职工不少于200人

  - id: 2
    period: 3-4月
    content: 春季职工健步走
    departments:
      - 办公室
    log:
      - date: 2024-03-01
        note: 已启动

  - id: 3
    period: 每月
    content: 困难职工走访
    departments:
      - 办公室
      - 组宣部
`;

const s2Flow = `schemaVersion: 2
year: 2024
title: 2024年重点工作任务分解表
departments: [办公室, 组宣部, 财务部]
columns:
  - {title: 序号, key: id}
  - {title: 工作任务, key: content}
  - {title: 考核要点}
  - {title: 完成时限, key: due}
tasks:
  - {id: 1, due: 6月底前, content: 完成年度职工技能竞赛, departments: [组宣部], fields: {考核要点: 参赛职工不少于200人}}

  - {id: 2, period: 3-4月, content: 春季职工健步走, departments: [办公室], log: [{date: 2024-03-01, note: 已启动}]}

  - {id: 3, period: 每月, content: 困难职工走访, departments: [办公室, 组宣部]}
`;

const crlfBom = (text: string) => `\ufeff${text.replace(/\n/g, '\r\n')}`;

const LAYOUTS: Record<string, { text: string; v2: boolean }> = {
  's1 block': { text: s1Block, v2: false },
  's1 flow': { text: s1Flow, v2: false },
  's2 block': { text: s2Block, v2: true },
  's2 flow': { text: s2Flow, v2: true },
  's2 block, CRLF and BOM': { text: crlfBom(s2Block), v2: true },
  's1 block, CRLF and BOM': { text: crlfBom(s1Block), v2: false },
};

function setup(text: string) {
  const cwd = testdir({ [FILE]: text });
  const path = join(cwd, FILE);
  const bytes = () => readFileSync(path);
  const plan = (args: string[], env?: Record<string, string>) => run([...args, '--as-of', AS_OF], { cwd, ...(env && { env }) });
  const task = (id: number) => JSON.parse(plan(['show', String(id), '--format', 'json']).stdout) as Record<string, unknown>;
  return { cwd, path, bytes, plan, task };
}

/** The lines that differ between two texts, as [first, last) line ranges of `before` and of `after` (common prefix and suffix taken off). */
function changedLines(before: string, after: string) {
  const a = before.split('\n');
  const b = after.split('\n');
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  return { removed: a.slice(p, a.length - s), added: b.slice(p, b.length - s), at: p };
}

/** The lines of task `id`'s block in a text (from its `id:` line to the line before the next task's). */
function taskLines(text: string, id: number): [number, number] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^\\s*- \\{? ?id: ${id}\\b`).test(l));
  let end = lines.findIndex((l, i) => i > start && /^\s*- \{? ?id: \d+/.test(l));
  if (end < 0) end = lines.length;
  return [start, end];
}

describe.each(Object.entries(LAYOUTS))('%s', (_name, { text, v2 }) => {
  const eolOk = (out: string) => {
    if (text.includes('\r\n')) expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect(out.startsWith('\ufeff')).toBe(text.startsWith('\ufeff'));
  };

  it('add then remove gives back the original bytes; add only adds lines', () => {
    const t = setup(text);
    const before = t.bytes();
    const extra = v2 ? ['--support', '财务部', '--owner', '李四', '--due', '9月底前'] : [];
    const unit = v2 ? '办公室' : '乙部';
    const r = t.plan(['add', '--content', '新增: 职工书法比赛', '--period', '五月', '--department', unit, ...extra]);
    expect(r).toMatchObject({ code: 0, stdout: '已新增任务 4：新增: 职工书法比赛\n', stderr: '' });
    const after = t.bytes().toString();
    eolOk(after);
    const diff = changedLines(before.toString(), after);
    expect(diff.removed).toEqual([]);
    expect(diff.added.join('\n')).toContain('id: 4');
    expect(t.task(4)).toMatchObject({ id: 4, period: '5月', content: '新增: 职工书法比赛', departments: [unit], ...(v2 && { support: ['财务部'], owners: ['李四'] }) });
    expect(t.plan(['validate']).code).toBe(0);
    // The new block is in the file's own style.
    const block = diff.added.join('\n');
    if (text.includes('- {id: 1')) expect(block).toMatch(/- \{id: 4, /);
    else expect(block).toMatch(/^ {2}- id: 4\r?$/m);
    expect(t.plan(['remove', '4'])).toMatchObject({ code: 0, stdout: `已删除任务 4：新增: 职工书法比赛 (5月，${unit})\n` });
    expect(t.bytes()).toEqual(before);
  });

  it('add --after puts the task after that one; remove takes it out again', () => {
    const t = setup(text);
    const before = t.bytes();
    expect(t.plan(['add', '--content', '插入项', '--period', '2月', '--department', v2 ? '组宣部' : '甲部', '--after', '1', '--id', '10']).code).toBe(0);
    const ids = (parse(t.bytes().toString().replace(/^\ufeff/, '')) as { tasks: { id: number }[] }).tasks.map((x) => x.id);
    expect(ids).toEqual([1, 10, 2, 3]);
    expect(t.plan(['remove', '10']).code).toBe(0);
    expect(t.bytes()).toEqual(before);
  });

  it('edit changes only the task’s own lines; a moved period is logged; moving it back and unlogging twice gives back the bytes', () => {
    const t = setup(text);
    const before = t.bytes();
    const r = t.plan(['edit', '2', '--period', '5-6月', '--note', '场地调整', '--date', '2024-04-10']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('已修改任务 2：计划时间\n已记录进展：任务 2 (2024-04-10)：计划时间由3-4月调整为5-6月：场地调整\n');
    const after = t.bytes().toString();
    eolOk(after);
    const [start, end] = taskLines(before.toString(), 2);
    const diff = changedLines(before.toString(), after);
    expect(diff.at).toBeGreaterThanOrEqual(start);
    expect(diff.at + diff.removed.length).toBeLessThanOrEqual(end);
    expect(t.task(2)).toMatchObject({ period: '5-6月', log: [{ date: '2024-03-01', note: '已启动' }, { date: '2024-04-10', note: '计划时间由3-4月调整为5-6月：场地调整' }] });
    expect(t.plan(['edit', '2', '--period', '3-4月']).code).toBe(0);
    expect(t.plan(['unlog', '2']).stdout).toBe('已删除任务 2 的第 3 条进展记录 (2024-05-01：计划时间由5-6月调整为3-4月)\n');
    expect(t.plan(['unlog', '2', '2']).code).toBe(0);
    expect(t.bytes()).toEqual(before); // the comment after the period too
  });

  it('edit --content and --department keep the rest of the file byte for byte', () => {
    const t = setup(text);
    const before = t.bytes().toString();
    const units = v2 ? ['组宣部', '财务部'] : ['甲部', '乙部'];
    expect(t.plan(['edit', '3', '--content', '第三项（修订）', '--department', units.join('、')]).stdout).toBe('已修改任务 3：内容、负责部门\n');
    const after = t.bytes().toString();
    const [start] = taskLines(before, 3);
    expect(changedLines(before, after).at).toBeGreaterThanOrEqual(start);
    expect(t.task(3)).toMatchObject({ content: '第三项（修订）', departments: units });
    expect(t.plan(['validate']).code).toBe(0);
  });

  it('unlog of the only entry removes the log key', () => {
    const t = setup(text);
    const before = t.bytes();
    expect(t.plan(['log', '3', '第一次走访']).code).toBe(0);
    expect(t.plan(['unlog', '3']).code).toBe(0);
    expect(t.bytes()).toEqual(before);
    expect(t.plan(['unlog', '2']).code).toBe(0);
    expect(t.task(2).log).toEqual([]);
    expect(t.bytes().toString()).not.toMatch(/log/);
  });

  if (v2) {
    it('cancel then cancel --undo gives back the bytes; fields and support are edited in place', () => {
      const t = setup(text);
      const before = t.bytes();
      expect(t.plan(['cancel', '3', '--reason', '上级通知取消', '--date', '2024-04-01'])).toMatchObject({ code: 0, stdout: '已取消任务 3 (2024-04-01：上级通知取消)\n' });
      expect(t.task(3)).toMatchObject({ status: 'cancelled', cancelled: { date: '2024-04-01', reason: '上级通知取消' } });
      expect(t.plan(['cancel', '3', '--undo']).stdout).toBe('已恢复任务 3 (删除了取消记录)\n');
      expect(t.bytes()).toEqual(before);

      expect(t.plan(['edit', '1', '--field', '考核要点=参赛职工不少于300人', '--support', '办公室']).code).toBe(0);
      expect(t.task(1)).toMatchObject({ support: ['办公室'], fields: { 考核要点: '参赛职工不少于300人' } });
      expect(t.plan(['edit', '1', '--unset', '考核要点', 'support']).code).toBe(0);
      const task = t.task(1);
      expect(task.fields).toEqual({});
      expect(task.support).toEqual([]);
      expect(t.plan(['validate']).code).toBe(0);
      eolOk(t.bytes().toString());
    });
  }
});

describe('refusals leave the file byte for byte', () => {
  const cases: [string, string[], number, RegExp][] = [
    ['add without content', ['add', '--period', '5月', '--department', '局工会'], 2, /--content 为空/],
    ['add without a time', ['add', '--content', 'x', '--department', '局工会'], 2, /缺少 --period 或 --due/],
    ['add with an unknown unit', ['add', '--content', 'x', '--period', '5月', '--department', '机关工委'], 2, /"机关工委" 不是本计划的部门.*是否想输入 "机关工会"/],
    ['add with a bad period', ['add', '--content', 'x', '--period', '13月', '--department', '局工会'], 2, /不是计划时间/],
    ['add with a period of another year', ['add', '--content', 'x', '--period', '2022年5月', '--department', '局工会'], 2, /不在计划年度 2023 年内/],
    ['add with a taken id', ['add', '--content', 'x', '--period', '5月', '--department', '局工会', '--id', '7'], 1, /已有序号为 7 的任务/],
    ['add after an unknown task', ['add', '--content', 'x', '--period', '5月', '--department', '局工会', '--after', '99'], 1, /没有序号为 99 的任务/],
    ['add with an unknown field', ['add', '--content', 'x', '--period', '5月', '--field', '备注=y'], 2, /没有名为 "备注" 的附加列/],
    ['add with a malformed field', ['add', '--content', 'x', '--period', '5月', '--field', '备注'], 2, /格式不对/],
    ['edit an unknown task', ['edit', '99', '--content', 'x'], 1, /没有序号为 99 的任务/],
    ['edit without changes', ['edit', '7'], 2, /没有要修改的内容/],
    ['edit to an empty content', ['edit', '7', '--content', ' '], 2, /--content 为空/],
    ['edit --unset content', ['edit', '7', '--unset', 'content'], 2, /--unset "content" 不能删除/],
    ['edit --unset period (no due)', ['edit', '7', '--unset', 'period'], 2, /既没有计划时间也没有完成时限/],
    ['edit a bad due', ['edit', '7', '--due', '下下周'], 2, /--due "下下周" 不是计划时间/],
    ['cancel without a reason', ['cancel', '7'], 2, /缺少 --reason/],
    ['cancel a done task', ['cancel', '1', '--reason', 'x'], 1, /已于 2023-02-20 完成，不能取消/],
    ['uncancel a task not cancelled', ['cancel', '7', '--undo'], 1, /没有取消记录/],
    ['remove a task with records', ['remove', '1'], 1, /已有 完成记录，删除会丢失这些记录/],
    ['remove an unknown task', ['remove', '99'], 1, /没有序号为 99 的任务/],
    ['unlog a task without log', ['unlog', '7'], 1, /没有进展记录/],
    ['unlog a bad number', ['unlog', '7', '0'], 2, /不是进展记录的序号/],
  ];
  const seed = seedPlan();
  const cwd = testdir({ 'plans/2023.yaml': seed });
  // Task 1 done, so that the refusals about records have something to refuse.
  expect(run(['done', '1', '--date', '2023-02-20', '--as-of', '2023-05-01'], { cwd }).code).toBe(0);
  const before = readFileSync(join(cwd, 'plans/2023.yaml'));

  it.each(cases)('%s', (_name, args, code, message) => {
    const r = run([...args, '--as-of', '2023-05-01'], { cwd });
    expect(r.code, r.stderr).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.stdout).toBe('');
    expect(readFileSync(join(cwd, 'plans/2023.yaml'))).toEqual(before);
  });

  it('schema 1 refuses what only schema 2 holds, naming plan migrate', () => {
    const t = setup(s1Block);
    const b = t.bytes();
    for (const args of [['cancel', '1', '--reason', 'x'], ['edit', '1', '--support', '甲部'], ['add', '--content', 'x', '--period', '5月', '--department', '甲部', '--due', '6月']]) {
      const r = t.plan(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/需要 schema 版本 2 的计划文件.*plan migrate/);
    }
    expect(t.plan(['add', '--content', 'x', '--period', '5月']).stderr).toMatch(/缺少 --department/);
    expect(t.bytes()).toEqual(b);
  });

  it('remove --force removes a task with records and says what it removed', () => {
    const t = setup(s1Block);
    expect(t.plan(['remove', '2'])).toMatchObject({ code: 1 });
    expect(t.plan(['remove', '2', '--force'])).toMatchObject({ code: 0, stdout: '已删除任务 2：第二项 (3-4月，甲部、乙部)\n' });
    expect(t.plan(['list', '--format', 'json']).stdout).not.toContain('第二项');
  });
});

describe('the registry and empty plans', () => {
  it('--new-department adds unknown units to a flow registry, and to a block one', () => {
    for (const text of [s1Block, s2Block]) {
      const t = setup(text);
      const unit = text === s1Block ? '甲部' : '组宣部';
      const r = t.plan(['add', '--content', 'x', '--period', '5月', '--department', unit, '心理服务中心', '--new-department']);
      expect(r.stdout).toBe('已新增任务 4：x\n已把 心理服务中心 加入部门名录\n');
      const out = t.bytes().toString();
      expect(out).toContain(text === s1Block ? 'departments: [甲部, 乙部, 心理服务中心]\n' : '  - 财务部\n  - 心理服务中心\ncolumns:');
      expect(t.plan(['validate']).code).toBe(0);
    }
  });

  it('adds the first task to `tasks: []` and removes it again', () => {
    const text = 'schemaVersion: 2\nyear: 2024\ntitle: 空计划\ndepartments: [办公室]\ntasks: []\n';
    const t = setup(text);
    expect(t.plan(['add', '--content', '第一项', '--period', '全年', '--department', '办公室']).code).toBe(0);
    expect(t.bytes().toString()).toBe('schemaVersion: 2\nyear: 2024\ntitle: 空计划\ndepartments: [办公室]\ntasks:\n  - id: 1\n    period: 全年\n    content: 第一项\n    departments: [办公室]\n');
    expect(t.plan(['remove', '1']).code).toBe(0);
    expect(t.bytes().toString()).toBe(text);
  });

  it('--format json prints the changed task', () => {
    const t = setup(s2Block);
    const r = t.plan(['edit', '2', '--owner', '张三', '李四', '--format', 'json']);
    expect(JSON.parse(r.stdout)).toMatchObject([{ id: 2, owners: ['张三', '李四'] }]);
    expect(JSON.parse(t.plan(['add', '--content', 'y', '--due', '2024.09', '--format', 'json']).stdout)).toMatchObject([{ id: 4, period: '9月底前', end: '2024-09-30' }]);
  });
});

describe('concurrent writers', () => {
  it('20 concurrent add, edit, done and log all land, the file stays valid, no lock is left', async () => {
    const cwd = testdir({ 'plans/2023.yaml': seedPlan() });
    const jobs = [
      ...Array.from({ length: 5 }, (_, i) => ['add', '--content', `并发新增${i}`, '--period', '12月', '--department', '局工会']),
      ...Array.from({ length: 5 }, (_, i) => ['edit', String(i + 2), '--content', `并发修改${i + 2}`]),
      ...Array.from({ length: 5 }, (_, i) => ['done', String(i + 10)]),
      ...Array.from({ length: 5 }, (_, i) => ['log', String(i + 16), `并发进展${i + 16}`]),
    ];
    const results = await Promise.all(jobs.map((args) => runAsync([...args, '--as-of', '2023-05-01'], { cwd })));
    expect(results.map((r) => [r.code, r.stderr])).toEqual(jobs.map(() => [0, '']));
    const tasks = JSON.parse(run(['list', '--format', 'json'], { cwd }).stdout) as { id: number; content: string; completed: unknown; log: unknown[] }[];
    expect(tasks).toHaveLength(30);
    expect(tasks.filter((t) => t.content.startsWith('并发新增')).map((t) => t.id).sort()).toEqual([26, 27, 28, 29, 30]);
    expect(tasks.filter((t) => t.content.startsWith('并发修改'))).toHaveLength(5);
    expect(tasks.filter((t) => t.id >= 10 && t.id < 15 && t.completed)).toHaveLength(5);
    expect(tasks.filter((t) => t.id >= 16 && t.id < 21 && t.log.some((e) => String((e as { note: string }).note).startsWith('并发进展')))).toHaveLength(5);
    expect(run(['validate'], { cwd }).code).toBe(0);
    expect(readdirSync(join(cwd, 'plans'))).toEqual(['2023.yaml']);
  }, 60_000);
});

describe('--commit', () => {
  const gitEnv = (name: string) => ({
    GIT_AUTHOR_NAME: name,
    GIT_AUTHOR_EMAIL: `${name}@example.org`,
    GIT_COMMITTER_NAME: name,
    GIT_COMMITTER_EMAIL: `${name}@example.org`,
  });
  const repo = () => {
    const cwd = testdir({ 'plans/2023.yaml': seedPlan(), 'notes.txt': 'a\n' });
    const git = (...args: string[]) => execFileSync('git', args, { cwd, env: { ...process.env, ...gitEnv('张三'), GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'init');
    return { cwd, git };
  };

  it('commits the plan file alone, leaving what else is staged staged', () => {
    const { cwd, git } = repo();
    writeFileSync(join(cwd, 'notes.txt'), 'b\n');
    git('add', 'notes.txt');
    const r = run(['done', '7', '--commit', '--as-of', '2023-04-20'], { cwd, env: gitEnv('李四') });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(git('log', '-1', '--format=%s|%an')).toBe('plan: 完成任务 7 (“书香城管”读书沙龙)|李四\n');
    expect(git('show', '--name-only', '--format=', 'HEAD')).toBe('plans/2023.yaml\n');
    expect(git('diff', '--cached', '--name-only')).toBe('notes.txt\n');
    expect(git('status', '--porcelain', 'plans')).toBe('');
  });

  it('PLAN_AUTO_COMMIT=1 commits every write, with a message per command', () => {
    const { cwd, git } = repo();
    const env = { ...gitEnv('王五'), PLAN_AUTO_COMMIT: '1' };
    for (const args of [['add', '--content', '职工书法比赛', '--period', '5月', '--department', '机关工会'], ['edit', '26', '--period', '6月'], ['log', '26', '场地已定'], ['unlog', '26'], ['remove', '26', '--force'], ['done', '1'], ['undo', '1']]) {
      const r = run([...args, '--as-of', '2023-05-01'], { cwd, env });
      expect(r.code, r.stderr).toBe(0);
    }
    expect(git('log', '--format=%s', '-7').trim().split('\n').reverse()).toEqual([
      'plan: 新增任务 26 (职工书法比赛)',
      'plan: 修改任务 26 的计划时间 (职工书法比赛)',
      'plan: 记录任务 26 的进展 (职工书法比赛)',
      'plan: 删除任务 26 的一条进展记录 (职工书法比赛)',
      'plan: 删除任务 26 (职工书法比赛)',
      'plan: 完成任务 1 (“访一线、听心声”春节走访慰问)',
      'plan: 撤销任务 1 的完成记录 (“访一线、听心声”春节走访慰问)',
    ]);
  });

  it('a failed commit keeps the write and says so, exit 1', () => {
    const cwd = testdir({ 'plans/2023.yaml': seedPlan() });
    const r = run(['log', '7', '场地已落实', '--commit', '--as-of', '2023-04-01'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('已记录进展：任务 7 (2023-04-01)：场地已落实\n');
    expect(r.stderr).toMatch(/^plan: .*plans\/2023\.yaml/);
    expect(readFileSync(join(cwd, 'plans/2023.yaml'), 'utf8')).toContain('note: 场地已落实');
    expect(existsSync(join(cwd, 'plans/2023.yaml.lock'))).toBe(false);
    expect(r.stderr).toBe('plan: plans/2023.yaml: 文件已写入，但 git 提交失败：文件不在 git 仓库中 (可修正后自行 git commit)\n');
  });

  it('a hook that refuses the commit: the write stays, git\'s words are shown, nothing is committed', () => {
    const { cwd, git } = repo();
    writeFileSync(join(cwd, '.git/hooks/pre-commit'), '#!/bin/sh\necho "error: 禁止提交" >&2\nexit 1\n', { mode: 0o755 });
    const r = run(['done', '7', '--commit', '--as-of', '2023-04-20'], { cwd, env: gitEnv('李四') });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('plan: plans/2023.yaml: 文件已写入，但 git 提交失败：禁止提交 (可修正后自行 git commit)\n');
    expect(git('log', '--format=%s')).toBe('init\n');
    expect(readFileSync(join(cwd, 'plans/2023.yaml'), 'utf8')).toContain('2023-04-20');
  });

  it('a write that gives back the committed file commits nothing and succeeds', () => {
    const { cwd, git } = repo();
    expect(run(['done', '7', '--as-of', '2023-04-20'], { cwd }).code).toBe(0);
    const r = run(['undo', '7', '--commit'], { cwd });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(git('log', '--format=%s')).toBe('init\n');
    expect(git('status', '--porcelain')).toBe('');
  });

  it('commits a plan file git does not track yet, named with -f from another directory', () => {
    const { cwd, git } = repo();
    mkdirSync(join(cwd, 'office/2024'), { recursive: true });
    writeFileSync(join(cwd, 'office/2024/plan.yaml'), seedPlan().replace('year: 2023', 'year: 2024'));
    mkdirSync(join(cwd, 'elsewhere'));
    const r = run(['done', '3', '-f', '../office/2024/plan.yaml', '--commit', '--as-of', '2024-03-01'], { cwd: join(cwd, 'elsewhere'), env: gitEnv('赵六') });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(git('show', '--name-only', '--format=%an', 'HEAD')).toBe('赵六\n\noffice/2024/plan.yaml\n');
  });
});

describe('texts YAML would read otherwise', () => {
  const values = ['a: b', '#x', 'x #y', '- x', '[x]', '{x}', "'", '"', 'yes', 'no', '2024.09', '123', '&a', '*a', '!tag', '%x', '@x', '`x', '|', '>', ' 前后空格 ', '多行\n第二行', 'a, b', 'null', '~', 'x\u2028y', '  - id: 99'];
  it.each([['block', s1Block], ['flow', s1Flow]])('%s: every text reads back as given, as content, log note and new unit', (_name, text) => {
    const t = setup(text);
    for (const value of values) {
      const r = t.plan(['add', '--content', value, '--period', '5月', '--department', '甲部']);
      expect(r.code, `${JSON.stringify(value)}: ${r.stderr}`).toBe(0);
    }
    for (const [i, value] of values.slice(0, 6).entries()) expect(t.plan(['edit', '5', '--note', value, '--content', `c${i}`]).code).toBe(0);
    expect(t.plan(['add', '--content', 'z', '--period', '6月', '--department', 'a: b', '[x]', 'yes', '--new-department']).code).toBe(0);
    const tasks = JSON.parse(t.plan(['list', '--format', 'json']).stdout) as { content: string; departments: string[]; log: { note: string }[] }[];
    expect(tasks.slice(3, 3 + values.length).map((x) => x.content)).toEqual(values.map((v, i) => (i === 1 ? 'c5' : v.trim())));
    expect(tasks[4]!.log.map((e) => e.note)).toEqual(values.slice(0, 6).map((v) => `内容调整：${v.trim()}`));
    expect(tasks.at(-1)!.departments).toEqual(['a: b', '[x]', 'yes']);
    expect(t.plan(['validate']).code).toBe(0);
  }, 60_000);
});
