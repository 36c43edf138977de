import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run, seedPlan, testdir } from '../helpers.js';

// Each command loads only the code it needs (dist/<module>.cjs), which keeps start-up short.
describe('lazy loading', () => {
  const cwd = testdir({ 'plans/2023.yaml': seedPlan() });
  const loaded = (args: string[]) => {
    const r = run([...args, '--as-of', '2023-04-10'], { cwd, env: { NODE_OPTIONS: `--require ${join(ROOT, 'test/fixtures/trace-modules.cjs')}` } });
    expect(r.code, r.stderr).toBe(0);
    return /loaded: (.*)/.exec(r.stderr)![1]!.split(' ');
  };

  it.each([
    [['list', '--format', 'json'], ['cli.cjs', 'list.cjs']],
    [['list'], ['cli.cjs', 'list.cjs', 'table.cjs']],
    [['show', '7', '--format', 'json'], ['cli.cjs', 'show.cjs']],
    [['render', '--format', 'markdown'], ['cli.cjs', 'markdown.cjs', 'render.cjs']],
    [['validate'], ['cli.cjs', 'validate.cjs']],
    [['done', '7', '--force'], ['cli.cjs', 'record.cjs']],
    [['--help'], ['cli.cjs']],
  ])('plan %j loads %j', (args, files) => {
    expect(loaded(args)).toEqual(files);
  });

  it('parses with yaml only for a plan the fast reader does not read, or an invalid one', () => {
    const odd = testdir({ 'plans/2023.yaml': seedPlan().replace('title: 2023年', 'title: &t 2023年') });
    const r = run(['list', '--format', 'json'], { cwd: odd, env: { NODE_OPTIONS: `--require ${join(ROOT, 'test/fixtures/trace-modules.cjs')}` } });
    expect(r.stderr).toContain('yaml-check.cjs');
  });
});
