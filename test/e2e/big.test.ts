import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generatePlan } from '../../bench/generate.mjs';
import { run, testdir } from '../helpers.js';

// Plans of the size offices have at most (the bench's 1,200-task plan is 150 KiB).
describe('big plans', () => {
  const setup = () => {
    const cwd = testdir({ 'plans/2023.yaml': generatePlan(1200) });
    const plan = (args: string[], env: Record<string, string> = {}) => run([...args, '--as-of', '2023-05-01'], { cwd, env });
    return { cwd, file: join(cwd, 'plans/2023.yaml'), plan };
  };
  const ids = (stdout: string) => (JSON.parse(stdout) as { id: number; status: string }[]).map((t) => `${t.id}:${t.status}`);

  it('reads a big plan again after every change, and locates a problem in it', () => {
    const { file, plan } = setup();
    const first = plan(['list', '--period', '3-4月', '--format', 'json']);
    expect(first.code).toBe(0);
    expect(plan(['list', '--period', '3-4月', '--format', 'json']).stdout).toBe(first.stdout);

    // Edited by hand: seen at once.
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - id: 11\n    period: 3-4月\n', '  - id: 11\n    period: 5-6月\n'));
    const edited = ids(plan(['list', '--period', '3-4月', '--format', 'json']).stdout);
    expect(edited).not.toContain('11:overdue');
    expect(edited).toHaveLength(ids(first.stdout).length - 1);

    // Made invalid by hand: reported as such, located.
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - id: 11\n    period: 5-6月', '  - id: 11\n    period: 13月'));
    const invalid = plan(['list']);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/^plan: plans\/2023\.yaml:\d+:13: tasks\[10\]\.period "13月"/);
  });


  it('finds the tasks of a plan whose ids an int32 cannot hold', () => {
    const { file, plan } = setup();
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - id: 5\n', '  - id: 5000000000\n'));
    const listed = plan(['list', '--format', 'json']);
    expect(JSON.parse(listed.stdout)[4].id).toBe(5000000000);
    expect(plan(['show', '705032704']).stderr).toContain('5000000000'); // that id as an int32 is not a task; the real ids are listed
    expect(plan(['done', '6']).code).toBe(0);
  });


  it('records completion in a big plan with a minimal diff, and the next read sees it', () => {
    const { file, plan } = setup();
    const before = readFileSync(file, 'utf8');
    expect(plan(['done', '599', '--force', '--date', '2023-04-02']).code).toBe(0);
    const after = readFileSync(file, 'utf8');
    const removed = before.split('\n').filter((l, i, all) => !after.split('\n').includes(l) && all.indexOf(l) === i);
    expect(removed.every((l) => /^ {4}completed:|^ {6}(date|by):/.test(l) || l === '')).toBe(true);
    expect((parse(after) as { tasks: { id: number; completed?: object }[] }).tasks[598]!.completed).toEqual({ date: '2023-04-02' });
    const shown = JSON.parse(plan(['show', '599', '--format', 'json']).stdout);
    expect(shown.completed).toEqual({ date: '2023-04-02' });
    expect(plan(['validate']).code).toBe(0);
    expect(plan(['log', '600', '场地已落实']).code).toBe(0);
    expect(JSON.parse(plan(['show', '600', '--format', 'json']).stdout).log.at(-1)).toEqual({ date: '2023-05-01', note: '场地已落实' });
  });
});
