import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { renderCsv, renderTsv, neutralizeFormula } from '../../src/render/delimited.js';
import { blankRepeats, rowSpans, type Grid } from '../../src/render/grid.js';
import { escapeHtml, htmlPage, htmlTable } from '../../src/render/html.js';
import { markdownCell, renderMarkdown } from '../../src/render/markdown.js';
import { makeChalk } from '../../src/render/colors.js';
import { PLAIN, paintStatus, painter } from '../../src/render/style.js';
import { renderTable } from '../../src/render/table.js';
import { colorLevel, displayWidth, escapeControls } from '../../src/render/terminal.js';
import { setLanguage } from '../../src/messages.js';

setLanguage('zh');
const grid: Grid = {
  title: '表',
  columns: ['序号', '计划时间', '内容'],
  rows: [
    ['1', '1-2月', 'a'],
    ['2', '1-2月', 'b, "c"'],
    ['3', '3-4月', 'x'],
    ['4', '1-2月', 'y'],
  ],
  mergeColumns: [1],
  rightAligned: [0],
};

describe('merged periods', () => {
  it('spans consecutive equal values only', () => {
    expect(rowSpans(grid, 1)).toEqual([2, 0, 1, 1]);
    expect(blankRepeats(grid).map((r) => r[1])).toEqual(['1-2月', '', '3-4月', '1-2月']);
  });
  it('spans nothing without a merge column', () => {
    expect(rowSpans({ ...grid, mergeColumns: undefined }, 1)).toEqual([1, 1, 1, 1]);
  });
  it('ends a run where a merged column to its left ends, and at a category row', () => {
    const g: Grid = {
      columns: ['工作任务', '时间', '内容'],
      rows: [
        ['甲', '3月', 'a'],
        ['甲', '3月', 'b'],
        ['乙', '3月', 'c'],
        ['乙', '3月', 'd'],
        ['乙', '3月', 'e'],
      ],
      mergeColumns: [0, 1],
      categories: [{ before: 4, title: '二、其他' }],
    };
    expect(rowSpans(g, 0)).toEqual([2, 0, 2, 0, 1]);
    expect(rowSpans(g, 1)).toEqual([2, 0, 2, 0, 1]);
    expect(blankRepeats(g).map((r) => r.slice(0, 2).join('|'))).toEqual(['甲|3月', '|', '乙|3月', '|', '乙|3月']);
  });
});

describe('csv and tsv', () => {
  it('writes RFC 4180 CSV', () => {
    expect(renderCsv(grid)).toBe('序号,计划时间,内容\r\n1,1-2月,a\r\n2,,"b, ""c"""\r\n3,3-4月,x\r\n4,1-2月,y\r\n');
    expect(renderCsv({ columns: ['a'], rows: [['two\nlines']] })).toBe('a\r\n"two\nlines"\r\n');
  });
  it('writes TSV with tabs and line breaks inside cells flattened', () => {
    expect(renderTsv({ columns: ['a', 'b'], rows: [['x\ty', 'p\r\nq']] })).toBe('a\tb\nx y\tp q\n');
  });
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 123', "'+86 123"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['3-4月', '3-4月'],
    ['局工会', '局工会'],
    ['a=b', 'a=b'],
  ])('neutralises formula %j', (cell, out) => {
    expect(neutralizeFormula(cell)).toBe(out);
  });
});

describe('markdown', () => {
  it('renders a titled table with repeated periods blank', () => {
    expect(renderMarkdown(grid)).toBe(
      '### 表\n\n| 序号 | 计划时间 | 内容 |\n| ---: | --- | --- |\n| 1 | 1-2月 | a |\n| 2 |  | b, "c" |\n| 3 | 3-4月 | x |\n| 4 | 1-2月 | y |\n',
    );
  });
  it('escapes what would break a cell or format text', () => {
    expect(markdownCell('a|b *c* <script> [l](u)\nz')).toBe('a\\|b \\*c\\* &lt;script&gt; \\[l\\](u)<br>z');
  });
});

describe('html', () => {
  it('escapes text and attributes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
  it('renders row-spans and a caption', () => {
    const html = htmlTable({ ...grid, title: '<b>表</b>' });
    expect(html).toContain('<caption>&lt;b&gt;表&lt;/b&gt;</caption>');
    expect(html).toContain('<tr><td class="num">1</td><td rowspan="2" class="merged">1-2月</td><td>a</td></tr>');
    expect(html).toContain('<tr><td class="num">2</td><td>b, &quot;c&quot;</td></tr>');
    expect(html.match(/<tr>/g)).toHaveLength(5);
  });
  it('makes a page that runs no scripts', () => {
    const page = htmlPage({ lang: 'zh-CN', title: '</title><script>alert(1)</script>', body: '' });
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"`);
    expect(page).not.toContain('<script>');
  });
});

describe('terminal', () => {
  it('measures wide characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('局工会')).toBe(6);
    expect(displayWidth('3-4月')).toBe(5);
    expect(displayWidth('（一）')).toBe(6);
  });
  it('escapes control and bidi characters', () => {
    expect(escapeControls('a\x1b[31mb\x07c\u202ed\x9be\tf\ng')).toBe('a\\x1b[31mb\\x07c\\u202ed\\x9be\\tf\ng');
  });
  it.each([
    [{ color: true, isTTY: true, env: {} }, 1],
    [{ color: true, isTTY: false, env: {} }, 0],
    [{ color: false, isTTY: true, env: { FORCE_COLOR: '1' } }, 0],
    [{ color: true, isTTY: false, env: { FORCE_COLOR: '1' } }, 1],
    [{ color: true, isTTY: false, env: { FORCE_COLOR: '3' } }, 3],
    [{ color: true, isTTY: true, env: { FORCE_COLOR: '0' } }, 0],
    [{ color: true, isTTY: true, env: { NO_COLOR: '1' } }, 0],
    [{ color: true, isTTY: true, env: { NO_COLOR: '1', FORCE_COLOR: '1' } }, 1],
    [{ color: true, isTTY: true, env: { TERM: 'dumb' } }, 0],
    [{ color: true, isTTY: true, env: { TERM: 'xterm-256color' } }, 2],
  ])('colour level for %j is %i', (opts, level) => {
    expect(colorLevel(opts)).toBe(level);
  });
  it('aligns Chinese text in the box table and spans merged cells', async () => {
    const out = await renderTable(grid, { style: PLAIN, ruled: true });
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('表');
    const widths = new Set(lines.slice(1).map(displayWidth));
    expect(widths.size).toBe(1);
    expect(out).not.toMatch(/\x1b/);
    expect(out.match(/1-2月/g)).toHaveLength(2); // once for the merged pair, once for row 4
  });
  it('draws a table with emoji as cli-table3 does, unless a cell is too long for it', async () => {
    const { drawCliTable3 } = await import('../../src/render/cli-table.js');
    const { drawBox } = await import('../../src/render/box.js');
    const { LONG_CELL } = await import('../../src/render/table.js');
    const table = (rows: string[][]) => ({ head: ['序号', '内容'], rows, spans: rows.map(() => 1), rightAligned: [0], ruled: false });
    const emoji = [['1', '读书沙龙 😀'], ['2', '👨‍👩‍👧 宣传']];
    expect(await renderTable({ columns: ['序号', '内容'], rows: emoji, rightAligned: [0] }, { style: PLAIN })).toBe(`${drawCliTable3(table(emoji))}\n`);
    expect(drawCliTable3(table(emoji))).not.toBe(drawBox(table(emoji))); // (so the test can tell them apart)
    const long = [['1', `${'长'.repeat(LONG_CELL)} 👍`]];
    expect(await renderTable({ columns: ['序号', '内容'], rows: long, rightAligned: [0] }, { style: PLAIN })).toBe(`${drawBox(table(long))}\n`);
  });
  it('escapes control characters in cells without changing the grid', async () => {
    const rows = [['1', 'a\x1b[31mb'], ['2', '\u202e读书']];
    const out = await renderTable({ columns: ['序号', '内容'], rows }, { style: PLAIN });
    expect(out).toContain('a\\x1b[31mb');
    expect(out).toContain('\\u202e读书');
    expect(out).not.toMatch(/[\x1b\u202e]/);
    expect(rows).toEqual([['1', 'a\x1b[31mb'], ['2', '\u202e读书']]);
  });
  it('paints status only with colour on', () => {
    expect(paintStatus('done', PLAIN)).toBe('✓ 已完成');
    expect(paintStatus('overdue', makeChalk(1))).toBe('\x1b[31m已逾期\x1b[39m');
  });
  it('paints plainly without loading chalk, as chalk of level 0 would', async () => {
    expect(await painter(0)).toBe(PLAIN);
    expect((await painter(2)).green('x')).toBe('\x1b[32mx\x1b[39m');
    const chalk0 = new Chalk({ level: 0 });
    for (const text of ['', '已完成', 'a\nb', '\x1b[1mx']) {
      for (const name of ['bold', 'dim', 'green', 'red', 'yellow'] as const) expect(PLAIN[name](text)).toBe(chalk0[name](text));
    }
  });
});

describe('fitting the terminal', () => {
  it('wraps by display width', async () => {
    const { wrapDisplay } = await import('../../src/render/terminal.js');
    expect(wrapDisplay('机关职工各类补助慰问', 8)).toBe('机关职工\n各类补助\n慰问');
    expect(wrapDisplay('ab机关', 3)).toBe('ab\n机\n关');
  });
  it('wraps the widest column so the table fits', async () => {
    const wide: Grid = { columns: ['序号', '内容'], rows: [['1', '机关职工各类补助慰问(住院治疗、生育、退休、献血等情况)']] };
    const natural = await renderTable(wide, { style: PLAIN });
    expect(displayWidth(natural.split('\n')[0]!)).toBeGreaterThan(40);
    const fitted = await renderTable(wide, { style: PLAIN, maxWidth: 40 });
    const widths = fitted.trimEnd().split('\n').map(displayWidth);
    expect(Math.max(...widths)).toBeLessThanOrEqual(40);
    expect(fitted.replace(/[│\s]/g, '')).toContain('机关职工各类补助慰问');
  });
});
