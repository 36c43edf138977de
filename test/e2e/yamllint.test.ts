import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SEED_TEXT, miniPlan, run, seedPlan, testdir } from '../helpers.js';

// Every plan the tool writes passes yamllint with the repository's .yamllint (yamllint's defaults
// but for line length), warnings included.
const YAMLLINT = spawnSync('yamllint', ['--version'], { encoding: 'utf8' }).status === 0;
if (!YAMLLINT) console.warn('test/e2e/yamllint.test.ts: skipped, yamllint is not on PATH (apt-get install yamllint)');

const ASOF = ['--as-of', '2024-05-01'];
const SCHEMA = join(ROOT, 'schemas/plan.schema.json');
const v1 = () => seedPlan().replace('schemaVersion: 2', 'schemaVersion: 1').replace(/^(\s+- )label:/gm, '$1no:');

/** yamllint's findings for the files, one a line (`file:line:col: [level] message (rule)`); none is ''. */
function findings(cwd: string, files: string[]): string {
  const r = spawnSync('yamllint', ['-c', join(ROOT, '.yamllint'), '-f', 'parsable', ...files], { cwd, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout;
}

/** Runs the CLI in `cwd`; it must succeed. */
function plan(cwd: string, ...args: string[]): void {
  const r = run(args, { cwd });
  expect(r, args.join(' ')).toMatchObject({ code: 0, stderr: '' });
}

describe.skipIf(!YAMLLINT)('yamllint', () => {
  it('passes the plans in plans/', () => {
    const files = readdirSync(join(ROOT, 'plans')).filter((f) => /\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    expect(findings(ROOT, files.map((f) => join('plans', f)))).toBe('');
  });

  it('passes what init, init --from, import and migrate write, and that after done, log and undo', () => {
    const dir = testdir({ 'plans/2023.yaml': seedPlan(), 'v1.yaml': v1(), 'notice.txt': readFileSync(SEED_TEXT) });
    mkdirSync(join(dir, 'schemas'));
    copyFileSync(SCHEMA, join(dir, 'schemas/plan.schema.json'));
    plan(dir, 'init', '2025');
    plan(dir, 'init', '2024', '--from', 'plans/2023.yaml');
    plan(dir, 'init', '2026', '--from', 'v1.yaml', '-o', 'from-v1.yaml');
    plan(dir, 'import', 'notice.txt', '-o', 'from-word.yaml');
    writeFileSync(join(dir, 'annex.md'), run(['render', '-f', 'plans/2023.yaml', '--format', 'markdown'], { cwd: dir }).stdout);
    plan(dir, 'import', 'annex.md', '--year', '2023', '-o', 'from-markdown.yaml');
    writeFileSync(join(dir, 'annex.csv'), '序号,计划时间,内容,负责部门\r\n1,1-2 月,"走访慰问, 春节",办公室\r\n2,全年,"""书香""读书会",办公室、工会\r\n3,3月,yes,工会\r\n');
    plan(dir, 'import', 'annex.csv', '--year', '2024', '-o', 'from-csv.yaml');
    copyFileSync(join(dir, 'v1.yaml'), join(dir, 'migrated.yaml'));
    plan(dir, 'migrate', '-f', 'migrated.yaml');
    const written = ['plans/2025.yaml', 'plans/2024.yaml', 'from-v1.yaml', 'from-word.yaml', 'from-markdown.yaml', 'from-csv.yaml', 'migrated.yaml'];
    expect(findings(dir, written)).toBe('');

    for (const file of written) {
      // A completion with texts YAML 1.1 reads as booleans, a new log list, then an entry appended to it.
      plan(dir, 'done', '1', '-f', file, '--by', 'yes', '--note', 'on', ...ASOF);
      plan(dir, 'log', '1', 'no', '-f', file, ...ASOF);
      plan(dir, 'log', '1', '第二条: 已落实 # 1', '-f', file, ...ASOF);
    }
    plan(dir, 'done', '2', '-f', 'plans/2024.yaml', ...ASOF);
    plan(dir, 'undo', '1', '-f', 'plans/2024.yaml');
    expect(readFileSync(join(dir, 'plans/2024.yaml'), 'utf8')).toContain('    log:\n      - date: 2024-05-01\n        note: "no"\n      - date: 2024-05-01\n        note: "第二条: 已落实 # 1"\n\n');
    expect(findings(dir, written)).toBe('');
  });

  it('finds nothing new after done and log in a plan indented by four spaces', () => {
    const tasks = '    - id: 1\n      period: 1-2月\n      content: 第一项\n      departments: [甲部]\n\n    - id: 2\n      period: 全年\n      content: 第二项\n      departments: [甲部, 乙部]\n';
    const dir = testdir({ 'plan.yaml': `---\n${miniPlan(tasks)}` });
    expect(findings(dir, ['plan.yaml'])).toBe('');
    plan(dir, 'done', '1', '-f', 'plan.yaml', '--by', '张三', ...ASOF);
    plan(dir, 'log', '2', '场地已落实', '-f', 'plan.yaml', ...ASOF);
    expect(findings(dir, ['plan.yaml'])).toBe('');
  });

  it('finds nothing after add, edit, cancel and --new-department, in two-space and four-space plans', () => {
    const four = '    - id: 1\n      period: 1-2月\n      content: 第一项\n      departments:\n          - 甲部\n\n    - id: 2\n      period: 全年\n      content: 第二项\n      departments: [甲部, 乙部]\n';
    const dir = testdir({ 'four.yaml': `---\n${miniPlan(four)}`, 'plans/2023.yaml': seedPlan() });
    expect(findings(dir, ['four.yaml', 'plans/2023.yaml'])).toBe('');
    const files = [
      { file: 'four.yaml', units: ['甲部', '乙部'], asOf: ASOF },
      { file: 'plans/2023.yaml', units: ['局工会', '女工委'], asOf: ['--as-of', '2023-05-01'] },
    ];
    for (const { file, units, asOf } of files) {
      plan(dir, 'add', '-f', file, '--content', 'yes', '--period', '5月', '--department', units[0]!, '新部门: 一', '--new-department', ...asOf);
      plan(dir, 'edit', '1', '-f', file, '--content', '第一项: 修订 # 1', '--department', ...units, '--period', '3月', ...asOf);
    }
    plan(dir, 'migrate', '-f', 'four.yaml');
    plan(dir, 'edit', '2', '-f', 'four.yaml', '--support', '乙部', '--owner', 'no', '--group', '一、类别', ...ASOF);
    plan(dir, 'cancel', '2', '-f', 'four.yaml', '--reason', 'on', ...ASOF);
    plan(dir, 'cancel', '3', '-f', 'plans/2023.yaml', '--reason', '上级通知取消', '--as-of', '2023-05-01');
    expect(findings(dir, ['four.yaml', 'plans/2023.yaml'])).toBe('');
  });
});
