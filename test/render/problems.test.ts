import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeQualityReport } from '../../src/render/codequality.js';
import { locateProblem, type LocatedProblem } from '../../src/render/problems.js';
import { problemsJson } from '../../src/render/problems-json.js';

describe('locateProblem', () => {
  it.each([
    ['p.yaml', 'p.yaml:7:13: tasks[0].period "13月" bad', 7, 13, 'tasks[0].period "13月" bad'],
    ['p.yaml', 'p.yaml: no such file', null, null, 'no such file'],
    // The file is a known prefix: its own colons and digits are not a place.
    ['a:1:2.yaml', 'a:1:2.yaml:3:4: x', 3, 4, 'x'],
    ['a:1:2.yaml', 'a:1:2.yaml: 5:6: x', null, null, '5:6: x'],
    ['2023.yaml', '2023.yaml:12:1: a: b: c', 12, 1, 'a: b: c'],
    ['p.yaml', 'p.yaml:1:1: two\nlines', 1, 1, 'two\nlines'],
    // Anything else is a message on the whole file, kept whole.
    ['p.yaml', 'something else', null, null, 'something else'],
    ['p.yaml', 'p.yamlx:1:1: near miss', null, null, 'p.yamlx:1:1: near miss'],
    ['p.yaml', 'p.yaml:1: one number', null, null, 'p.yaml:1: one number'],
  ])('%s: %j', (file, text, line, column, message) => {
    expect(locateProblem(file, text)).toEqual({ file, line, column, message });
  });
});

const problems: LocatedProblem[] = [
  { file: 'plans/2024.yaml', line: 7, column: 13, message: 'tasks[0].period "13月" 不是有效的时间' },
  { file: 'plans/2024.yaml', line: 9, column: 19, message: 'tasks[0].departments[0] "乙部" 不在部门名录' },
  { file: 'missing.yaml', line: null, column: null, message: '文件不存在' },
];

describe('plan validate --format json', () => {
  it('gives every problem as {file, line, column, message, severity}, a whole file with null place', () => {
    expect(JSON.parse(problemsJson(problems))).toEqual([
      { file: 'plans/2024.yaml', line: 7, column: 13, message: 'tasks[0].period "13月" 不是有效的时间', severity: 'error' },
      { file: 'plans/2024.yaml', line: 9, column: 19, message: 'tasks[0].departments[0] "乙部" 不在部门名录', severity: 'error' },
      { file: 'missing.yaml', line: null, column: null, message: '文件不存在', severity: 'error' },
    ]);
  });

  it('is an empty array without problems, ending in a newline', () => {
    expect(problemsJson([])).toBe('[]\n');
  });
});

describe('plan validate --format codequality', () => {
  const cwd = join('/', 'repo');
  const report = (list: LocatedProblem[], at = cwd) =>
    JSON.parse(codeQualityReport(list, at)) as { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];

  it('gives GitLab the fields it reads: description, check_name, fingerprint, severity, location', () => {
    const [first, , whole] = report(problems);
    expect(first).toEqual({
      description: 'tasks[0].period "13月" 不是有效的时间',
      check_name: 'plan-validate',
      fingerprint: createHash('sha256').update(JSON.stringify(['plans/2024.yaml', 7, 13, 'tasks[0].period "13月" 不是有效的时间'])).digest('hex'),
      severity: 'major',
      location: { path: 'plans/2024.yaml', lines: { begin: 7 } },
    });
    // A file that could not be checked at all is critical, on its first line.
    expect(whole).toMatchObject({ severity: 'critical', location: { path: 'missing.yaml', lines: { begin: 1 } } });
  });

  it('has stable fingerprints, different for each problem', () => {
    const fingerprints = report(problems).map((p) => p.fingerprint);
    expect(fingerprints).toEqual(report(problems).map((p) => p.fingerprint));
    expect(new Set(fingerprints).size).toBe(problems.length);
    for (const f of fingerprints) expect(f).toMatch(/^[0-9a-f]{64}$/);
    // The same message on another line is another problem.
    const moved = report([{ ...problems[0]!, line: 8 }])[0]!.fingerprint;
    expect(moved).not.toBe(fingerprints[0]);
  });

  it.each([
    ['plans/2024.yaml', 'plans/2024.yaml'],
    ['./plans/2024.yaml', 'plans/2024.yaml'],
    [join(cwd, 'plans', '2024.yaml'), 'plans/2024.yaml'],
    ['..foo.yaml', '..foo.yaml'],
    // Outside the repository GitLab cannot place it; the absolute path at least names it.
    ['../other/2024.yaml', '/other/2024.yaml'],
  ])('locates %s at %s, relative to the working directory', (file, path) => {
    expect(report([{ file, line: 1, column: 1, message: 'x' }])[0]!.location.path).toBe(path);
  });

  it('is an empty array without problems', () => {
    expect(codeQualityReport([], cwd)).toBe('[]\n');
  });
});
