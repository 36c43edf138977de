import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPlanError } from '../../src/errors.js';
import { documentTables } from '../../src/io/table-source.js';
import { cellText } from '../../src/io/xlsx-table.js';
import type { TextRow } from '../../src/plan/annex.js';
import { testdir } from '../helpers.js';
import { makeDocx, makeXlsx, makeZip } from '../office-files.js';

const texts = (rows: TextRow[]) => rows.map((r) => r.cells.map((c) => c.text));

async function tablesOf(bytes: Uint8Array, opts: { sheet?: string } = {}, name = 'plan.xlsx') {
  const dir = testdir({ [name]: bytes });
  return documentTables(join(dir, name), opts);
}

const workbook = () =>
  makeXlsx({
    sheets: [
      { name: '说明', rows: [['本工作簿共两张表']] },
      {
        name: '任务',
        rows: [
          ['2024年区总工会重点工作任务分解表'],
          [],
          ['序号', '时间', '工作任务', '牵头单位', '配合单位', '完成日期'],
          ['一、建功立业'],
          [1, '3月', '完成年度职工技能竞赛\r\n  参赛不少于200人 ', '组宣部', '财务部', new Date(Date.UTC(2024, 2, 31))],
          [2, null, { richText: [{ text: '职工书屋' }, { font: { bold: true }, text: '建设' }] }, { text: '组宣部', hyperlink: 'https://example.org' }, null, { formula: 'F5+30', result: new Date(Date.UTC(2024, 3, 30)) }],
          [3.5, '全年', '经费审计', '财务部', '', { formula: '1+1', result: 2 }],
        ],
        merges: ['A1:F1', 'A4:F4', 'B5:B6', 'D7:E7'],
      },
    ],
  });

describe('documentTables of an Excel workbook', () => {
  it('gives the first sheet by default, as one table', async () => {
    expect((await tablesOf(await workbook()))!.map(texts)).toEqual([[['本工作簿共两张表']]]);
  });

  it.each(['任务', '2', ' 任务 '])('gives --sheet %j: every row from row 1, merged ranges in their first cell, values as shown', async (sheet) => {
    const [rows, ...more] = (await tablesOf(await workbook(), { sheet }))!;
    expect(more).toEqual([]);
    expect(texts(rows!)).toEqual([
      ['2024年区总工会重点工作任务分解表', '', '', '', '', ''],
      ['', '', '', '', '', ''],
      ['序号', '时间', '工作任务', '牵头单位', '配合单位', '完成日期'],
      ['一、建功立业', '', '', '', '', ''],
      ['1', '3月', '完成年度职工技能竞赛\n参赛不少于200人', '组宣部', '财务部', '2024-03-31'],
      ['2', '', '职工书屋建设', '组宣部', '', '2024-04-30'],
      ['3.5', '全年', '经费审计', '财务部', '', '2'],
    ]);
    expect(rows!.every((r) => r.tabular)).toBe(true);
    expect(rows![4]).toMatchObject({ line: 5, end: { line: 5, col: 7 } });
    expect(rows![4]!.cells.map((c) => [c.line, c.col])).toEqual([[5, 1], [5, 2], [5, 3], [5, 4], [5, 5], [5, 6]]);
  });

  it('refuses an unknown sheet, naming the sheets (exit 2)', async () => {
    const error = await tablesOf(await workbook(), { sheet: '3' }).catch((e) => e);
    expect(isPlanError(error) && error.exitCode).toBe(2);
    expect(error.message).toMatch(/plan\.xlsx: 没有工作表 "3" \(工作簿中的工作表：说明、任务；--sheet 可写名称或序号 1-2\)$/);
  });

  it('reads a workbook under another name by its bytes', async () => {
    expect((await tablesOf(await workbook(), {}, 'plan.dat'))!.map(texts)).toEqual([[['本工作簿共两张表']]]);
  });

  it.each([
    [null, ''],
    [42, '42'],
    [0.1 + 0.2, '0.3'],
    [-1.25, '-1.25'],
    [true, 'TRUE'],
    [new Date(Date.UTC(2024, 0, 5, 9, 30)), '2024-01-05 09:30'],
    [{ error: '#N/A' }, '#N/A'],
    [{ formula: 'A1', result: '甲' }, '甲'],
    [{ formula: 'A1' }, ''],
    [{ sharedFormula: 'A1', result: 7 }, '7'],
    [{ text: { richText: [{ text: '链' }, { text: '接' }] }, hyperlink: 'x' }, '链接'],
    ['a_x000D_\nb', 'a\nb'],
    ['  a  \n\n  b ', 'a\nb'],
  ])('shows %j as %j', (value, text) => {
    expect(cellText(value as never)).toBe(text);
  });

  it.each([
    ['not a zip', () => Buffer.from('序号,内容\n'), /^DIR\/plan\.xlsx: 不是有效的 Excel 工作簿 \(.+\)$/],
    ['a Word document', () => makeDocx({ tables: [] }), /不是有效的 Excel 工作簿 \(a Word document: name it \.docx\)$/],
    ['a zip without a workbook', () => makeZip({ 'a.txt': 'x' }), /不是有效的 Excel 工作簿 \(no xl\/workbook\.xml\)$/],
    ['a damaged workbook', () => makeZip({ 'xl/workbook.xml': '<workbook' }), /^DIR\/plan\.xlsx: 不是有效的 Excel 工作簿 \(.+\)$/],
    ['a bomb in any part', () => makeZip({ 'xl/workbook.xml': '<workbook/>', 'xl/media/a.bin': new Uint8Array(66 * 1024 * 1024) }), /^DIR\/plan\.xlsx: 其中的 xl\/media\/a\.bin 解压后超过 64 MiB/],
  ])('refuses %s, saying so', async (_, make, message) => {
    const dir = testdir({ 'plan.xlsx': await make() });
    const error = await documentTables(join(dir, 'plan.xlsx')).catch((e) => e);
    expect(isPlanError(error), String(error?.stack)).toBe(true);
    expect(error.message.replace(dir, 'DIR')).toMatch(message);
  });

  it('refuses a truncated workbook', async () => {
    const bytes = await workbook();
    const error = await tablesOf(bytes.subarray(0, bytes.length - 100)).catch((e) => e);
    expect(isPlanError(error) && error.message).toMatch(/不是有效的 Excel 工作簿/);
  });
});
