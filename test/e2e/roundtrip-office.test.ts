import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { documentTables } from '../../src/io/table-source.js';
import { run, testdir } from '../helpers.js';
import { makeDocx, makeXlsx } from '../office-files.js';

// An office's own table, imported and rendered back in its own format, is the table it was:
// the same columns in the same order, the same cells, the same merged cells.
const texts = (rows: { cells: { text: string }[]; tabular: boolean }[]) => rows.filter((r) => r.tabular).map((r) => r.cells.map((c) => c.text));

/** Imports `file`, renders the plan back to `format`, and gives both tables as read by the importer's own reader. */
async function roundTrip(file: string, bytes: Uint8Array, format: string) {
  const dir = testdir({ [file]: bytes });
  const imported = run(['import', file, '-o', 'plan.yaml'], { cwd: dir });
  expect(imported.code, imported.stderr).toBe(0);
  const rendered = run(['render', '-f', 'plan.yaml', '--format', format, '-o', `back.${format}`], { cwd: dir });
  expect(rendered.code, rendered.stderr).toBe(0);
  const before = (await documentTables(join(dir, file)))!;
  const after = (await documentTables(join(dir, `back.${format}`)))!;
  return { dir, before, after };
}

describe('import, then render in the same office format', () => {
  const header = ['序号', '时间安排', '工作任务', '牵头单位', '配合单位', '考核要点'];

  it('xlsx: cells and merged ranges come back as they were', async () => {
    const workbook = await makeXlsx({
      sheets: [
        {
          name: '任务分解',
          rows: [
            ['2024年区总工会重点工作任务分解表', '', '', '', '', ''],
            header,
            ['一、建功立业', '', '', '', '', ''],
            [1, '3月', '完成年度职工技能竞赛', '组宣部', '财务部', '参赛不少于200人'],
            [2, '', '职工书屋建设', '组宣部', '', ''],
            ['二、自身建设', '', '', '', '', ''],
            [3, '全年', '经费审计', '财务部', '办公室、组宣部', '按时完成'],
          ],
          merges: ['A1:F1', 'A3:F3', 'B4:B5', 'A6:F6'],
        },
      ],
    });
    const { dir, before, after } = await roundTrip('plan.xlsx', workbook, 'xlsx');
    const table = texts(before[0]!);
    expect(table.length).toBe(7);
    expect(texts(after[0]!)).toEqual(table);
    const merges = async (path: string) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
      return [...book.worksheets[0]!.model.merges].sort();
    };
    expect(await merges(join(dir, 'back.xlsx'))).toEqual(['A1:F1', 'A3:F3', 'A6:F6', 'B4:B5']);
  });

  it('docx: the annex table comes back cell for cell, merges as blanks', async () => {
    const document = await makeDocx({
      paragraphsAbove: ['2024年区总工会重点工作任务分解表'],
      tables: [
        {
          headerRow: true,
          rows: [
            header,
            [{ text: '一、建功立业', columnSpan: 6 }],
            ['1', { text: '3月', vMerge: 'restart' }, '完成年度职工技能竞赛', '组宣部', '财务部', '参赛不少于200人'],
            ['2', { text: '', vMerge: 'continue' }, '职工书屋建设', '组宣部', '', ''],
            [{ text: '二、自身建设', columnSpan: 6 }],
            ['3', '全年', '经费审计', '财务部', '办公室、组宣部', '按时完成'],
          ],
        },
      ],
    });
    const { before, after } = await roundTrip('annex.docx', document, 'docx');
    const table = texts(before.at(-1)!);
    expect(table.length).toBe(6);
    expect(texts(after.at(-1)!)).toEqual(table);
  });
});
