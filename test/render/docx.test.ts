import { describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/messages.js';
import { documentDocx } from '../../src/render/document-docx.js';
import { A4, docxColumnWidths, renderDocx, tableSize, textWidth } from '../../src/render/docx.js';
import { rowSpans } from '../../src/render/grid.js';
import { docxBody, gridOf, paragraphText, seedPlanData, tableTexts, v2PlanData } from './office-fixtures.js';

setLanguage('zh');

const fontOf = (p: any) => p['w:r'][0]['w:rPr']['w:rFonts']['w:eastAsia'];
const sizeOf = (p: any) => Number(p['w:r'][0]['w:rPr']['w:sz']['w:val']) / 2;
const tcPr = (tbl: any, r: number, c: number) => tbl['w:tr'][r]['w:tc'][c]['w:tcPr'];

describe('render --format docx', () => {
  it('lays the seed annex out as a GB/T 9704 annex: 附件 label, title, A4 portrait, the margins', async () => {
    const body = await docxBody(await renderDocx(gridOf(await seedPlanData())));
    const [label, title] = body['w:p'];
    expect(paragraphText(label)).toBe('附件');
    expect(fontOf(label)).toBe('黑体');
    expect(sizeOf(label)).toBe(16);
    expect(paragraphText(title)).toBe('2023年市城管执法局工会主要工作计划表');
    expect(fontOf(title)).toBe('方正小标宋简体');
    expect(sizeOf(title)).toBe(22);
    expect(title['w:pPr']['w:jc']['w:val']).toBe('center');
    const sect = body['w:sectPr'][0];
    expect(sect['w:pgSz']).toMatchObject({ 'w:w': String(A4.width), 'w:h': String(A4.height) });
    expect(sect['w:pgSz']['w:orient']).not.toBe('landscape');
    // 37 mm top, 35 mm bottom, 28 mm left, 26 mm right
    expect(sect['w:pgMar']).toMatchObject({ 'w:top': '2098', 'w:bottom': '1984', 'w:left': '1587', 'w:right': '1474' });
  });

  it('gives the table cell for cell, periods merged by vMerge, the header repeated, rows kept whole, fixed widths', async () => {
    const grid = gridOf(await seedPlanData());
    const tbl = (await docxBody(await renderDocx(grid)))['w:tbl'][0];
    const rows = tableTexts(tbl);
    expect(rows[0]).toEqual(['序号', '计划时间', '内容', '负责部门']);
    const spans = rowSpans(grid, 1);
    expect(rows.slice(1)).toEqual(grid.rows.map((row, r) => row.map((cell, c) => (c === 1 && spans[r] === 0 ? '' : cell))));
    grid.rows.forEach((_, r) => {
      const vMerge = tcPr(tbl, r + 1, 1)['w:vMerge'];
      if (spans[r]! > 1) expect(vMerge).toEqual({ 'w:val': 'restart' });
      else if (spans[r] === 0) expect(vMerge).toEqual({ 'w:val': 'continue' });
      else expect(vMerge).toBeUndefined();
      expect(tcPr(tbl, r + 1, 0)['w:vMerge']).toBeUndefined();
    });
    expect(spans.filter((s) => s > 1)).toEqual([4, 3, 3, 3, 3, 4, 5]);
    expect(tbl['w:tr'][0]['w:trPr']).toHaveProperty('w:tblHeader');
    expect(tbl['w:tr'].every((tr: any) => 'w:cantSplit' in tr['w:trPr'])).toBe(true);
    expect(tbl['w:tblPr']['w:tblLayout']).toEqual({ 'w:type': 'fixed' });
    const widths = tbl['w:tblGrid']['w:gridCol'].map((g: any) => Number(g['w:w']));
    expect(tableSize(grid, textWidth(false))).toBe(12);
    expect(widths).toEqual(docxColumnWidths(grid, textWidth(false), 12));
    expect(widths.reduce((a: number, b: number) => a + b, 0)).toBeLessThanOrEqual(textWidth(false));
    expect(fontOf(tbl['w:tr'][1]['w:tc'][2]['w:p'][0])).toBe('仿宋');
    expect(fontOf(tbl['w:tr'][0]['w:tc'][2]['w:p'][0])).toBe('黑体');
  });

  it('never makes a column narrower than its header, and gives the long text the room', async () => {
    const grid = gridOf(await seedPlanData());
    const [id, time, content, units] = docxColumnWidths(grid, textWidth(false), 14);
    expect(id).toBeGreaterThanOrEqual(5 * 140 + 216);
    expect(time).toBeGreaterThanOrEqual(9 * 140 + 216);
    expect(content).toBeGreaterThan(units!);
    const narrow = docxColumnWidths({ columns: ['序号', '内容'], rows: [['1', '长'.repeat(200)]] }, 4000, 14);
    expect(narrow[0]).toBe(5 * 140 + 216);
    expect(narrow[0]! + narrow[1]!).toBeLessThanOrEqual(4000);
  });

  it('puts a schema-2 annex with more than four columns on landscape pages, category rows spanning the table', async () => {
    const grid = gridOf(await v2PlanData());
    const body = await docxBody(await renderDocx(grid));
    expect(body['w:sectPr'][0]['w:pgSz']).toMatchObject({ 'w:orient': 'landscape', 'w:w': String(A4.height), 'w:h': String(A4.width) });
    const tbl = body['w:tbl'][0];
    expect(tableTexts(tbl)).toEqual([
      ['序号', '时间', '工作任务', '考核要点', '牵头单位', '配合单位'],
      ['一、建功立业'],
      ['1', '3月', '完成年度职工技能竞赛', '=参赛职工不少于200人', '组宣部', '财务部'],
      ['2', '', '职工书屋建设', '', '组宣部', ''],
      ['二、自身建设'],
      ['3', '3月', '月度工作例会', '', '办公室', ''],
      ['4', '全年', '经费审计\n年报年统', '', '财务部', '办公室、组宣部'],
    ]);
    expect(tcPr(tbl, 1, 0)['w:gridSpan']).toEqual({ 'w:val': '6' });
    expect(tcPr(tbl, 2, 1)['w:vMerge']).toEqual({ 'w:val': 'restart' });
    expect(tcPr(tbl, 3, 1)['w:vMerge']).toEqual({ 'w:val': 'continue' });
    expect(tcPr(tbl, 5, 1)['w:vMerge']).toBeUndefined();
    expect(sizeOf(tbl['w:tr'][2]['w:tc'][2]['w:p'][0])).toBe(14); // every cell fits on a line at 四号
  });
});

describe('documentDocx (plan document --format docx)', () => {
  it('lays the seed out as the notice: red issuer mark, number, red rule, title, 主送, text, date, the plan, the annex, the imprint', async () => {
    const body = await docxBody(await documentDocx(await seedPlanData()));
    const ps: any[] = body['w:p'];
    const text = ps.map(paragraphText);
    const at = (s: string) => {
      const i = text.indexOf(s);
      expect(i, s).toBeGreaterThanOrEqual(0);
      return ps[i];
    };
    const mark = at('上海市城市管理行政执法局工会委员会文件');
    expect(mark['w:r'][0]['w:rPr']['w:color']).toEqual({ 'w:val': 'FF0000' });
    expect(sizeOf(mark) * 19).toBeLessThanOrEqual(textWidth(false) / 20);
    expect(at('沪城管工〔2023〕1号')['w:pPr']['w:jc']['w:val']).toBe('center');
    expect(ps.some((p) => p['w:pPr']?.['w:pBdr']?.['w:bottom']?.['w:color'] === 'FF0000')).toBe(true);
    expect(fontOf(at('关于印发《2023年市城管执法局工会工作计划》的通知'))).toBe('方正小标宋简体');
    at('各基层工会、局机关处室工会小组：');
    expect(fontOf(at('现将《2023年市城管执法局工会工作计划》印发给你们，请结合实际，认真遵照执行。'))).toBe('仿宋');
    at('2023年2月13日');
    const plan = at('2023年市城管执法局工会工作计划');
    expect(plan['w:pPr']).toHaveProperty('w:pageBreakBefore');
    const heading = at('一、坚持高站位引领，在凝聚思想共识上下功夫');
    expect(fontOf(heading)).toBe('黑体');
    const item = ps.find((p) => paragraphText(p).startsWith('（一）认真做好典型选树。积极培育'));
    expect(fontOf(item)).toBe('楷体');
    expect(item['w:r'][1]['w:rPr']['w:rFonts']['w:eastAsia']).toBe('仿宋');
    expect(ps.find((p) => paragraphText(p).startsWith('2023 年，是全面'))['w:pPr']['w:ind']).toEqual({ 'w:firstLine': '640' });
    expect(text.join('\n')).not.toContain('**');
    // The annex in a section of its own, then the imprint.
    expect(text).toContain('附件');
    expect(tableTexts(body['w:tbl'][0])).toHaveLength(26);
    expect(text.at(-1)).toBe('上海市城市管理行政执法局办公室\t2023年2月13日印发');
  });
});
