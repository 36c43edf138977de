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
  const workflow = parse(readFileSync(join(ROOT, '.github/workflows/plan.yml'), 'utf8'));
  const steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] = workflow.jobs.summary.steps;
  const PATHS = ['plans/**', 'src/**', 'schemas/**', 'bin/**', 'package.json', 'package-lock.json', '.github/workflows/plan.yml'];

  /** Runs the workflow's own `run:` steps after `npm ci`, as GitHub would (bash -eo pipefail), with `npx plan` being this build. */
  const runWorkflow = (dir: string) => {
    const script = steps
      .filter((s) => s.run && s.run !== 'npm ci')
      .map((s) => s.run!.replaceAll('npx plan', `node "${BIN}" --as-of 2023-07-15`))
      .join('\n');
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
      cwd: dir,
      env: cleanEnv({ GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: join(dir, 'step-summary.md') }),
      encoding: 'utf8',
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('runs on pushes and pull requests touching the plan, the code or the workflow, and publishes the HTML', () => {
    expect(workflow.on.push.paths).toEqual(PATHS);
    expect(workflow.on.pull_request.paths).toEqual(PATHS);
    expect(steps.map((s) => s.uses ?? s.run!.split('\n')[0])).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      'npm ci',
      'npx plan validate plans/*.yaml',
      'mkdir -p summary',
      'actions/upload-artifact@v4',
    ]);
    expect(steps[1]!.with).toEqual({ 'node-version': 20, cache: 'npm' });
    expect(steps[5]!.with).toMatchObject({ path: 'summary/' });
  });

  it('validates, appends the markdown of every plan to the job summary and writes their HTML', () => {
    const dir = testdir({ 'plans/2023.yaml': sample, 'plans/2024.yaml': miniPlan() });
    const r = runWorkflow(dir);
    expect(r).toEqual({ code: 0, stdout: 'plans/2023.yaml：有效 (25 项任务)\nplans/2024.yaml：有效 (2 项任务)\n', stderr: '' });
    const direct = (file: string, format: string) => run(['summary', '-f', file, '--format', format, ...MID_YEAR], { cwd: dir }).stdout;
    expect(readFileSync(join(dir, 'step-summary.md'), 'utf8')).toBe(direct('plans/2023.yaml', 'markdown') + direct('plans/2024.yaml', 'markdown'));
    expect(readdirSync(join(dir, 'summary'))).toEqual(['summary-2023.html', 'summary-2024.html']);
    expect(readFileSync(join(dir, 'summary/summary-2023.html'), 'utf8')).toBe(direct('plans/2023.yaml', 'html'));
  });

  it('stops at an invalid plan, annotating each problem on its line with GitHub escapes', () => {
    const bad = miniPlan().replace('1-2月', '13月').replace('departments: [甲部]\n', 'departments: ["50%,甲:乙"]\n');
    const dir = testdir({ 'plans/2023.yaml': sample, 'plans/50%,bad:name.yaml': bad });
    const r = runWorkflow(dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'plans/2023.yaml：有效 (25 项任务)\n' +
        'plans/50%,bad:name.yaml：2 个问题\n' +
        '::error file=plans/50%25%2Cbad%3Aname.yaml,line=7,col=13::tasks[0].period "13月" 不是有效的计划时间 (应为如 7月、3-4月、第二季度、上半年、全年)\n' +
        '::error file=plans/50%25%2Cbad%3Aname.yaml,line=9,col=19::tasks[0].departments[0] "50%25,甲:乙" 不在部门名录 departments 中 (应为：甲部、乙部)\n',
    );
    expect(r.stderr).toBe(
      'plan: plans/50%,bad:name.yaml:7:13: tasks[0].period "13月" 不是有效的计划时间 (应为如 7月、3-4月、第二季度、上半年、全年)\n' +
        'plan: plans/50%,bad:name.yaml:9:19: tasks[0].departments[0] "50%,甲:乙" 不在部门名录 departments 中 (应为：甲部、乙部)\n',
    );
    expect(existsSync(join(dir, 'step-summary.md'))).toBe(false);
  });

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
