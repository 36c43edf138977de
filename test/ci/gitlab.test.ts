import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, ROOT, cleanEnv, miniPlan, run, seedPlan, testdir } from '../helpers.js';

interface Job {
  extends?: string;
  image?: string;
  needs?: string[];
  before_script?: string[];
  script: string[];
  artifacts?: { when?: string; name?: string; expose_as?: string; paths?: string[]; reports?: Record<string, string> };
}
const template = parse(readFileSync(join(ROOT, 'ci/gitlab-ci.yml'), 'utf8')) as Record<string, unknown> & { variables: Record<string, string> };
const job = (name: string) => template[name] as Job;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; bin: Record<string, string> };

/** A folder with a `plan` command that is this build, as `npm install --global yearplan` would give. */
function planOnPath(): string {
  const bin = mkdtempSync(join(tmpdir(), 'plan-bin-'));
  writeFileSync(join(bin, 'plan'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'plan'), 0o755);
  return bin;
}
const PATH_WITH_PLAN = `${planOnPath()}:${process.env.PATH}`;

/** Runs a job's script in `dir` as a GitLab runner does with bash: the template's variables set, stopping at the first line that fails. */
function runJob(name: string, dir: string) {
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', job(name).script.join('\n')], {
    cwd: dir,
    env: cleanEnv({ ...template.variables, PATH: PATH_WITH_PLAN, CI: 'true', GITLAB_CI: 'true' }),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The problems with a GitLab Code Quality report (an array of issues with these fields and types). */
function codeQualityProblems(report: unknown): string[] {
  if (!Array.isArray(report)) return ['not an array'];
  return report.flatMap((issue: Record<string, any>, i) => {
    const problems: string[] = [];
    for (const key of ['description', 'check_name', 'fingerprint']) if (typeof issue[key] !== 'string' || !issue[key]) problems.push(`${i}: ${key}`);
    if (!['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity)) problems.push(`${i}: severity ${issue.severity}`);
    if (typeof issue.location?.path !== 'string' || issue.location.path.startsWith('/')) problems.push(`${i}: location.path`);
    if (!Number.isInteger(issue.location?.lines?.begin) || issue.location.lines.begin < 1) problems.push(`${i}: location.lines.begin`);
    return problems;
  });
}

describe('ci/gitlab-ci.yml', () => {
  it('installs the published package on a Node 24 image, for both jobs', () => {
    expect(job('.plan').image).toBe('node:24');
    expect(job('.plan').before_script).toEqual(['npm install --global --no-audit --no-fund "yearplan@${YEARPLAN_VERSION}"']);
    expect(pkg.name).toBe('yearplan');
    expect(Object.keys(pkg.bin)).toEqual(['plan']);
    expect(job('plan:validate').extends).toBe('.plan');
    expect(job('plan:summary').extends).toBe('.plan');
    expect(template.variables).toEqual({ PLAN_FILES: 'plans/*.yaml', YEARPLAN_VERSION: '0.1' });
  });

  it('validates into a Code Quality report kept even when the job fails, then in the log', () => {
    const validate = job('plan:validate');
    expect(validate.script).toEqual(['plan validate --format codequality $PLAN_FILES > gl-code-quality-report.json || true', 'plan validate $PLAN_FILES']);
    expect(validate.artifacts).toEqual({ when: 'always', reports: { codequality: 'gl-code-quality-report.json' } });
  });

  it('summarises after validating, keeping the HTML pages', () => {
    const summary = job('plan:summary');
    expect(summary.needs).toEqual(['plan:validate']);
    expect(summary.script.join('\n')).toContain('plan summary --file="$file"\n');
    expect(summary.script.join('\n')).toContain('plan summary --file="$file" --format html --output="summary/summary-$name.html"');
    expect(summary.artifacts).toEqual({ name: 'plan-summary', expose_as: 'plan summary', paths: ['summary/'] });
  });

  it('the validate job fails on a broken plan, with a valid Code Quality report of its problems', () => {
    const bad = miniPlan().replace('1-2月', '13月').replace('departments: [甲部]\n', 'departments: [丙部]\n');
    const dir = testdir({ 'plans/2023.yaml': seedPlan(), 'plans/2024.yaml': bad });
    const r = runJob('plan:validate', dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('plans/2023.yaml：有效 (25 项任务)\nplans/2024.yaml：2 个问题\n');
    expect(r.stderr).toMatch(/^plan: plans\/2024\.yaml:7:13: tasks\[0\]\.period "13月"/);
    const report = JSON.parse(readFileSync(join(dir, 'gl-code-quality-report.json'), 'utf8'));
    expect(codeQualityProblems(report)).toEqual([]);
    expect(report.map((i: any) => [i.location.path, i.location.lines.begin, i.severity])).toEqual([
      ['plans/2024.yaml', 7, 'major'],
      ['plans/2024.yaml', 9, 'major'],
    ]);
  });

  it('the validate job passes on valid plans, with an empty report; a glob matching nothing is a critical problem', () => {
    const dir = testdir({ 'plans/2023.yaml': seedPlan() });
    expect(runJob('plan:validate', dir).code).toBe(0);
    expect(readFileSync(join(dir, 'gl-code-quality-report.json'), 'utf8')).toBe('[]\n');
    const empty = testdir({ 'README.md': 'no plans' });
    expect(runJob('plan:validate', empty).code).toBe(1);
    const report = JSON.parse(readFileSync(join(empty, 'gl-code-quality-report.json'), 'utf8'));
    expect(codeQualityProblems(report)).toEqual([]);
    expect(report).toMatchObject([{ severity: 'critical', location: { path: 'plans/*.yaml', lines: { begin: 1 } } }]);
  });

  it('the summary job prints each text summary in the log and writes each HTML page', () => {
    const dir = testdir({ 'plans/2023.yaml': seedPlan(), 'plans/2024.yaml': miniPlan() });
    const r = runJob('plan:summary', dir);
    const direct = (file: string, format: string) => run(['summary', '-f', file, '--format', format], { cwd: dir }).stdout;
    expect(r).toEqual({ code: 0, stdout: direct('plans/2023.yaml', 'text') + direct('plans/2024.yaml', 'text'), stderr: '' });
    expect(readFileSync(join(dir, 'summary/summary-2023.html'), 'utf8')).toBe(direct('plans/2023.yaml', 'html'));
    expect(existsSync(join(dir, 'summary/summary-2024.html'))).toBe(true);
  });

  it('the report checker rejects what GitLab would not read', () => {
    expect(codeQualityProblems({})).toEqual(['not an array']);
    expect(codeQualityProblems([{ description: 'x', check_name: 'c', fingerprint: '', severity: 'error', location: { path: '/abs', lines: { begin: 0 } } }])).toEqual([
      '0: fingerprint',
      '0: severity error',
      '0: location.path',
      '0: location.lines.begin',
    ]);
  });
});
