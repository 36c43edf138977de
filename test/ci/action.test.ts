import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { README_COMPLETIONS, withCompletions } from '../completions.js';
import { ROOT, cleanEnv, miniPlan, run, seedPlan, testdir } from '../helpers.js';
import { unpinnedUses } from './pinning.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  runs: { using: string; steps: Step[] };
}

const TEXT = readFileSync(join(ROOT, 'action.yml'), 'utf8');
const action = parse(TEXT) as Action;
const steps = action.runs.steps;

/** Problems of an action's metadata that actionlint does not look for. */
function actionProblems(text: string): string[] {
  const a = parse(text) as Action;
  const problems: string[] = [];
  if (a.runs?.using !== 'composite') problems.push(`runs.using is ${a.runs?.using}, not composite`);
  for (const [i, s] of (a.runs?.steps ?? []).entries()) {
    const name = s.name ?? s.uses ?? String(i);
    if (!s.name) problems.push(`step ${i} has no name`);
    if (s.run !== undefined && s.shell !== 'bash') problems.push(`${name}: a run step needs shell: bash`);
    // Expressions in a script are pasted into its text: inputs go through env: instead.
    if (s.run?.includes('${{')) problems.push(`${name}: \${{ }} inside run`);
  }
  const declared = Object.keys(a.inputs ?? {}).sort();
  const used = [...new Set([...text.matchAll(/\binputs\.([\w-]+)/g)].map((m) => m[1]!))].sort();
  if (declared.join() !== used.join()) problems.push(`inputs declared ${declared.join(',')}, used ${used.join(',')}`);
  for (const [input, spec] of Object.entries(a.inputs ?? {})) if (!spec.description) problems.push(`input ${input} has no description`);
  return [...problems, ...unpinnedUses(text).map((line) => `not pinned: ${line}`)];
}

describe('action.yml', () => {
  it('is a composite action whose run steps are bash, given inputs through env only, with third-party actions pinned', () => {
    expect(actionProblems(TEXT)).toEqual([]);
  });

  it('takes the plans, fail-on-overdue, the formats and the artifact name, with these defaults', () => {
    expect(Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default]))).toEqual({
      plans: 'plans/*.yaml',
      'fail-on-overdue': 'false',
      formats: 'html',
      'artifact-name': 'plan-summary',
    });
  });

  it('sets up Node.js 24, installs and builds plan in its own folder, uploads the folder its scripts write', () => {
    expect(steps.map((s) => s.uses?.split('@')[0] ?? s.name)).toEqual([
      'actions/setup-node',
      'Install plan',
      'Validate the plans',
      'Summarise the plans',
      'actions/upload-artifact',
      'Check for overdue tasks',
    ]);
    expect(steps[0]!.with).toEqual({ 'node-version': 24, 'package-manager-cache': false });
    expect(steps[1]!.run).toContain('cd "$GITHUB_ACTION_PATH" || exit\nnpm ci --ignore-scripts');
    expect(steps[1]!.run).toContain('npm run build');
    expect(steps[4]!.with).toEqual({ name: '${{ inputs.artifact-name }}', path: '${{ runner.temp }}/yearplan/summary/', 'if-no-files-found': 'error' });
    expect(steps[3]!.run).toContain('--output="$work/summary/');
    expect(steps[4]!.if).toBe("inputs.formats != ''");
  });

  it('fails a broken action: no shell, an expression in a script, an undeclared input, an unpinned action', () => {
    const broken = TEXT.replace('      shell: bash\n      run: |\n        # The action', '      run: |\n        # The action')
      .replace('cd "$GITHUB_ACTION_PATH" || exit', 'cd "${{ github.action_path }}" || exit')
      .replace('FORMATS: ${{ inputs.formats }}\n      run: |\n        escape', 'FORMATS: ${{ inputs.format }}\n      run: |\n        escape')
      .replace('actions/setup-node@a0853c24544627f65ddf259abe73b1d18a591444 # v5.0.0', 'actions/setup-node@v5');
    expect(actionProblems(broken)).toEqual([
      'Install plan: a run step needs shell: bash',
      'Install plan: ${{ }} inside run',
      'inputs declared artifact-name,fail-on-overdue,formats,plans, used artifact-name,fail-on-overdue,format,formats,plans',
      'not pinned: uses: actions/setup-node@v5',
    ]);
  });

  it.skipIf(!hasShellcheck())('has scripts shellcheck finds nothing in', () => {
    const scripts = steps.filter((s) => s.run);
    expect(scripts.length).toBe(4);
    for (const s of scripts) {
      const r = spawnSync('shellcheck', ['--shell=bash', '-'], { input: s.run, encoding: 'utf8' });
      expect(r.stdout, s.name).toBe('');
    }
  });
});

function hasShellcheck(): boolean {
  const found = spawnSync('shellcheck', ['--version']).status === 0;
  if (!found) console.warn('shellcheck is not installed: the shellcheck test of action.yml skips');
  return found;
}

interface StepRun {
  name: string;
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the action's `run:` steps in `dir` as GitHub would (bash --noprofile --norc -eo pipefail),
 * in order, until one fails; `${{ inputs.* }}` in their env are the inputs given or their defaults.
 * The install step is left out: this build is the plan installed in the action's folder.
 */
function runAction(dir: string, inputs: Record<string, string> = {}) {
  const values = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? ''])), ...inputs };
  const temp = mkdtempSync(join(tmpdir(), 'plan-runner-'));
  const base = cleanEnv({ GITHUB_ACTIONS: 'true', GITHUB_ACTION_PATH: ROOT, RUNNER_TEMP: temp, GITHUB_STEP_SUMMARY: join(dir, 'step-summary.md') });
  const expand = (value: string) =>
    value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => values[name] ?? '').replace(/\$\{\{[^}]*\}\}/g, (e) => {
      throw new Error(`not an input: ${e}`);
    });
  const ran: StepRun[] = [];
  for (const step of steps) {
    if (!step.run || step.run.includes('npm ci')) continue;
    const env = { ...base, ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(String(v))])) };
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
    ran.push({ name: step.name!, code: r.status, stdout: r.stdout, stderr: r.stderr });
    if (r.status !== 0) break;
  }
  const out = join(temp, 'yearplan/summary');
  return { ran, out, files: existsSync(out) ? readdirSync(out).sort() : [] };
}

const sample = withCompletions(seedPlan(), README_COMPLETIONS);
/** A plan of a year far ahead: nothing in it is overdue whatever today is. */
const future = miniPlan().replace('year: 2024', 'year: 2099');
const ALL = ['Validate the plans', 'Summarise the plans', 'Check for overdue tasks'];
const direct = (dir: string, file: string, format: string) => run(['summary', '-f', file, '--format', format], { cwd: dir }).stdout;

describe('the action, run', () => {
  it('validates, appends the markdown of every plan to the job summary and writes each format of each', () => {
    const dir = testdir({ 'plans/2023.yaml': sample, 'plans/2099.yaml': future });
    const { ran, out, files } = runAction(dir, { formats: 'html, markdown,json' });
    expect(ran.map((s) => [s.name, s.code])).toEqual(ALL.map((n) => [n, 0]));
    expect(ran[0]!.stdout).toBe('plans/2023.yaml：有效 (25 项任务)\nplans/2099.yaml：有效 (2 项任务)\n');
    expect(ran.map((s) => s.stderr).join('')).toBe('');
    expect(readFileSync(join(dir, 'step-summary.md'), 'utf8')).toBe(direct(dir, 'plans/2023.yaml', 'markdown') + direct(dir, 'plans/2099.yaml', 'markdown'));
    expect(files).toEqual(['summary-2023.html', 'summary-2023.json', 'summary-2023.md', 'summary-2099.html', 'summary-2099.json', 'summary-2099.md']);
    expect(readFileSync(join(out, 'summary-2023.html'), 'utf8')).toBe(direct(dir, 'plans/2023.yaml', 'html'));
    expect(JSON.parse(readFileSync(join(out, 'summary-2099.json'), 'utf8'))).toMatchObject({ year: 2099, total: 2, overdue: 0 });
  });

  it('writes html by default, and no file with no formats', () => {
    const dir = testdir({ 'plans/2099.yaml': future });
    expect(runAction(dir).files).toEqual(['summary-2099.html']);
    const none = runAction(dir, { formats: '' });
    expect(none.ran.map((s) => s.code)).toEqual([0, 0, 0]);
    expect(none.files).toEqual([]);
  });

  it('stops at an invalid plan, annotating each problem on its line with GitHub escapes', () => {
    const bad = miniPlan().replace('1-2月', '13月').replace('departments: [甲部]\n', 'departments: ["50%,甲:乙"]\n');
    const dir = testdir({ 'plans/2099.yaml': future, 'plans/50%,bad:name.yaml': bad });
    const { ran, files } = runAction(dir);
    expect(ran.map((s) => [s.name, s.code])).toEqual([['Validate the plans', 1]]);
    expect(ran[0]!.stdout).toBe(
      'plans/2099.yaml：有效 (2 项任务)\n' +
        'plans/50%,bad:name.yaml：2 个问题\n' +
        '::error file=plans/50%25%2Cbad%3Aname.yaml,line=7,col=13::tasks[0].period "13月" 不是有效的计划时间 (应为如 7月、3-4月、第二季度、上半年、全年)\n' +
        '::error file=plans/50%25%2Cbad%3Aname.yaml,line=9,col=19::tasks[0].departments[0] "50%25,甲:乙" 不在部门名录 departments 中 (应为：甲部、乙部)\n',
    );
    expect(ran[0]!.stderr).toBe(
      'plan: plans/50%,bad:name.yaml:7:13: tasks[0].period "13月" 不是有效的计划时间 (应为如 7月、3-4月、第二季度、上半年、全年)\n' +
        'plan: plans/50%,bad:name.yaml:9:19: tasks[0].departments[0] "50%,甲:乙" 不在部门名录 departments 中 (应为：甲部、乙部)\n',
    );
    expect(files).toEqual([]);
    expect(existsSync(join(dir, 'step-summary.md'))).toBe(false);
  });

  it('takes one glob a line, spaces in names and ** included, each file once', () => {
    const dir = testdir({ 'plans/2099.yaml': future, 'old plans/a/2098.yml': future.replace('2099', '2098') });
    const { ran, files } = runAction(dir, { plans: '  plans/*.yaml\nold plans/**/*.yml\r\n\nplans/2099.yaml\n' });
    expect(ran[0]).toMatchObject({ code: 0, stdout: 'plans/2099.yaml：有效 (2 项任务)\nold plans/a/2098.yml：有效 (2 项任务)\n' });
    expect(files).toEqual(['summary-2098.html', 'summary-2099.html']);
  });

  it.each([
    [{ plans: 'plan/*.yaml' }, '::error::plans 中的 "plan/*.yaml" 没有匹配任何文件 (工作目录：DIR)'],
    [{ plans: ' \n ' }, '::error::plans 为空 (应为计划文件的 glob，如 plans/*.yaml)'],
    [{ 'fail-on-overdue': 'yes' }, '::error::fail-on-overdue 应为 true 或 false，而不是 "yes"'],
    [{ formats: 'html,../x' }, '::error::formats 中的 "../x" 不是输出格式 (应为如 html,markdown,json)'],
  ])('refuses %j with a clear error', (inputs, message) => {
    const dir = testdir({ 'plans/2099.yaml': future });
    const { ran } = runAction(dir, inputs);
    expect(ran.map((s) => [s.name, s.code])).toEqual([['Validate the plans', 1]]);
    expect(ran[0]!.stdout).toBe(`${message.replace('DIR', dir)}\n`);
  });

  it('refuses a format plan does not make, with plan’s own message', () => {
    const dir = testdir({ 'plans/2099.yaml': future });
    const { ran } = runAction(dir, { formats: 'pdf' });
    expect(ran.map((s) => [s.name, s.code])).toEqual([['Validate the plans', 0], ['Summarise the plans', 2]]);
    expect(ran[1]!.stderr).toBe('plan: --format "pdf" 无效 (应为：text、markdown、json、html)\n');
  });

  it('refuses two plans of the same name, whose summaries would overwrite each other', () => {
    const dir = testdir({ 'a/2099.yaml': future, 'b/2099.yaml': future });
    const { ran } = runAction(dir, { plans: '*/2099.yaml' });
    expect(ran.map((s) => s.code)).toEqual([0, 1]);
    expect(ran[1]!.stdout).toBe('::error::a/2099.yaml 与 b/2099.yaml 同名，其摘要文件会相互覆盖 (应放在不同名的文件中)\n');
  });

  it('treats inputs as data: nothing in them runs', () => {
    const dir = testdir({ 'plans/2099.yaml': future });
    const { ran } = runAction(dir, { plans: '$(touch pwned)\n"; touch pwned2; #', formats: 'html;touch pwned3' });
    expect(ran.map((s) => s.code)).toEqual([1]);
    expect(readdirSync(dir).sort()).toEqual(['plans']);
  });

  it('with fail-on-overdue, fails after publishing when a task is overdue today, naming the file', () => {
    const dir = testdir({ 'plans/2023.yaml': sample, 'plans/2099.yaml': future });
    const overdue = (JSON.parse(direct(dir, 'plans/2023.yaml', 'json')) as { overdue: number }).overdue;
    expect(overdue).toBeGreaterThan(0); // 2023 is over: its open tasks are overdue
    const { ran, files } = runAction(dir, { 'fail-on-overdue': 'true' });
    expect(ran.map((s) => [s.name, s.code])).toEqual([...ALL.slice(0, 2).map((n) => [n, 0]), [ALL[2], 1]]);
    expect(ran[2]!.stdout).toBe(`::error file=plans/2023.yaml::有 ${overdue} 项任务已逾期 (因 --fail-on-overdue 以退出码 1 结束)\n`);
    expect(files).toEqual(['summary-2023.html', 'summary-2099.html']);
    expect(runAction(dir, { 'fail-on-overdue': 'false' }).ran.map((s) => s.code)).toEqual([0, 0, 0]);
    expect(runAction(testdir({ 'plans/2099.yaml': future }), { 'fail-on-overdue': 'true' }).ran.map((s) => s.code)).toEqual([0, 0, 0]);
  });
});
