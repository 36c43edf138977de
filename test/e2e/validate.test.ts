import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, miniPlan, run, seedPlan, testdir } from '../helpers.js';

const BAD = miniPlan().replace('1-2月', '13月').replace('departments: [甲部]\n', 'departments: [丙部]\n');
const repo = testdir({ 'plans/2023.yaml': seedPlan(), 'plans/bad:1.yaml': BAD, 'plans/2024.yaml': miniPlan() });
const validate = (args: string[], env?: Record<string, string>) => run(['validate', ...args], { cwd: repo, ...(env && { env }) });

const PERIOD = 'tasks[0].period "13月" 不是有效的计划时间 (应为如 7月、3-4月、第二季度、上半年、全年)';
const DEPARTMENT = 'tasks[0].departments[0] "丙部" 不在部门名录 departments 中 (应为：甲部、乙部；是否想输入 "甲部"？)';
const MISSING = '文件不存在 (应为一个计划文件的路径)';

describe('plan validate --format json', () => {
  it('prints [] for valid plans and exits 0, nothing on stderr', () => {
    const r = validate(['--format', 'json', 'plans/2023.yaml', 'plans/2024.yaml']);
    expect(r).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it('prints every problem of every file, in order, with exactly these fields; exit 1, stderr quiet', () => {
    const r = validate(['--format', 'json', 'plans/2023.yaml', 'plans/bad:1.yaml', 'missing.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([
      { file: 'plans/bad:1.yaml', line: 7, column: 13, message: PERIOD, severity: 'error' },
      { file: 'plans/bad:1.yaml', line: 9, column: 19, message: DEPARTMENT, severity: 'error' },
      { file: 'missing.yaml', line: null, column: null, message: MISSING, severity: 'error' },
    ]);
  });

  it('stays parseable in GitHub Actions: annotations come with the text format only', () => {
    const r = validate(['--format', 'json', 'plans/bad:1.yaml'], { GITHUB_ACTIONS: 'true' });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('::error');
    expect(JSON.parse(r.stdout)).toHaveLength(2);
  });

  it('writes a hostile file name as JSON escapes, nothing a terminal acts on', () => {
    const name = 'evil\x1b[31m\u202e.yaml';
    const dir = testdir({ [name]: BAD });
    const r = run(['validate', '--format', 'json', name], { cwd: dir });
    expect(r.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e]/);
    expect((JSON.parse(r.stdout) as { file: string }[])[0]!.file).toBe(name);
  });

  it('checks the current plan without files', () => {
    const dir = testdir({ 'plans/2024.yaml': BAD });
    const r = run(['validate', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { file: string }[]).map((p) => p.file)).toEqual(['plans/2024.yaml', 'plans/2024.yaml']);
  });
});

describe('plan validate --format codequality', () => {
  it('prints a GitLab Code Quality report: paths relative to the repository, stable fingerprints', () => {
    const r = validate(['--format', 'codequality', 'plans/2023.yaml', join(repo, 'plans/bad:1.yaml'), 'missing.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const fingerprint = (path: string, line: number | null, column: number | null, message: string) =>
      createHash('sha256').update(JSON.stringify([path, line, column, message])).digest('hex');
    expect(JSON.parse(r.stdout)).toEqual([
      {
        description: PERIOD,
        check_name: 'plan-validate',
        fingerprint: fingerprint('plans/bad:1.yaml', 7, 13, PERIOD),
        severity: 'major',
        location: { path: 'plans/bad:1.yaml', lines: { begin: 7 } },
      },
      {
        description: DEPARTMENT,
        check_name: 'plan-validate',
        fingerprint: fingerprint('plans/bad:1.yaml', 9, 19, DEPARTMENT),
        severity: 'major',
        location: { path: 'plans/bad:1.yaml', lines: { begin: 9 } },
      },
      {
        description: MISSING,
        check_name: 'plan-validate',
        fingerprint: fingerprint('missing.yaml', null, null, MISSING),
        severity: 'critical',
        location: { path: 'missing.yaml', lines: { begin: 1 } },
      },
    ]);
    expect(validate(['--format', 'codequality', 'plans/2023.yaml', join(repo, 'plans/bad:1.yaml'), 'missing.yaml']).stdout).toBe(r.stdout);
  });

  it('prints [] for valid plans and exits 0', () => {
    expect(validate(['--format', 'codequality', 'plans/2023.yaml'])).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });
});

describe('plan validate --format', () => {
  it('keeps the text report by default', () => {
    const r = validate(['plans/2024.yaml', 'plans/bad:1.yaml']);
    expect(r).toEqual({
      code: 1,
      stdout: 'plans/2024.yaml：有效 (2 项任务)\nplans/bad:1.yaml：2 个问题\n',
      stderr: `plan: plans/bad:1.yaml:7:13: ${PERIOD}\nplan: plans/bad:1.yaml:9:19: ${DEPARTMENT}\n`,
    });
    expect(validate(['--format', 'text', 'plans/2024.yaml', 'plans/bad:1.yaml'])).toEqual(r);
  });

  // Each format loads its own renderer only, and node:crypto only for the fingerprints of codequality.
  it.each([
    ['text', ['cli.cjs', 'messages.cjs', 'validate.cjs'], 'false'],
    ['json', ['cli.cjs', 'messages.cjs', 'problems-json.cjs', 'validate.cjs'], 'false'],
    ['codequality', ['cli.cjs', 'codequality.cjs', 'messages.cjs', 'validate.cjs'], 'true'],
  ])('--format %s loads %j, node:crypto: %s', (format, bundles, crypto) => {
    const r = validate(['--format', format, 'plans/2023.yaml'], { NODE_OPTIONS: `--require ${join(ROOT, 'test/fixtures/trace-modules.cjs')}` });
    expect(r.code, r.stderr).toBe(0);
    expect(/loaded: (.*)/.exec(r.stderr)![1]!.split(' ')).toEqual(bundles);
    expect(/crypto: (\w+)/.exec(r.stderr)![1]).toBe(crypto);
  });

  it('refuses an unknown format with exit 2, naming the formats', () => {
    expect(validate(['--format', 'xml', 'plans/2023.yaml'])).toEqual({ code: 2, stdout: '', stderr: 'plan: --format "xml" 无效 (应为：text、json、codequality)\n' });
  });
});
