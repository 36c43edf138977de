// -o into places that cannot be written, through symlinks (also dangling ones), and new plans
// that never replace a file, even one that appears at the last moment.
import { lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/io/atomic.js';
import { run, seedPlan, testdir } from '../helpers.js';

const ANNEX = '序号\t计划时间\t内容\t负责部门\n1\t1-2月\t春节慰问\t局工会\n';

/** Every command with -o FILE, and a check of what it wrote. */
const WRITERS: [string, string[], (text: string) => boolean][] = [
  ['render', ['render', '--format', 'html'], (t) => t.startsWith('<!DOCTYPE html>')],
  ['summary', ['summary', '--format', 'markdown'], (t) => t.startsWith('### ')],
  ['departments', ['departments', '--format', 'csv'], (t) => t.startsWith('\ufeff部门,')],
  ['periods', ['periods', '--format', 'json'], (t) => t.startsWith('[')],
  ['export', ['export'], (t) => t.startsWith('BEGIN:VCALENDAR')],
  ['init', ['init', '2024', '--from', 'plans/2023.yaml'], (t) => t.includes('year: 2024')],
  ['import', ['import', 'annex.txt', '--year', '2024'], (t) => t.includes('content: 春节慰问')],
];
const repo = () => testdir({ 'plans/2023.yaml': seedPlan(), 'annex.txt': ANNEX, 'not-a-folder': 'x' });
const plan = (cwd: string, args: string[], out: string) => run([...args, '-o', out, '--as-of', '2023-06-30'], { cwd });
const root = process.getuid?.() === 0;

describe.each(WRITERS)('plan %s -o', (_name, args, wrote) => {
  it.each([
    ['a missing folder', 'missing/out.txt', '所在目录不存在'],
    ['a path through a file', 'not-a-folder/out.txt', '路径中有一段不是目录'],
    ['a folder', 'plans', args[0] === 'init' || args[0] === 'import' ? '文件已存在' : '这是一个目录'],
  ])('into %s: exit 1 saying why, nothing written', (_what, out, why) => {
    const cwd = repo();
    const before = readdirSync(cwd).sort();
    const r = plan(cwd, args, out);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(new RegExp(`^plan: ${out}: .*${why}.*\\n$`));
    expect(readdirSync(cwd).sort()).toEqual(before);
    expect(readdirSync(join(cwd, 'plans'))).toEqual(['2023.yaml']);
  });

  it.skipIf(root)('into a folder without write permission: exit 1', () => {
    const cwd = repo();
    mkdirSync(join(cwd, 'locked'));
    chmodSync(join(cwd, 'locked'), 0o555);
    const r = plan(cwd, args, 'locked/out.txt');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('没有写入权限');
  });

  it('through a dangling symlink: writes the target, keeps the link', () => {
    const cwd = repo();
    mkdirSync(join(cwd, 'real'));
    symlinkSync('real/out.txt', join(cwd, 'link.txt'));
    expect(plan(cwd, args, 'link.txt')).toMatchObject({ code: 0 });
    expect(lstatSync(join(cwd, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(cwd, 'link.txt'))).toBe('real/out.txt');
    expect(wrote(readFileSync(join(cwd, 'real/out.txt'), 'utf8'))).toBe(true);
    expect(readdirSync(join(cwd, 'real'))).toEqual(['out.txt']);
  });

  it('through a symlink to an existing file', () => {
    const cwd = repo();
    mkdirSync(join(cwd, 'real'));
    writeFileSync(join(cwd, 'real/out.txt'), 'old\n');
    symlinkSync('real/out.txt', join(cwd, 'link.txt'));
    const r = plan(cwd, args, 'link.txt');
    expect(lstatSync(join(cwd, 'link.txt')).isSymbolicLink()).toBe(true);
    if (args[0] === 'init' || args[0] === 'import') {
      // A new plan never replaces a file, wherever the link points.
      expect(r).toEqual({ code: 1, stdout: '', stderr: 'plan: link.txt: 文件已存在，不会覆盖 (请用 -o 指定另一个文件，或先移走它)\n' });
      expect(readFileSync(join(cwd, 'real/out.txt'), 'utf8')).toBe('old\n');
    } else {
      expect(r.code).toBe(0);
      expect(wrote(readFileSync(join(cwd, 'real/out.txt'), 'utf8'))).toBe(true);
    }
    expect(readdirSync(join(cwd, 'real'))).toEqual(['out.txt']);
  });
});

describe('the plan file through symlinks', () => {
  it('a dangling plan link is a missing file for reads and writes', () => {
    const cwd = testdir();
    symlinkSync('nowhere.yaml', join(cwd, 'plan.yaml'));
    for (const args of [['list'], ['done', '1']]) {
      expect(run(['-f', 'plan.yaml', ...args], { cwd })).toEqual({ code: 1, stdout: '', stderr: 'plan: plan.yaml: 文件不存在 (应为一个计划文件的路径)\n' });
    }
  });

  it('a loop of links is an error, not a hang', () => {
    const cwd = testdir();
    symlinkSync('b.yaml', join(cwd, 'a.yaml'));
    symlinkSync('a.yaml', join(cwd, 'b.yaml'));
    expect(run(['-f', 'a.yaml', 'list'], { cwd })).toMatchObject({ code: 1, stdout: '' });
    const looped = testdir({ 'plans/2023.yaml': seedPlan() });
    symlinkSync('b.html', join(looped, 'a.html'));
    symlinkSync('a.html', join(looped, 'b.html'));
    expect(run(['render', '-o', 'a.html', '--as-of', '2023-06-30'], { cwd: looped })).toEqual({ code: 1, stdout: '', stderr: 'plan: a.html: 无法写入：符号链接循环 (应为一个可写的路径)\n' });
  });
});

describe('writeFileAtomic with noClobber', () => {
  it('fails with EEXIST on a file that exists by the time it finishes, and leaves it as it was', () => {
    const dir = testdir({ 'keep.yaml': 'mine\n' });
    const target = join(dir, 'keep.yaml');
    expect(() => writeFileAtomic(target, 'theirs\n', { noClobber: true })).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(target, 'utf8')).toBe('mine\n');
    expect(readdirSync(dir)).toEqual(['keep.yaml']);
    writeFileAtomic(join(dir, 'new.yaml'), 'new\n', { noClobber: true });
    expect(readFileSync(join(dir, 'new.yaml'), 'utf8')).toBe('new\n');
    expect(readdirSync(dir).sort()).toEqual(['keep.yaml', 'new.yaml']);
  });
});
