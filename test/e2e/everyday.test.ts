import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/io/load.js';
import { BIN, cleanEnv, fishComplete, miniPlan, run, SEED_PLAN, SEED_TEXT, seedPlan, testdir } from '../helpers.js';

const ASOF = ['--as-of', '2023-04-15'];
const seed = (await loadPlan(SEED_PLAN)).plan;
const SCHEMA = readFileSync(join(SEED_PLAN, '../../schemas/plan.schema.json'), 'utf8');

/** The seed's annex table, cell by cell, whitespace aside. */
function seedAnnexCells(): string[][] {
  const lines = readFileSync(SEED_TEXT, 'utf8').split('\n');
  const from = lines.findIndex((l) => l.startsWith('序 号'));
  return tsvCells(lines.slice(from, from + 26));
}
const tsvCells = (lines: string[]) => lines.filter((l) => l.trim()).map((l) => l.split('\t').map((c) => c.replace(/\s+/g, '')));

describe('plan import', () => {
  it('turns the seed annex (pasted from Word) into the tasks of plans/2023.yaml, and render gives the table back', async () => {
    const dir = testdir({ 'notice.txt': readFileSync(SEED_TEXT) });
    const r = run(['import', 'notice.txt', ...ASOF], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: '已创建 plans/2023.yaml (25 项任务，4 个部门)\n', stderr: '' });
    const imported = (await loadPlan(join(dir, 'plans/2023.yaml'))).plan;
    expect(imported.tasks).toEqual(seed.tasks);
    expect(imported).toMatchObject({ schemaVersion: 2, year: 2023, title: seed.title, annexTitle: seed.annexTitle, departments: seed.departments });
    expect(imported.columns).toEqual([
      { title: '序号', key: 'id' },
      { title: '计划时间', key: 'period' },
      { title: '内容', key: 'content' },
      { title: '负责部门', key: 'departments' },
    ]);

    const text = readFileSync(join(dir, 'plans/2023.yaml'), 'utf8');
    expect(text.startsWith('---\nschemaVersion: 2\n')).toBe(true); // no schemas/ above: no schema line
    expect(text.slice(text.indexOf('\ntasks:\n'))).toBe(seedPlan().slice(seedPlan().indexOf('\ntasks:\n'))); // blank line between tasks

    const tsv = run(['render', '--format', 'tsv'], { cwd: dir });
    expect(tsv.code).toBe(0);
    expect(tsvCells(tsv.stdout.split('\n'))).toEqual(seedAnnexCells());
  });

  it('reads CSV with a BOM, CRLF, quoted commas, quotes and line breaks, into plans/<year>.yaml with a schema line', async () => {
    const csv = '\ufeff"2024年某单位主要工作计划表",,,\r\n序号,计划时间,内容,负责部门\r\n1,1-2 月,"走访慰问, 春节",办公室\r\n2,,"""书香""读书会",办公室、工会\r\n3,全年,"两行\r\n内容",工会\r\n';
    const dir = testdir({ 'annex.csv': csv, 'schemas/plan.schema.json': SCHEMA });
    const r = run(['import', 'annex.csv'], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: '已创建 plans/2024.yaml (3 项任务，2 个部门)\n', stderr: '' });
    expect(readFileSync(join(dir, 'plans/2024.yaml'), 'utf8')).toBe(`# yaml-language-server: $schema=../schemas/plan.schema.json
---
schemaVersion: 2
year: 2024
title: 2024年某单位工作计划
annexTitle: 2024年某单位主要工作计划表
departments: [办公室, 工会]
columns:
  - {title: 序号, key: id}
  - {title: 计划时间, key: period}
  - {title: 内容, key: content}
  - {title: 负责部门, key: departments}

tasks:
  - id: 1
    period: 1-2月
    content: 走访慰问, 春节
    departments: [办公室]

  - id: 2
    period: 1-2月
    content: "\\"书香\\"读书会"
    departments: [办公室, 工会]

  - id: 3
    period: 全年
    content: "两行\\n内容"
    departments: [工会]
`);
    expect(run(['validate'], { cwd: dir })).toMatchObject({ code: 0, stdout: 'plans/2024.yaml：有效 (3 项任务)\n' });
  });

  it('reads a markdown table (the output of render --format markdown)', async () => {
    const dir = testdir({ 'plans/2023.yaml': seedPlan() });
    const md = run(['render', '--format', 'markdown'], { cwd: dir }).stdout;
    writeFileSync(join(dir, 'annex.md'), md.replace('机关春节联欢活动', '机关春节联欢活动 \\| 游园'));
    const r = run(['import', 'annex.md', '-o', 'again.yaml'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const again = (await loadPlan(join(dir, 'again.yaml'))).plan;
    expect(again.tasks[2]!.content).toBe('机关春节联欢活动 | 游园');
    expect(again.tasks.filter((t) => t.id !== 3)).toEqual(seed.tasks.filter((t) => t.id !== 3));
    expect(again.annexTitle).toBe(seed.annexTitle);
  });

  it('reports every unparseable row with its line number and writes nothing', async () => {
    const bad = '2024年某单位主要工作计划表\n\n序号\t计划时间\t内容\t负责部门\n1\t1-2月\t甲\t办公室\n2\t13月\t乙\t办公室\n二\t3月\t丙\t办公室\n4\t\t\t办公室\n1\t3-4月\t丁\t办公室\n';
    const dir = testdir({ 'bad.txt': bad });
    const r = run(['import', 'bad.txt'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'plan: bad.txt:5:3: 计划时间 "13月" 无效 (应为如 7月、3-4月、第二季度、上半年、全年)',
        'plan: bad.txt:6:1: 序号 "二" 不是正整数 (应为 1、2、3 这样的序号)',
        'plan: bad.txt:7:4: 内容为空 (每行任务应写明工作内容)',
        'plan: bad.txt:8:1: 序号 1 与第 4 行重复 (序号应唯一)',
        '',
      ].join('\n'),
    );
    expect(existsSync(join(dir, 'plans'))).toBe(false);
  });

  it('asks for --year when the table has no title with a year (exit 2), and takes it', async () => {
    const dir = testdir({ 'annex.csv': 'No.,Period,Content,Departments\n1,Q1,Visit,Office\n' });
    const r = run(['import', 'annex.csv'], { cwd: dir });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'plan: annex.csv: 无法确定计划年度：表头上方没有含四位年份的标题 (请用 --year 指定，如 --year 2024)\n' });
    expect(run(['import', 'annex.csv', '--year', '2025'], { cwd: dir }).code).toBe(0);
    expect((await loadPlan(join(dir, 'plans/2025.yaml'))).plan).toMatchObject({ title: '2025年工作计划', tasks: [{ id: 1, period: 'Q1', content: 'Visit', departments: ['Office'] }] });
    expect(run(['import', 'annex.csv', '--year', '25'], { cwd: dir }).stderr).toBe('plan: --year "25" 不是年份 (应为四位数的年份，如 2024)\n');
  });

  it.each([
    ['no header row', { 'a.txt': '没有表格的一段话。\n' }, ['import', 'a.txt'], 'plan: a.txt: 找不到附件表的表头 (应有一行列名，含内容列，如 内容、工作内容、工作任务，以及另一列，如 序号、计划时间、完成时限、负责部门；或按月份、“牵头单位：”列出的编号事项)\n'],
    ['a missing file', {}, ['import', 'nope.csv'], 'plan: nope.csv: 文件不存在 (应为一个计划文件的路径)\n'],
    ['GBK from Excel', { 'a.csv': Buffer.from([0x31, 0x2c, 0xd6, 0xd0, 0x0a]) }, ['import', 'a.csv'], 'plan: a.csv:1:3: 不是 UTF-8 编码的文本 (Excel 中请另存为“CSV UTF-8”；Word 表格可复制后粘贴为纯文本)\n'],
  ])('fails clearly on %s (exit 1)', (_name, files, args, stderr) => {
    const r = run(args, { cwd: testdir(files) });
    expect(r).toEqual({ code: 1, stdout: '', stderr });
  });

  it('refuses to overwrite, leaving the file as it was', async () => {
    const dir = testdir({ 'plans/2023.yaml': '# mine\n', 'notice.txt': readFileSync(SEED_TEXT) });
    const r = run(['import', 'notice.txt'], { cwd: dir });
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'plan: plans/2023.yaml: 文件已存在，不会覆盖 (请用 -o 指定另一个文件，或先移走它)\n' });
    expect(readFileSync(join(dir, 'plans/2023.yaml'), 'utf8')).toBe('# mine\n');
  });
});

describe('plan init', () => {
  const lastYear = seedPlan()
    .replace('    departments: [局工会, 机关工会]\n\n  - id: 8', '    departments: [局工会, 机关工会]\n    completed:\n      date: 2023-04-20\n      by: 张三\n      note: 首期读书沙龙\n    log:\n      - date: 2023-03-15\n        note: 场地已落实\n\n  - id: 8')
    .replace('    content: 组织体检\n    departments: [局工会, 组织人事处]\n', '    content: 组织体检\n    departments: [局工会, 组织人事处]\n    log:\n      - date: 2023-09-01\n        note: 已联系医院\n');

  it('carries last year over: completions and logs gone, the year changed, issue dates dropped', async () => {
    const dir = testdir({ 'plans/2023.yaml': lastYear, 'schemas/plan.schema.json': SCHEMA });
    expect((await loadPlan(join(dir, 'plans/2023.yaml'))).plan.tasks[6]!.completed).toEqual({ date: '2023-04-20', by: '张三', note: '首期读书沙龙' });
    const r = run(['init', '2024', '--from', 'plans/2023.yaml', ...ASOF], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: '已创建 plans/2024.yaml (25 项任务，4 个部门)\n', stderr: '' });
    const text = readFileSync(join(dir, 'plans/2024.yaml'), 'utf8');
    expect(text).not.toMatch(/completed|log:|张三|场地|2023-|issued|printed:/);
    // The whole file is last year's, with only the year-bearing header lines changed and the dates of issue dropped.
    const expected = seedPlan()
      .replace('year: 2023', 'year: 2024')
      .replace(/^(title|docNumber|annexTitle|  title|  text): (.*)2023/gm, '$1: $22024')
      .replace(/^(issued|printed): 2023-02-13\n/gm, '');
    expect(text).toBe(expected);
    expect(readFileSync(join(dir, 'plans/2023.yaml'), 'utf8')).toBe(lastYear);
    expect(run(['validate', 'plans/2024.yaml'], { cwd: dir }).code).toBe(0);
  });

  it('writes a skeleton that validates, with the schema path from where it is written', async () => {
    const dir = testdir({ 'schemas/plan.schema.json': SCHEMA });
    const r = run(['init', '2025'], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: '已创建 plans/2025.yaml (1 项任务，1 个部门)\n请把示例部门和示例任务改为实际内容，再用 plan validate 检查。\n', stderr: '' });
    expect(readFileSync(join(dir, 'plans/2025.yaml'), 'utf8').split('\n').slice(0, 6)).toEqual([
      '# yaml-language-server: $schema=../schemas/plan.schema.json',
      '---',
      'schemaVersion: 1',
      'year: 2025',
      'title: 2025年工作计划',
      'annexTitle: 2025年主要工作计划表',
    ]);
    expect(run(['validate', 'plans/2025.yaml'], { cwd: dir }).stdout).toBe('plans/2025.yaml：有效 (1 项任务)\n');
    // -o names a place in an existing folder (as for every command); only plans/ itself is made.
    expect(run(['init', '2025', '-o', 'drafts/next/2025.yaml'], { cwd: dir })).toEqual({ code: 1, stdout: '', stderr: 'plan: drafts/next/2025.yaml: 无法写入：所在目录不存在 (应为一个可写的路径)\n' });
    mkdirSync(join(dir, 'drafts/next'), { recursive: true });
    expect(run(['init', '2025', '-o', 'drafts/next/2025.yaml'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'drafts/next/2025.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/plan.schema.json');
  });

  it('refuses to overwrite an existing file, byte for byte unchanged', async () => {
    const dir = testdir({ 'plans/2023.yaml': seedPlan(), 'plans/2024.yaml': Buffer.from('\ufeffkeep: me\r\n') });
    const r = run(['init', '2024', '--from', 'plans/2023.yaml'], { cwd: dir });
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'plan: plans/2024.yaml: 文件已存在，不会覆盖 (请用 -o 指定另一个文件，或先移走它)\n' });
    expect(readFileSync(join(dir, 'plans/2024.yaml'))).toEqual(Buffer.from('\ufeffkeep: me\r\n'));
    expect(run(['init', '2024', '-o', 'plans/2023.yaml'], { cwd: dir }).code).toBe(1);
    expect(readFileSync(join(dir, 'plans/2023.yaml'), 'utf8')).toBe(seedPlan());
  });

  it.each([
    [['init', '24'], 2, 'plan: <year> "24" 不是年份 (应为四位数的年份，如 2024)\n'],
    [['init'], 2, 'plan: 缺少参数 <year> (用法见 --help)\n'],
    [['init', '2024', '--from', 'missing.yaml'], 1, 'plan: missing.yaml: 文件不存在 (应为一个计划文件的路径)\n'],
  ])('plan %j exits %i', (args, code, stderr) => {
    const dir = testdir();
    expect(run(args, { cwd: dir })).toEqual({ code, stdout: '', stderr });
    expect(existsSync(join(dir, 'plans'))).toBe(false);
  });
});

describe('plan export --format ics', () => {
  const repo = testdir({ 'plans/2023.yaml': seedPlan().replace('    departments: [局工会, 机关工会]\n\n  - id: 8', '    departments: [局工会, 机关工会]\n    completed:\n      date: 2023-04-20\n\n  - id: 8') });

  /** The file's bytes, as physical lines (split at CRLF) and as unfolded content lines. */
  function exported(args: string[] = []) {
    const r = run(['export', '-o', 'plan.ics', ...ASOF, ...args], { cwd: repo });
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    const bytes = readFileSync(join(repo, 'plan.ics'));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { bytes, text, physical: text.split('\r\n'), lines: text.replace(/\r\n /g, '').split('\r\n') };
  }

  it('writes CRLF lines of at most 75 octets, folded without splitting a character', async () => {
    const { bytes, text, physical } = exported();
    expect(bytes[0]).toBe(0x42); // "B", no BOM
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(physical.some((l) => l.startsWith(' '))).toBe(true); // something was folded
    let start = 0;
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] !== 0x0d) continue;
      expect(bytes[i + 1]).toBe(0x0a);
      const line = bytes.subarray(start, i);
      expect(line.length).toBeLessThanOrEqual(75);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(line)).not.toThrow();
      start = i + 2;
    }
  });

  it('has the calendar header and one all-day event per task, DTEND the day after the period', async () => {
    const { lines } = exported();
    expect(lines.slice(0, 6)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', expect.stringMatching(/^PRODID:-\/\/plan\/\/plan /), 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:2023年市城管执法局工会工作计划']);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(25);
    const event = (id: number) => {
      const at = lines.findIndex((l) => new RegExp(`^UID:2023-${id}-[0-9a-f]{12}@plan$`).test(l));
      return lines.slice(at, lines.indexOf('END:VEVENT', at));
    };
    expect(event(7).slice(1)).toEqual([
      'DTSTAMP:20230415T000000Z',
      'DTSTART;VALUE=DATE:20230301',
      'DTEND;VALUE=DATE:20230501',
      'SUMMARY:“书香城管”读书沙龙',
      'DESCRIPTION:计划时间：3-4月 (2023-03-01 至 2023-04-30)\\n负责部门：局工会、机关工会\\n状态：已完成 (截至 2023-04-15)\\n完成日期：2023-04-20',
      'CATEGORIES:局工会,机关工会',
      'TRANSP:TRANSPARENT',
    ]);
    expect(event(1)).toContain('DTEND;VALUE=DATE:20230301'); // 1-2月 ends 02-28
    expect(event(17)).toContain('DTEND;VALUE=DATE:20240101'); // 11-12月 ends on new year's eve
    expect(event(21)).toContain('DTSTART;VALUE=DATE:20230101');
    expect(event(23)).toContain('SUMMARY:机关职工各类补助慰问(住院治疗、生育、退休、献血等情况)');
    expect(event(2).find((l) => l.startsWith('DESCRIPTION'))).toContain('状态：已逾期');
  });

  it('ends 1-2月 of a leap year on 1 March', async () => {
    const dir = testdir({ 'plans/2024.yaml': miniPlan() });
    const r = run(['export', ...ASOF], { cwd: dir });
    expect(r.stdout).toContain('DTSTART;VALUE=DATE:20240101\r\nDTEND;VALUE=DATE:20240301\r\n');
    expect(r.stdout).toContain('DTSTART;VALUE=DATE:20240101\r\nDTEND;VALUE=DATE:20250101\r\n'); // 全年
  });

  it('gives the same bytes and UIDs on every run, and a UID per task', async () => {
    const first = exported().bytes;
    const second = exported().bytes;
    expect(second).toEqual(first);
    const uids = exported().lines.filter((l) => l.startsWith('UID:'));
    expect(new Set(uids).size).toBe(25);
    const other = testdir({ 'plans/2023.yaml': seedPlan().replace('title: 2023年市城管执法局工会工作计划', 'title: 另一个计划') });
    const otherUids = run(['export', ...ASOF], { cwd: other }).stdout.split('\r\n').filter((l) => l.startsWith('UID:'));
    expect(otherUids.filter((u) => uids.includes(u))).toEqual([]);
  });

  it('escapes TEXT values', async () => {
    const dir = testdir({ 'plans/2024.yaml': miniPlan().replace('content: 第一项', 'content: "a,b;c\\\\d"') });
    expect(run(['export', ...ASOF], { cwd: dir }).stdout).toContain('\r\nSUMMARY:a\\,b\\;c\\\\d\r\n');
  });

  it('speaks English in descriptions with --lang en, and suggests ics for an unknown format', async () => {
    const { lines } = exported(['--lang', 'en']);
    const description = lines.slice(lines.findIndex((l) => l.startsWith('UID:2023-7-'))).find((l) => l.startsWith('DESCRIPTION:'));
    expect(description).toBe('DESCRIPTION:Period: 3-4月 (2023-03-01 to 2023-04-30)\\nDepartments: 局工会、机关工会\\nStatus: done (as of 2023-04-15)\\nDone on: 2023-04-20');
    expect(run(['export', '--format', 'ical'], { cwd: repo })).toEqual({ code: 2, stdout: '', stderr: 'plan: --format "ical" 无效 (应为：ics；是否想输入 "ics"？)\n' });
  });
});

describe('plan departments and plan periods', () => {
  const repo = testdir({ 'plans/2023.yaml': seedPlan() });
  const plan = (args: string[], env?: Record<string, string>) => run([...args, '--as-of', '2023-06-30'], { cwd: repo, ...(env && { env }) });

  it('counts per department in registry order', async () => {
    const r = plan(['departments']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(`┌────────────┬────────┬────────┬────────┐
│ 部门       │ 任务数 │ 已完成 │ 已逾期 │
├────────────┼────────┼────────┼────────┤
│ 局工会     │     20 │      0 │      5 │
│ 机关工会   │     13 │      0 │      4 │
│ 女工委     │      1 │      0 │      1 │
│ 组织人事处 │      4 │      0 │      1 │
└────────────┴────────┴────────┴────────┘
`);
  });

  it('counts per period in annex order, as JSON, CSV, TSV and markdown', async () => {
    expect(JSON.parse(plan(['periods', '--format', 'json']).stdout)).toEqual([
      { period: '1-2月', total: 4, done: 0, overdue: 4, cancelled: 0 },
      { period: '3-4月', total: 3, done: 0, overdue: 3, cancelled: 0 },
      { period: '5-6月', total: 3, done: 0, overdue: 0, cancelled: 0 },
      { period: '7-8月', total: 3, done: 0, overdue: 0, cancelled: 0 },
      { period: '9-10月', total: 3, done: 0, overdue: 0, cancelled: 0 },
      { period: '11-12月', total: 4, done: 0, overdue: 0, cancelled: 0 },
      { period: '全年', total: 5, done: 0, overdue: 0, cancelled: 0 },
    ]);
    expect(plan(['periods', '--format', 'csv']).stdout.split('\r\n').slice(0, 2)).toEqual(['计划时间,任务数,已完成,已逾期', '1-2月,4,0,4']);
    expect(plan(['departments', '--format', 'tsv']).stdout.split('\n')[1]).toBe('局工会\t20\t0\t5');
    expect(plan(['departments', '--format', 'markdown']).stdout.split('\n').slice(0, 3)).toEqual(['| 部门 | 任务数 | 已完成 | 已逾期 |', '| --- | ---: | ---: | ---: |', '| 局工会 | 20 | 0 | 5 |']);
    expect(JSON.parse(plan(['departments', '--format', 'json']).stdout)[3]).toEqual({ department: '组织人事处', total: 4, done: 0, overdue: 1, cancelled: 0, support: { total: 0, done: 0, overdue: 0, cancelled: 0 } });
  });

  it('writes CSV to a file with a BOM', async () => {
    const dir = testdir({ 'plans/2023.yaml': seedPlan() });
    expect(run(['departments', '--format', 'csv', '-o', 'd.csv', ...ASOF], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
    const bytes = readFileSync(join(dir, 'd.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1)).toBe(run(['departments', '--format', 'csv', ...ASOF], { cwd: dir }).stdout);
  });

  it('speaks English by flag and by locale', async () => {
    expect(plan(['periods', '--lang', 'en']).stdout).toContain('│ Period  │ Tasks │ Done │ Overdue │');
    expect(plan(['departments'], { LANG: 'en_US.UTF-8' }).stdout).toContain('│ Department │ Tasks │ Done │ Overdue │');
    expect(plan(['departments'], { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }).stdout).toContain('│ 部门');
    expect(plan(['departments', '--format', 'xml'], { LC_MESSAGES: 'en_GB' }).stderr).toBe('plan: --format "xml" is not valid (expected one of: table, json, csv, tsv, markdown)\n');
  });
});

describe('language of the new commands', () => {
  it('follows --lang en and an English locale in messages and help', async () => {
    const dir = testdir({ 'plans/2023.yaml': seedPlan(), 'bad.txt': '序号\t计划时间\t内容\t负责部门\n1\t13月\tx\tA\n' });
    expect(run(['init', '2024', '--from', 'plans/2023.yaml', '--lang', 'en'], { cwd: dir }).stdout).toBe('created plans/2024.yaml (25 tasks, 4 departments)\n');
    expect(run(['init', '2024', '--lang', 'EN'], { cwd: dir }).stderr).toBe(
      'plan: plans/2024.yaml: the file exists; it is not overwritten (name another file with -o, or move it away first)\n',
    );
    expect(run(['import', 'bad.txt', '--year', '2024'], { cwd: dir, env: { LANG: 'en_US.UTF-8' } }).stderr).toBe(
      'plan: bad.txt:2:3: the period "13月" is not valid (expected e.g. 7月, 3-4月, 第二季度, 上半年, 全年)\n',
    );
    for (const command of ['init', 'import', 'export', 'migrate', 'departments', 'periods', 'completion']) {
      const en = run([command, '--help', '--lang', 'en'], { cwd: dir }).stdout;
      expect(en).toContain('Examples:');
      expect(en).toContain('Usage: plan');
      expect(en.split('\n').filter((l) => !l.includes('$ plan') && /[\u4e00-\u9fff]/.test(l))).toEqual([]);
      const zh = run([command, '--help'], { cwd: dir }).stdout;
      expect(zh).toContain('示例：');
      expect(zh).toContain(`用法： plan ${command}`);
      expect(zh).not.toMatch(/choices|default:|Usage|Options/);
    }
  });

  it.each([
    [['completion', 'bsh'], 'plan: completion "bsh" 无效 (应为：bash、zsh、fish；是否想输入 "bash"？)\n'],
    [['complete', 'bash'], 'plan: 未知命令 "complete" (可用命令见 plan --help；是否想输入 "completion"？)\n'],
    [['imprt', 'a.txt'], 'plan: 未知命令 "imprt" (可用命令见 plan --help；是否想输入 "import"？)\n'],
    [['departements'], 'plan: 未知命令 "departements" (可用命令见 plan --help；是否想输入 "departments"？)\n'],
    [['export', '--fromat', 'ics'], 'plan: 未知选项 "--fromat" (可用选项见 --help；是否想输入 "--format"？)\n'],
    [['import', 'a.txt', '--yaer', '2024'], 'plan: 未知选项 "--yaer" (可用选项见 --help；是否想输入 "--year"？)\n'],
    [['__complet'], 'plan: 未知命令 "__complet" (可用命令见 plan --help)\n'],
  ])('suggests the nearest known word: plan %j', (args, stderr) => {
    expect(run(args, { cwd: testdir() })).toEqual({ code: 2, stdout: '', stderr });
  });
});

describe('plan completion', () => {
  const repo = testdir({ 'plans/2023.yaml': seedPlan(), 'other.yaml': miniPlan() });
  // A `plan` on PATH for the scripts to call back, running this build under this node.
  const bin = testdir({ plan: `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n` });
  chmodSync(join(bin, 'plan'), 0o755);
  const shellEnv = cleanEnv({ PATH: `${bin}:${process.env.PATH}` });
  const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;
  const script = (shell: string) => {
    const r = run(['completion', shell], { cwd: repo });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const file = join(testdir(), `plan.${shell}`);
    writeFileSync(file, r.stdout);
    return file;
  };
  const check = (shell: string, flag: string) => {
    const r = spawnSync(shell, [flag, script(shell)], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  };

  it('bash: the script passes bash -n', async () => check('bash', '-n'));
  it.skipIf(!has('zsh'))('zsh: the script passes zsh -n', () => check('zsh', '-n'));
  it.skipIf(!has('fish'))('fish: the script passes fish -n', () => check('fish', '-n'));

  it('bash: completes commands, options, values, departments and ids from the plan', async () => {
    const file = script('bash');
    const complete = (...words: string[]) => {
      const r = spawnSync('bash', ['-c', `source "$0"; COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); _plan; printf '%s\\n' "\${COMPREPLY[@]}"`, file, ...words], {
        cwd: repo,
        env: shellEnv,
        encoding: 'utf8',
      });
      expect(r.stderr).toBe('');
      return r.stdout.split('\n').filter(Boolean);
    };
    // Every command `plan --help` lists, in its order: new commands need no change here.
    const listed = run(['--help'], { cwd: repo }).stdout.split('\n').flatMap((l) => /^ {2}([a-z][\w-]*) /.exec(l)?.[1] ?? []);
    expect(listed).toEqual(expect.arrayContaining(['list', 'show', 'done', 'undo', 'log', 'unlog', 'add', 'edit', 'cancel', 'remove', 'agenda', 'completion', 'help']));
    expect(complete('plan', '')).toEqual(listed);
    expect(complete('plan', 'de')).toEqual(['departments']);
    expect(complete('plan', 'list', '--de')).toEqual(['--department']);
    expect(complete('plan', 'export', '-')).toEqual(['--format', '-o', '--output', '-V', '--version', '-f', '--file', '--as-of', '--no-color', '--lang', '-h', '--help']);
    expect(complete('plan', 'list', '--format', '=', 't')).toEqual(['table', 'tsv']);
    expect(complete('plan', 'list', '--status', 'o')).toEqual(['overdue', 'open']);
    expect(complete('plan', '--lang', '')).toEqual(['zh', 'en']);
    expect(complete('plan', 'list', '--department', '机关')).toEqual(['机关工会']);
    expect(complete('plan', 'list', '--department', '')).toEqual(['局工会', '机关工会', '女工委', '组织人事处']);
    expect(complete('plan', 'list', '--period', '')).toEqual(['1-2月', '3-4月', '5-6月', '7-8月', '9-10月', '11-12月', '全年']);
    expect(complete('plan', 'show', '2')).toEqual(['2', '20', '21', '22', '23', '24', '25']);
    expect(complete('plan', '--as-of', '2023-01-01', 'done', '1')).toEqual(['1', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19']);
    expect(complete('plan', 'undo', '')).toEqual([]); // undo offers done tasks: the seed has none
    expect(complete('plan', 'log', '')).toHaveLength(25);
    expect(complete('plan', '-f', 'other.yaml', 'show', '')).toEqual(['1', '2']);
    expect(complete('plan', 'completion', '')).toEqual(['bash', 'zsh', 'fish']);
    expect(complete('plan', 'help', 'im')).toEqual(['import']);
    expect(complete('plan', 'validate', 'oth')).toEqual(['other.yaml']);
    expect(complete('plan', 'list', '--as-of', '')).toEqual([]);
  });

  it.skipIf(!has('zsh'))('zsh: completes ids and departments (compadd stubbed)', () => {
    const file = script('zsh');
    const stubs = 'compdef() { : }; compadd() { [[ $1 == -- ]] && shift; print -rl -- "$@" }; _describe() { print -rl -- "${(@P)2}" }; _files() { print FILES }; compset() { : }';
    const complete = (...words: string[]) => {
      const r = spawnSync('zsh', ['-c', `${stubs}; source "$0"; words=("$@"); CURRENT=$#; _plan`, file, ...words], { cwd: repo, env: shellEnv, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      return r.stdout.split('\n').filter(Boolean);
    };
    expect(complete('plan', 'done', '')).toHaveLength(25);
    expect(complete('plan', 'list', '--department=')).toEqual(['局工会', '机关工会', '女工委', '组织人事处']);
    expect(complete('plan', '')[0]).toMatch(/^list:/);
    expect(complete('plan', 'render', '-o', '')).toEqual(['FILES']);
  });

  it.skipIf(!has('fish'))('fish: completes commands, departments and ids', () => {
    const file = script('fish');
    const complete = (line: string) => fishComplete(file, line, { cwd: repo, env: shellEnv });
    expect(complete('plan ')).toContain('completion');
    expect(complete('plan list --department ')).toEqual(['女工委', '局工会', '机关工会', '组织人事处']);
    expect(complete('plan log 2')).toEqual(['2', '20', '21', '22', '23', '24', '25']);
    expect(complete('plan -f other.yaml show ')).toEqual(['1', '2']);
    expect(complete('plan completion ')).toEqual(['bash', 'fish', 'zsh']);
  });

  it('__complete lists departments and ids of the plan found the usual way, and nothing on any error', async () => {
    const complete = (args: string[], cwd = repo) => run(['__complete', ...args], { cwd });
    expect(complete(['departments'])).toEqual({ code: 0, stdout: '局工会\n机关工会\n女工委\n组织人事处\n', stderr: '' });
    expect(complete(['ids']).stdout.split('\n')).toHaveLength(26);
    expect(run(['-f', 'other.yaml', '__complete', 'ids'], { cwd: repo }).stdout).toBe('1\n2\n');
    expect(complete(['periods']).stdout).toBe('1-2月\n3-4月\n5-6月\n7-8月\n9-10月\n11-12月\n全年\n');
    for (const [args, cwd] of [[['ids'], testdir()], [['ids'], testdir({ 'plans/2023.yaml': 'tasks: [' })], [['bogus'], repo], [[], repo]] as const) {
      expect(complete([...args], cwd)).toEqual({ code: 0, stdout: '', stderr: '' });
    }
    expect(complete(['departments', 'x', '--weird'])).toEqual({ code: 0, stdout: '局工会\n机关工会\n女工委\n组织人事处\n', stderr: '' });
  });

  it('is not shown in help', async () => {
    expect(run(['--help'], { cwd: repo }).stdout).not.toContain('__complete');
  });
});
