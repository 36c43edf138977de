import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { miniPlan, run, seedPlan, testdir } from '../helpers.js';

const repo = testdir({ 'plans/2023.yaml': seedPlan() });
const plan = (args: string[], env?: Record<string, string>) => run(args, { cwd: repo, ...(env && { env }) });

describe('usage errors exit 2 and name the bad value and what is accepted', () => {
  it.each([
    [['list', '--period', '13月'], '--period "13月" 不是计划时间 (应为如 7月、3-4月'],
    [['list', '--period', '4-3月'], '--period "4-3月" 不是计划时间'],
    [['list', '--period'], '选项 --period 缺少值'],
    [['list', '--month', '13'], '--month "13" 不是月份 (应为 1 到 12 的整数)'],
    [['list', '--month', 'x'], '--month "x" 不是月份'],
    [['list', '--status', 'finished'], '--status "finished" 无效 (应为：done、overdue、current、upcoming、cancelled、open'],
    [['list', '--status', 'don'], '是否想输入 "done"'],
    [['list', '--department', '机关'], '--department "机关" 不是本计划的部门 (应为：局工会、机关工会、女工委、组织人事处；是否想输入 "机关工会"？)'],
    [['list', '--as-of', '2023-02-30'], '--as-of "2023-02-30" 不是日期'],
    [['--as-of', 'yesterday', 'list'], '--as-of "yesterday" 不是日期'],
    [['list', '--format', 'yaml'], '--format "yaml" 无效 (应为：table、json、csv、tsv、markdown)'],
    [['render', '--format', 'pdf'], '--format "pdf" 无效 (应为：table、markdown、html、csv、tsv、json、xlsx、docx)'],
    [['list', '--bogus'], '未知选项 "--bogus"'],
    [['list', '--perod', '3-4月'], '未知选项 "--perod" (可用选项见 --help；是否想输入 "--period"？)'],
    [['lsit'], '未知命令 "lsit" (可用命令见 plan --help；是否想输入 "list"？)'],
    [['show'], '缺少参数 <id>'],
    [['show', 'seven'], '"seven" 不是任务序号 (应为正整数'],
    [['show', '0'], '"0" 不是任务序号'],
    [['show', '1', '2'], '命令 show 的参数过多'],
    [['--lang', 'fr', 'list'], '--lang "fr" 无效 (应为：zh、en)'],
  ])('plan %j', (args, message) => {
    const r = plan(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`plan: `);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('shows help on stderr for a bare `plan`', () => {
    const r = plan([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('用法： plan');
  });
});

describe('a plan that cannot be used exits 1 with a located message and stays unchanged', () => {
  const cases: [string, string | Buffer, RegExp][] = [
    ['syntax error', 'schemaVersion: 1\ntasks: [1\nyear: 2\n', /^plan: plans\/2023\.yaml:3:1: YAML 语法错误：/],
    ['empty file', '', /^plan: plans\/2023\.yaml:1:1: 文件是空的/],
    ['future schemaVersion', miniPlan().replace('schemaVersion: 1', 'schemaVersion: 3'), /^plan: plans\/2023\.yaml:1:16: schemaVersion 3 不受支持 \(本工具支持的版本：1、2\)/],
    ['bad period', miniPlan().replace('1-2月', '13月'), /^plan: plans\/2023\.yaml:7:13: tasks\[0\]\.period "13月" 不是有效的计划时间/],
    ['not UTF-8', Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a]), /^plan: plans\/2023\.yaml:1:4: 不是 UTF-8 编码的文本/],
  ];
  const commands = [['list'], ['show', '1'], ['render'], ['validate']];
  it.each(cases)('%s', (_name, content, message) => {
    const dir = testdir({ 'plans/2023.yaml': content });
    for (const args of commands) {
      const r = run(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr.split('\n').find((l) => l.startsWith('plan: '))).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(readFileSync(join(dir, 'plans/2023.yaml'))).toEqual(Buffer.from(content));
    }
  });

  it('names an unknown task id (exit 1)', () => {
    const r = plan(['show', '99']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe('plan: plans/2023.yaml: 没有序号为 99 的任务 (本计划的序号为 1-25)\n');
  });
});

describe('finding the plan file', () => {
  it('uses -f, then $PLAN_FILE, then plans/<year of as-of>.yaml, then the only plans/*.yaml', () => {
    const dir = testdir({
      'a.yaml': miniPlan().replace('测试计划', 'A'),
      'b.yaml': miniPlan().replace('测试计划', 'B'),
      'plans/2024.yaml': miniPlan().replace('测试计划', 'Y2024'),
      'plans/2025.yaml': miniPlan().replace('测试计划', 'Y2025'),
    });
    const title = (args: string[], env?: Record<string, string>) =>
      JSON.parse(run(['render', '--format', 'json', ...args], { cwd: dir, ...(env && { env }) }).stdout).title;
    expect(title(['-f', 'a.yaml'], { PLAN_FILE: 'b.yaml' })).toBe('A');
    expect(title(['--file', 'a.yaml'])).toBe('A');
    expect(title([], { PLAN_FILE: 'b.yaml' })).toBe('B');
    expect(title(['--as-of', '2025-03-01'])).toBe('Y2025');
    expect(title(['--as-of', '2024-03-01'])).toBe('Y2024');
    const several = run(['list', '--as-of', '2030-01-01'], { cwd: dir });
    expect(several.code).toBe(1);
    expect(several.stderr).toBe('plan: 没有 plans/2030.yaml，而 plans/ 中有多个计划文件：plans/2024.yaml、plans/2025.yaml (用 -f 指定其中之一)\n');
    const only = testdir({ 'plans/2023.yaml': seedPlan() });
    expect(run(['validate', '--as-of', '2030-01-01'], { cwd: only }).stdout).toBe('plans/2023.yaml：有效 (25 项任务)\n');
    const none = run(['list'], { cwd: testdir() });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('找不到计划文件 (已查找：-f、$PLAN_FILE、plans/');
  });
});

describe('help and version', () => {
  it.each(['list', 'show', 'render', 'summary', 'validate'])('`%s --help` has examples', (command) => {
    const r = plan([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('示例：');
    expect(r.stdout).toContain(`$ plan ${command}`);
    expect(r.stdout).toContain('--as-of <date>'); // global options shown too
  });
  it('prints the version', () => {
    const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
    expect(plan(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
    expect(plan(['-V']).stdout).toBe(`${version}\n`);
  });
});

describe('colour and language', () => {
  const status = ['list', '--period', '1-2月', '--as-of', '2023-04-01'];
  it('is plain when piped, coloured with FORCE_COLOR, plain with --no-color', () => {
    expect(plan(status, { NO_COLOR: '' }).stdout).not.toMatch(/\x1b/);
    expect(plan(status, { FORCE_COLOR: '1' }).stdout).toContain('\x1b[31m已逾期\x1b[39m');
    expect(plan([...status, '--no-color'], { FORCE_COLOR: '1' }).stdout).not.toMatch(/\x1b/);
  });
  it('speaks English with --lang en or an English locale', () => {
    expect(plan([...status, '--lang', 'en']).stdout).toContain('overdue');
    expect(plan(status, { LANG: 'en_US.UTF-8' }).stdout).toContain('Content');
    expect(plan(status, { LANG: 'zh_CN.UTF-8' }).stdout).toContain('内容');
    expect(plan(['list', '--month', '13'], { LC_ALL: 'en_GB.UTF-8' }).stderr).toBe('plan: --month "13" is not a month (expected a whole number from 1 to 12)\n');
  });
});
