import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/messages.js';
import { rowsWithCategories, type Grid } from '../../src/render/grid.js';
import { columnWidths, renderXlsx, sheetName } from '../../src/render/xlsx.js';
import { gridOf, seedPlanData, v2PlanData } from './office-fixtures.js';

setLanguage('zh');

async function readBack(grid: Grid) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await renderXlsx(grid)) as unknown as ArrayBuffer);
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0]!;
}

/** Every row of the sheet as text, a merged cell showing its range's value in each of its cells. */
const texts = (sheet: ExcelJS.Worksheet) => {
  const out: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = sheet.getCell(r, c).value;
      row.push(v === null || v === undefined ? '' : String(v));
    }
    out.push(row);
  }
  return out;
};

describe('render --format xlsx', () => {
  it('gives the seed annex cell for cell: title, header, tasks, the periods as merged ranges', async () => {
    const grid = gridOf(await seedPlanData());
    expect(grid.rows).toHaveLength(25);
    const sheet = await readBack(grid);
    expect(sheet.name).toBe('2023年市城管执法局工会主要工作计划表');
    const rows = texts(sheet);
    expect(rows[0]).toEqual(grid.columns.map(() => grid.title));
    expect(rows[1]).toEqual(['序号', '计划时间', '内容', '负责部门']);
    expect(rows.slice(2)).toEqual(grid.rows);
    expect(typeof sheet.getCell(3, 1).value).toBe('number');
    // 1-2月 (tasks 1-4), 3-4月 (5-7), 5-6月, 7-8月, 9-10月 (3 each), 11-12月 (4), 全年 (5): rows 3.. in the sheet
    expect([...sheet.model.merges].sort()).toEqual(['A1:D1', 'B3:B6', 'B7:B9', 'B10:B12', 'B13:B15', 'B16:B18', 'B19:B22', 'B23:B27'].sort());
  });

  it('sets the header bold, frozen and printed on every page, on A4 landscape one page wide, in CJK fonts', async () => {
    const sheet = await readBack(gridOf(await seedPlanData()));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' });
    expect(sheet.getCell(2, 1).font).toMatchObject({ name: '黑体', bold: true });
    expect(sheet.getCell(3, 3).font).toMatchObject({ name: '仿宋' });
    expect(sheet.getCell(3, 3).alignment).toMatchObject({ wrapText: true });
    expect(sheet.getCell(3, 1).border.top).toMatchObject({ style: 'thin' });
  });

  it('fits the columns: CJK characters count 2, within 6..60', async () => {
    const grid = gridOf(await seedPlanData());
    const widths = columnWidths(grid);
    expect(widths[0]).toBe(6);
    expect(widths[1]).toBe(10); // 计划时间: 8 + 2
    expect(widths[3]).toBe(20); // 局工会、组织人事处: 18 + 2
    expect(columnWidths({ columns: ['内容'], rows: [['长'.repeat(100)]] })).toEqual([60]);
    const sheet = await readBack(grid);
    expect(sheet.columns.map((c) => c.width)).toEqual(widths);
  });

  it('keeps schema-2 columns, extra fields, line breaks and a formula-like text as text, with category rows merged across', async () => {
    const plan = await v2PlanData();
    const grid = gridOf(plan);
    expect(grid.categories).toEqual([{ before: 0, title: '一、建功立业' }, { before: 2, title: '二、自身建设' }]);
    const sheet = await readBack(grid);
    expect(sheet.name).toBe('2024年区总工会重点工作任务分解表草稿第一版修订');
    const rows = texts(sheet);
    expect(rows[1]).toEqual(['序号', '时间', '工作任务', '考核要点', '牵头单位', '配合单位']);
    const n = grid.columns.length;
    expect(rows.slice(2)).toEqual(rowsWithCategories(grid, grid.rows, (title) => Array(n).fill(title)));
    expect(sheet.getCell(4, 4).value).toBe('=参赛职工不少于200人');
    expect(sheet.getCell(4, 4).formula).toBeUndefined();
    expect(sheet.getCell(8, 3).value).toBe('经费审计\n年报年统');
    // The period 3月 of tasks 1-2 merges; task 3's 3月 starts again after the category row.
    expect([...sheet.model.merges].sort()).toEqual(['A1:F1', 'A3:F3', 'A6:F6', 'B4:B5'].sort());
  });

  it('adds the status column with --with-status', async () => {
    const sheet = await readBack(gridOf(await seedPlanData(), true));
    expect(texts(sheet)[1]).toEqual(['序号', '计划时间', '内容', '负责部门', '状态']);
  });

  it.each([
    ['2023年工作计划表', '2023年工作计划表'],
    ['a[b]c:d*e?f/g\\h', 'abcdefgh'],
    ["'引号'", '引号'],
    ['长'.repeat(40), '长'.repeat(31)],
    ['', 'Sheet1'],
    [undefined, 'Sheet1'],
  ])('names the sheet %j as %j', (title, name) => {
    expect(sheetName(title)).toBe(name);
  });
});
