import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { README_COMPLETIONS, withCompletions } from '../completions.js';
import { BIN, ROOT, cleanEnv, miniPlan, run, seedPlan, testdir } from '../helpers.js';

const MID_YEAR = ['--as-of', '2023-07-15'];
const sample = withCompletions(seedPlan(), README_COMPLETIONS);
const repo = testdir({ 'plans/2023.yaml': sample });
const plan = (args: string[], env?: Record<string, string>) => run(args, { cwd: repo, ...(env && { env }) });

describe('plan summary', () => {
  it('prints the figures, the tables, the overdue tasks and the completions as text', () => {
    const r = plan(['summary', ...MID_YEAR]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 9)).toEqual([
      '2023年市城管执法局工会工作计划执行情况',
      '截至 2023-07-15',
      '',
      '任务总数  25',
      '已完成    7',
      '已逾期    3',
      '进行中    8',
      '未开始    7',
      '完成率    ███░░░░░░░ 28%',
    ]);
    expect(lines).toContain('│ 3-4月    │      3 │      2 │      1 │ ███████░░░ 67%  │');
    expect(lines).toContain('│ 机关工会   │     13 │      5 │      1 │ ████░░░░░░ 38%  │');
    expect(lines).toContain('逾期任务 (3)');
    expect(lines).toContain('完成记录 (7)');
    expect(r.stdout).toMatch(/│ 2023-01-16 │    2 │ 发放机关职工春节慰问品 +│ 机关工会 │ +│\n│ 2023-01-18 │    1 │/);
  });

  it('prints the SPEC JSON at year end', () => {
    const r = plan(['summary', '--format', 'json', '--as-of', '2023-12-31']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['year', 'title', 'asOf', 'total', 'done', 'overdue', 'current', 'upcoming', 'cancelled', 'completionRate', 'byPeriod', 'byDepartment', 'overdueTasks']);
    expect(json).toMatchObject({ year: 2023, title: '2023年市城管执法局工会工作计划', asOf: '2023-12-31', total: 25, done: 7, overdue: 9, current: 9, upcoming: 0, completionRate: 0.28 });
    expect(json.byPeriod.map((p: { period: string }) => p.period)).toEqual(['1-2月', '3-4月', '5-6月', '7-8月', '9-10月', '11-12月', '全年']);
    expect(json.byDepartment[1]).toEqual({ department: '机关工会', total: 13, done: 5, overdue: 4 });
    expect(json.overdueTasks[0]).toEqual({ id: 6, period: '3-4月', content: '组织疗休养', departments: ['局工会', '组织人事处'] });
  });

  it('speaks English with --lang en', () => {
    const r = plan(['summary', '--format', 'markdown', '--lang', 'en', ...MID_YEAR]);
    expect(r.stdout).toContain('### 2023年市城管执法局工会工作计划: progress\n\nAs of 2023-07-15\n');
    expect(r.stdout).toContain('#### By department');
  });

  describe('--fail-on-overdue', () => {
    it('exits 0 when nothing is overdue', () => {
      const r = plan(['summary', '--fail-on-overdue', '--as-of', '2023-02-15']);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toContain('已逾期    0\n');
    });
    it('prints the summary, then exits 1 saying how many are overdue', () => {
      const r = plan(['summary', '--fail-on-overdue', '--format', 'markdown', ...MID_YEAR]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe(plan(['summary', '--format', 'markdown', ...MID_YEAR]).stdout);
      expect(r.stderr).toBe('plan: 有 3 项任务已逾期 (因 --fail-on-overdue 以退出码 1 结束)\n');
    });
    it('writes the file before failing', () => {
      const dir = testdir({ 'plans/2023.yaml': sample });
      const r = run(['summary', '--fail-on-overdue', '--format', 'json', '-o', 'summary.json', ...MID_YEAR], { cwd: dir });
      expect(r).toMatchObject({ code: 1, stdout: '' });
      expect(r.stderr).toBe('plan: 有 3 项任务已逾期 (因 --fail-on-overdue 以退出码 1 结束)\n');
      expect(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')).overdue).toBe(3);
    });
  });

  it.each(['text', 'markdown', 'json', 'html'])('-o writes %s to the file, prints nothing, and never colours it', (format) => {
    const dir = testdir({ 'plans/2023.yaml': sample });
    const r = run(['summary', '--format', format, '-o', `out.${format}`, ...MID_YEAR], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    const plain = run(['summary', '--format', format, ...MID_YEAR], { cwd: dir }).stdout;
    expect(readFileSync(join(dir, `out.${format}`), 'utf8')).toBe(plain);
    expect(plain).not.toContain('\x1b');
    expect(readdirSync(dir).sort()).toEqual([`out.${format}`, 'plans']);
  });

  it('colours the text only when asked', () => {
    expect(plan(['summary', ...MID_YEAR], { FORCE_COLOR: '1' }).stdout).toContain('已逾期    \x1b[31m3\x1b[39m');
  });

  it('refuses an unknown --format (exit 2)', () => {
    const r = plan(['summary', '--format', 'pdf', ...MID_YEAR]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'plan: --format "pdf" 无效 (应为：text、markdown、json、html)\n' });
  });

  it('fails on an invalid plan (exit 1) without writing', () => {
    const dir = testdir({ 'plans/2023.yaml': miniPlan().replace('1-2月', '13月') });
    const r = run(['summary', '-o', 'out.md', '--format', 'markdown', ...MID_YEAR], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^plan: plans\/2023\.yaml:7:13: tasks\[0\]\.period "13月"/);
    expect(existsSync(join(dir, 'out.md'))).toBe(false);
  });
});

describe('the GitHub workflow', () => {
  // The workflow and the action it runs are tested in test/ci/.
  it('annotates a problem without a line on the whole file, and nothing outside GitHub Actions', () => {
    const dir = testdir();
    expect(run(['validate', 'missing.yaml'], { cwd: dir, env: { GITHUB_ACTIONS: 'true' } }).stdout).toBe(
      'missing.yaml：1 个问题\n::error file=missing.yaml::文件不存在 (应为一个计划文件的路径)\n',
    );
    expect(run(['validate', 'missing.yaml'], { cwd: dir, env: { GITHUB_ACTIONS: '1' } }).stdout).toBe('missing.yaml：1 个问题\n');
  });
});

describe('docs/commands.md', () => {
  const page = readFileSync(join(ROOT, 'docs/commands.md'), 'utf8');
  /** The body of the fenced block that follows `marker` in docs/commands.md. */
  const blockAfter = (marker: string) => {
    const at = page.indexOf(marker);
    expect(at, marker).toBeGreaterThan(-1);
    return /```\w*\n([\s\S]*?)```/.exec(page.slice(at))![1]!;
  };

  it('shows the markdown the workflow publishes, as produced', () => {
    const shown = blockAfter('<!-- sample: summary markdown -->');
    expect(shown).toBe(plan(['summary', '--format', 'markdown', ...MID_YEAR]).stdout);
  });

  it('shows the text summary of the bundled plan, as produced', () => {
    const shown = blockAfter('<!-- sample: summary text -->');
    const dir = testdir({ 'plans/2023.yaml': seedPlan() });
    expect(shown).toBe(`$ plan summary --as-of 2023-07-15\n${run(['summary', ...MID_YEAR], { cwd: dir }).stdout}`);
  });
});
