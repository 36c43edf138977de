import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { documentDocx } from '../../src/render/document-docx.js';
import { planInProcess } from '../hostile/in-process.js';
import { BIN, cleanEnv, run, seedPlan, testdir } from '../helpers.js';
import { V2_PLAN, docxBody, seedPlanData, tableTexts } from '../render/office-fixtures.js';

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const office = has('soffice') && has('pdftotext') && has('pdftoppm');
if (!office) console.log('export-office: soffice, pdftotext or pdftoppm is not installed: the LibreOffice read-back is skipped');
/** Where the screenshots go for a person to look at. */
const SCREENS = '/tmp/plan-screens';

describe('plan render --format xlsx|docx', () => {
  const cwd = testdir({ 'plans/2023.yaml': seedPlan(), 'v2.yaml': V2_PLAN });

  it('writes the seed annex as an xlsx and a docx file with -o', async () => {
    for (const format of ['xlsx', 'docx']) {
      const r = run(['render', '--format', format, '-o', `annex.${format}`, '--as-of', '2023-04-10'], { cwd });
      expect(r, r.stderr).toMatchObject({ code: 0, stdout: '', stderr: '' });
      expect(readFileSync(join(cwd, `annex.${format}`)).subarray(0, 2).toString()).toBe('PK');
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(cwd, 'annex.xlsx')) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getCell(3, 3).value).toBe('“访一线、听心声”春节走访慰问');
    expect(tableTexts((await docxBody(readFileSync(join(cwd, 'annex.docx'))))['w:tbl'][0])).toHaveLength(26);
  });

  it('writes the bytes to a pipe, and refuses a terminal with a usage error naming -o FILE', async () => {
    const piped = spawnSync(process.execPath, [BIN, 'render', '--format', 'xlsx', '--as-of', '2023-04-10'], { cwd, env: cleanEnv() });
    expect(piped.status, piped.stderr.toString()).toBe(0);
    expect(piped.stdout.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(piped.stdout as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(27);
    for (const format of ['xlsx', 'docx']) {
      const tty = await planInProcess(['render', '--format', format, '--as-of', '2023-04-10'], { cwd, tty: true });
      expect(tty.code).toBe(2);
      expect(tty.stdout).toBe('');
      expect(tty.stderr).toContain('-o FILE');
    }
  });

  it.skipIf(!office)('opens in LibreOffice: both convert to PDF with the title and cells in it; screenshots go to /tmp/plan-screens', async () => {
    expect(run(['-f', 'v2.yaml', 'render', '--format', 'docx', '-o', 'v2.docx'], { cwd }).code).toBe(0);
    expect(run(['-f', 'v2.yaml', 'render', '--format', 'xlsx', '-o', 'v2-sheet.xlsx'], { cwd }).code).toBe(0);
    // xlsx and docx of one name would both become annex.pdf
    copyFileSync(join(cwd, 'annex.xlsx'), join(cwd, 'annex-sheet.xlsx'));
    writeFileSync(join(cwd, 'document.docx'), await documentDocx(await seedPlanData()));
    const files = ['annex.docx', 'annex-sheet.xlsx', 'document.docx', 'v2.docx', 'v2-sheet.xlsx'];
    const profile = `file://${join(cwd, 'lo-profile')}`;
    const lo = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', cwd, ...files], { cwd, encoding: 'utf8', timeout: 120_000 });
    expect(lo.status, lo.stderr).toBe(0);
    const text = (name: string) => spawnSync('pdftotext', [join(cwd, `${name}.pdf`), '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    for (const name of ['annex', 'annex-sheet']) {
      expect(existsSync(join(cwd, `${name}.pdf`)), name).toBe(true);
      const t = text(name);
      for (const s of ['2023年市城管执法局工会主要工作计划表', '序号', '计划时间', '机关春节联欢活动', '机关职工兴趣小组', '11-12月']) expect(t, `${name}: ${s}`).toContain(s);
    }
    expect(text('annex')).toContain('附件');
    const doc = text('document');
    for (const s of ['上海市城市管理行政执法局工会委员会文件', '沪城管工〔2023〕1号', '一、坚持高站位引领', '（一）认真做好典型选树。', '2023年市城管执法局工会主要工作计划表', '2023年2月13日印发']) expect(doc, s).toContain(s);
    for (const name of ['v2', 'v2-sheet']) for (const s of ['一、建功立业', '完成年度职工技能竞赛', '=参赛职工不少于200人']) expect(text(name), `${name}: ${s}`).toContain(s);

    mkdirSync(SCREENS, { recursive: true });
    const shot = (pdf: string, page: number, png: string) => {
      const prefix = join(cwd, `${png}-shot`);
      expect(spawnSync('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', join(cwd, `${pdf}.pdf`), prefix]).status).toBe(0);
      copyFileSync(`${prefix}.png`, join(SCREENS, `${png}.png`));
    };
    shot('annex', 1, 'annex-docx');
    shot('annex-sheet', 1, 'annex-xlsx');
    shot('document', 1, 'document-docx-p1');
    shot('document', 2, 'document-docx-p2');
    shot('v2', 1, 'annex-v2-docx');
    for (const png of ['annex-docx', 'annex-xlsx', 'document-docx-p1', 'document-docx-p2']) expect(readFileSync(join(SCREENS, `${png}.png`)).subarray(1, 4).toString()).toBe('PNG');
  }, 180_000);
});
