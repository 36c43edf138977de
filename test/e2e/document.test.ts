import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, seedPlan, testdir } from '../helpers.js';

const repo = testdir({ 'plans/2023.yaml': seedPlan() });
const plan = (args: string[]) => run(['--as-of', '2023-07-15', ...args], { cwd: repo });

/** The first of the commands on PATH that runs with `flag`. */
function which(flag: string, ...names: string[]): string | undefined {
  return names.find((n) => spawnSync(n, [flag], { stdio: 'ignore', timeout: 60_000 }).status === 0);
}
const chromium = which('--version', 'chromium', 'chromium-browser', 'google-chrome');
const pdftotext = which('-v', 'pdftotext');
const printable = Boolean(chromium && pdftotext);
if (!printable) console.warn(`skipping the print test of plan document: ${chromium ? '' : 'no chromium on PATH '}${pdftotext ? '' : 'no pdftotext (poppler-utils)'}`.trim());

describe('plan document', () => {
  it('prints the whole notice as html by default', () => {
    const r = plan(['document']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^<!DOCTYPE html>/);
    for (const part of ['上海市城市管理行政执法局工会委员会文件', '沪城管工〔2023〕1号', '<h1>2023年市城管执法局工会工作计划</h1>', '<p class="annex-label">附件</p>', '2023年2月13日印发'])
      expect(r.stdout).toContain(part);
    expect(r.stdout).not.toMatch(/<script/);
  });

  it('writes markdown and html with -o, printing nothing', () => {
    for (const [format, file] of [['markdown', 'notice.md'], ['html', 'notice.html']] as const) {
      expect(plan(['document', '--format', format, '-o', file])).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(readFileSync(join(repo, file), 'utf8')).toContain('2023年市城管执法局工会主要工作计划表');
    }
    expect(readFileSync(join(repo, 'notice.md'), 'utf8')).toContain('| 序号 | 计划时间 | 内容 | 负责部门 |');
  });

  it('writes a Word document with --format docx -o', () => {
    expect(plan(['document', '--format', 'docx', '-o', 'notice.docx'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(repo, 'notice.docx')).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('refuses an unknown format with exit 2', () => {
    const r = plan(['document', '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('html、markdown、docx');
  });

  it.skipIf(!printable)('prints to PDF in Chromium: title, 附件 and a task on two pages or more', () => {
    const out = mkdtempSync(join(tmpdir(), 'plan-pdf-'));
    expect(plan(['document', '-o', join(out, 'notice.html')]).code).toBe(0);
    const pdf = join(out, 'notice.pdf');
    const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${join(out, 'profile')}`];
    spawnSync(chromium!, [...flags, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${join(out, 'notice.html')}`], { stdio: 'ignore', timeout: 120_000 });
    expect(existsSync(pdf)).toBe(true);
    const text = spawnSync(pdftotext!, ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/[ \t]+/g, '');
    expect(text).toContain('2023年市城管执法局工会工作计划');
    expect(text).toContain('附件');
    expect(text).toContain('“书香城管”读书沙龙');
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    // The page number, centred in the bottom margin.
    expect(pages[0]).toMatch(/—1—/);
  }, 180_000);
});
