import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPlanError } from '../../src/errors.js';
import { documentTables } from '../../src/io/table-source.js';
import { MAX_INPUT_BYTES } from '../../src/io/read-bounded.js';
import type { TextRow } from '../../src/plan/annex.js';
import { testdir } from '../helpers.js';
import { makeDocx, makeDocxXml, makeXlsx, makeZip } from '../office-files.js';

/** A table as text: a paragraph as its text, a row as its cells' texts. */
const shape = (rows: TextRow[]) => rows.map((r) => (r.tabular ? r.cells.map((c) => c.text) : r.cells[0]!.text));

async function tablesOf(bytes: Uint8Array, name = 'annex.docx', opts = {}) {
  const dir = testdir({ [name]: bytes });
  return documentTables(join(dir, name), opts);
}

async function failure(bytes: Uint8Array | string, name = 'annex.docx'): Promise<string> {
  const dir = testdir({ [name]: bytes });
  try {
    await documentTables(join(dir, name));
  } catch (e) {
    if (isPlanError(e)) return e.message.replace(dir, 'DIR');
    throw e;
  }
  throw new Error('no error');
}

const p = (xml: string) => `<w:p><w:r><w:t xml:space="preserve">${xml}</w:t></w:r></w:p>`;
const tc = (inner: string, props = '') => `<w:tc>${props && `<w:tcPr>${props}</w:tcPr>`}${inner}</w:tc>`;
const tbl = (...rows: string[]) => `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>${rows.map((r) => `<w:tr>${r}</w:tr>`).join('')}</w:tbl>`;

describe('documentTables of a Word document', () => {
  it('gives every table after the paragraphs above it, cells on the grid, merges blank, breaks kept', async () => {
    const bytes = await makeDocx({
      paragraphsAbove: ['附件', '2024年区总工会', '', '  重点工作任务分解表  '],
      tables: [
        { rows: [['单位', '联系人'], ['办公室', '张三']] },
        {
          paragraphsAbove: ['表二\n（续）'],
          headerRow: true,
          rows: [
            ['序号', '时间', '工作任务', '牵头单位', '配合单位'],
            [{ text: '一、建功立业', columnSpan: 5 }],
            ['1', { text: '3月', vMerge: 'restart' }, '完成年度职工技能竞赛\n  参赛不少于200人 ', '组宣部', '财务部'],
            ['2', { text: '', vMerge: 'continue' }, { text: ['职工书屋建设', '', '验收'] }, '组宣部', ''],
            ['3', '全年', '经费审计', { text: '财务部、办公室', columnSpan: 2 }],
          ],
        },
      ],
      paragraphsBelow: ['抄送：各部门'],
    });
    const tables = (await tablesOf(bytes))!;
    expect(tables.map(shape)).toEqual([
      ['附件', '2024年区总工会', '重点工作任务分解表', ['单位', '联系人'], ['办公室', '张三']],
      [
        '附件',
        '2024年区总工会',
        '重点工作任务分解表',
        '表二\n（续）',
        ['序号', '时间', '工作任务', '牵头单位', '配合单位'],
        ['一、建功立业', '', '', '', ''],
        ['1', '3月', '完成年度职工技能竞赛\n参赛不少于200人', '组宣部', '财务部'],
        ['2', '', '职工书屋建设\n验收', '组宣部', ''],
        ['3', '全年', '经费审计', '财务部、办公室', ''],
      ],
    ]);
    // Paragraphs by their number among the body's paragraphs (the blank one counts), rows by their number in the table.
    expect(tables[0]!.slice(0, 3).map((r) => r.line)).toEqual([1, 2, 4]);
    expect(tables[1]![3]!.line).toBe(6);
    expect(tables[0]![3]).toEqual({
      line: 1,
      cells: [
        { text: '单位', line: 1, col: 1 },
        { text: '联系人', line: 1, col: 2 },
      ],
      end: { line: 1, col: 3 },
      tabular: true,
    });
    expect(tables[1]![8]!.cells.map((c) => [c.line, c.col])).toEqual([[5, 1], [5, 2], [5, 3], [5, 4], [5, 5]]);
    expect(tables[1]![0]).toEqual({ line: 1, cells: [{ text: '附件', line: 1, col: 1 }], end: { line: 1, col: 3 }, tabular: false });
  });

  it('keeps the text of content controls and insertions, leaves deletions, field codes and text boxes out', async () => {
    const bytes = await makeDocxXml(
      `<w:sdt><w:sdtContent>${p('2024年工作要点')}</w:sdtContent></w:sdt>` +
        '<w:p><w:r><w:t>甲</w:t></w:r><w:ins><w:r><w:t>乙</w:t></w:r></w:ins><w:del><w:r><w:delText>丙</w:delText></w:r></w:del>' +
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
        '<w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r>' +
        '<w:hyperlink><w:r><w:t>链</w:t></w:r></w:hyperlink><w:r><w:tab/><w:t>&amp;&#x4E01;&#19969;&lt;</w:t></w:r></w:p>' +
        `<w:sdt><w:sdtContent>${tbl(`<w:sdt><w:sdtContent>${tc(p('时间'))}</w:sdtContent></w:sdt>${tc(p('内容'))}`, `${tc(p('3月'))}${tc('<w:p><w:r><w:t>a</w:t><w:br/><w:t>b</w:t></w:r><w:del><w:r><w:delText>x</w:delText></w:r></w:del></w:p>')}`)}</w:sdtContent></w:sdt>`,
    );
    expect((await tablesOf(bytes))!.map(shape)).toEqual([['2024年工作要点', '甲乙7链 &丁丁<', ['时间', '内容'], ['3月', 'a\nb']]]);
  });

  it('flattens a table inside a cell into its lines, drops deleted rows, and pads rows to the grid (gridBefore, hMerge)', async () => {
    const inner = tbl(`${tc(p('甲'))}${tc(p('乙'))}`, `${tc(p('丙'))}${tc(p(''))}`);
    const bytes = await makeDocxXml(
      tbl(
        `${tc(p('内容'))}${tc(p('备注'))}`,
        `${tc(p('外') + inner)}${tc(p('x'))}`,
        `<w:trPr><w:del/></w:trPr>${tc(p('删'))}${tc(p('除'))}`,
        `<w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p('右'))}`,
        `${tc(p('横'), '<w:hMerge w:val="restart"/>')}${tc(p('并'), '<w:hMerge/>')}`,
        tc(p('短')),
      ),
    );
    expect((await tablesOf(bytes))!.map(shape)).toEqual([[['内容', '备注'], ['外\n甲 乙\n丙', 'x'], ['', '右'], ['横', ''], ['短', '']]]);
  });

  it('gives no tables for a document without any', async () => {
    expect(await tablesOf(await makeDocx({ paragraphsAbove: ['只有文字'], tables: [] }))).toEqual([]);
  });

  it('reads a Word document under another name by its bytes, and gives undefined for text', async () => {
    const bytes = await makeDocx({ tables: [{ rows: [['a', 'b']] }] });
    expect((await tablesOf(bytes, 'annex.txt'))!.map(shape)).toEqual([[['a', 'b']]]);
    expect(await tablesOf(Buffer.from('序号\t内容\n1\t甲\n'), 'annex.txt')).toBeUndefined();
    expect(await tablesOf(Buffer.from('PK'), 'annex.tsv')).toBeUndefined();
  });

  it.each([
    ['not a zip', Buffer.from('序号\t内容\n'), /^DIR\/annex\.docx: 不是有效的 Word 文档 \(.+\)$/],
    ['an empty file', Buffer.alloc(0), /^DIR\/annex\.docx: 不是有效的 Word 文档 \(.+\)$/],
    ['a zip of something else', 'zip', /^DIR\/annex\.docx: 不是有效的 Word 文档 \(no word\/document\.xml\)$/],
    ['broken XML', 'xml', /^DIR\/annex\.docx: 不是有效的 Word 文档 \(word\/document\.xml:1:\d+: .+\)$/],
    ['a DOCTYPE', 'doctype', /^DIR\/annex\.docx: 不是有效的 Word 文档 \(a DOCTYPE declaration\)$/],
    ['a workbook', 'xlsx', /不是有效的 Word 文档 \(an Excel workbook: name it \.xlsx\)$/],
    ['an old .doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /^DIR\/annex\.docx: 是旧版 Word 97-2003 \(\.doc\).*另存为 \.docx/],
  ])('refuses %s, saying so', async (_, content, message) => {
    const bytes =
      content === 'zip'
        ? await makeZip({ 'readme.txt': 'hello' })
        : content === 'xml'
          ? await makeZip({ 'word/document.xml': '<w:document><w:body><w:p>' })
          : content === 'doctype'
            ? await makeZip({ 'word/document.xml': '<!DOCTYPE w [<!ENTITY a "aaaa">]><w:document><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>' })
            : content === 'xlsx'
              ? await makeXlsx({ sheets: [{ name: 'S', rows: [['a']] }] })
              : (content as Buffer);
    expect(await failure(bytes)).toMatch(message);
  });

  it('refuses a truncated document', async () => {
    const bytes = await makeDocx({ tables: [{ rows: [['a', 'b']] }] });
    expect(await failure(bytes.subarray(0, Math.floor(bytes.length / 2)))).toMatch(/^DIR\/annex\.docx: 不是有效的 Word 文档 \(.+\)$/);
  });

  it('refuses a document part that inflates beyond the limit, before holding it', async () => {
    // 66 MiB of one letter deflates to about 64 KiB.
    const bomb = await makeZip({ 'word/document.xml': `<w:document><w:body>${'a'.repeat(66 * 1024 * 1024)}</w:body></w:document>` });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await failure(bomb)).toBe('DIR/annex.docx: 其中的 word/document.xml 解压后超过 64 MiB，不像是正常的文档 (文件可能已损坏)');
  });

  it('refuses a file over the input limit before reading it', async () => {
    const dir = testdir();
    const file = join(dir, 'big.docx');
    writeFileSync(file, Buffer.alloc(0));
    const { truncateSync } = await import('node:fs');
    truncateSync(file, MAX_INPUT_BYTES + 1);
    await expect(documentTables(file)).rejects.toThrow(/big\.docx: 文件过大/);
  });

  it('says a missing file is missing', async () => {
    await expect(documentTables(join(testdir(), 'none.docx'))).rejects.toSatisfy((e) => isPlanError(e) && /none\.docx: /.test(e.message));
  });

  it('refuses --sheet for a Word document', async () => {
    const bytes = await makeDocx({ tables: [{ rows: [['a', 'b']] }] });
    await expect(tablesOf(bytes, 'annex.docx', { sheet: '2' })).rejects.toSatisfy((e) => isPlanError(e) && e.exitCode === 2 && /--sheet/.test(e.message));
  });
});
