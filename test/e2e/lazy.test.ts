import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run, seedPlan, testdir } from '../helpers.js';

// Each command loads only the code it needs (dist/<module>.cjs), which keeps start-up short.
describe('lazy loading', () => {
  const cwd = testdir({ 'plans/2023.yaml': seedPlan() });
  const loaded = (args: string[], env: Record<string, string> = {}) => {
    const r = run([...args, '--as-of', '2023-04-10'], { cwd, env: { ...env, NODE_OPTIONS: `--require ${join(ROOT, 'test/fixtures/trace-modules.cjs')}` } });
    expect(r.code, r.stderr).toBe(0);
    return /loaded: (.*)/.exec(r.stderr)![1]!.split(' ');
  };

  // messages.cjs is one bundle that all others share; chalk (colors.cjs) only comes with colour.
  it.each([
    [['list', '--format', 'json'], ['cli.cjs', 'list.cjs', 'messages.cjs']],
    [['list'], ['cli.cjs', 'list.cjs', 'messages.cjs', 'table.cjs']],
    [['show', '7', '--format', 'json'], ['cli.cjs', 'messages.cjs', 'show.cjs']],
    [['render', '--format', 'markdown'], ['cli.cjs', 'markdown.cjs', 'messages.cjs', 'render.cjs']],
    // The office libraries come only with their formats.
    [['render', '--format', 'xlsx', '-o', 'annex.xlsx'], ['cli.cjs', 'messages.cjs', 'render.cjs', 'xlsx.cjs']],
    [['render', '--format', 'docx', '-o', 'annex.docx'], ['cli.cjs', 'docx.cjs', 'messages.cjs', 'render.cjs']],
    [['validate'], ['cli.cjs', 'messages.cjs', 'validate.cjs']],
    [['done', '7', '--force'], ['cli.cjs', 'messages.cjs', 'record.cjs']],
    [['cancel', '9', '--reason', '上级通知取消'], ['cli.cjs', 'messages.cjs', 'record.cjs']],
    [['edit', '8', '--content', '改写的内容'], ['change.cjs', 'cli.cjs', 'messages.cjs']],
    [['add', '--content', '新任务', '--period', '5月', '--department', '局工会'], ['change.cjs', 'cli.cjs', 'messages.cjs']],
    [['agenda', '--format', 'json'], ['agenda.cjs', 'cli.cjs', 'messages.cjs']],
    [['--help'], ['cli.cjs', 'messages.cjs']],
  ])('plan %j loads %j', (args, files) => {
    expect(loaded(args)).toEqual(files);
  });

  it('history loads git and its reader only for itself', () => {
    const repo = testdir({ 'plans/2023.yaml': seedPlan() });
    const env = { GIT_AUTHOR_NAME: 'a', GIT_AUTHOR_EMAIL: 'a@b', GIT_COMMITTER_NAME: 'a', GIT_COMMITTER_EMAIL: 'a@b', GIT_CONFIG_GLOBAL: '/dev/null' };
    for (const args of [['init', '-q'], ['add', '.'], ['commit', '-qm', 'init']]) execFileSync('git', args, { cwd: repo, env: { ...process.env, ...env } });
    const r = run(['history', '7', '--format', 'json'], { cwd: repo, env: { NODE_OPTIONS: `--require ${join(ROOT, 'test/fixtures/trace-modules.cjs')}` } });
    expect(r.code, r.stderr).toBe(0);
    expect(/loaded: (.*)/.exec(r.stderr)![1]!.split(' ')).toEqual(['cli.cjs', 'history.cjs', 'messages.cjs']);
  });

  it('loads chalk only when there is colour', () => {
    expect(loaded(['list'], { FORCE_COLOR: '1' })).toEqual(['cli.cjs', 'colors.cjs', 'list.cjs', 'messages.cjs', 'table.cjs']);
    expect(loaded(['show', '7'], { FORCE_COLOR: '1' })).toContain('colors.cjs');
    expect(loaded(['show', '7'], { NO_COLOR: '1' })).not.toContain('colors.cjs');
  });

  it("writes to a pipe without Node's stream modules (process.stdout would load them)", () => {
    const streams = (args: string[], env: Record<string, string> = {}) =>
      /streams: (\w+)/.exec(run([...args, '--as-of', '2023-04-10'], { cwd, env: { ...env, NODE_OPTIONS: `--require ${join(ROOT, 'test/fixtures/trace-modules.cjs')}` } }).stderr)![1];
    expect(streams(['list'])).toBe('false');
    expect(streams(['summary', '--format', 'json'])).toBe('false');
    expect(streams(['done', '7', '--force', '--by', '张三'])).toBe('false');
  });

  it('parses with yaml only for a plan the fast reader does not read, or an invalid one', () => {
    const odd = testdir({ 'plans/2023.yaml': seedPlan().replace('title: 2023年', 'title: &t 2023年') });
    const r = run(['list', '--format', 'json'], { cwd: odd, env: { NODE_OPTIONS: `--require ${join(ROOT, 'test/fixtures/trace-modules.cjs')}` } });
    expect(r.stderr).toContain('yaml-check.cjs');
  });
});
