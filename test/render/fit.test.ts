import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/messages.js';
import { makeChalk } from '../../src/render/colors.js';
import type { Grid } from '../../src/render/grid.js';
import { PLAIN, statusStyle, statusText } from '../../src/render/style.js';
import { columnWidths, fitColumns, renderTable } from '../../src/render/table.js';
import { wrapDisplay } from '../../src/render/terminal.js';

setLanguage('zh');

/** Closing punctuation a wrapped line must not start with. */
const NO_LINE_START = /^[、，。；：！？）」』》】”,.;:!?)]/;
const lines = (table: string) => table.trimEnd().split('\n');
/** The widest line as the terminal shows it (string-width: colour aside, emoji as two columns). */
const widest = (table: string) => Math.max(...lines(table).map(stringWidth));

describe('wrapDisplay', () => {
  it.each([
    ['机关职工各类补助慰问', 8, '机关职工\n各类补助\n慰问'],
    ['ab机关', 3, 'ab\n机\n关'],
    ['短', 8, '短'],
    ['两行\n内容', 4, '两行\n内容'],
    ['按计划时间和部门统计', 14, '按计划时间和部\n门统计'],
    // Closing punctuation stays on its line: the break comes one character earlier.
    ['一二三。', 6, '一二\n三。'],
    ['甲乙丙、丁', 6, '甲乙\n丙、丁'],
    ['甲乙丙，丁', 6, '甲乙\n丙，丁'],
    ['甲乙丙；丁', 6, '甲乙\n丙；丁'],
    ['甲乙丙：丁', 6, '甲乙\n丙：丁'],
    ['甲乙丙！丁', 6, '甲乙\n丙！丁'],
    ['甲乙丙？丁', 6, '甲乙\n丙？丁'],
    ['（甲乙）丙', 6, '（甲\n乙）丙'],
    ['「甲乙」丙', 6, '「甲\n乙」丙'],
    ['『甲乙』丙', 6, '『甲\n乙』丙'],
    ['《甲乙》丙', 6, '《甲\n乙》丙'],
    ['【甲乙】丙', 6, '【甲\n乙】丙'],
    ['“访一线、听心声”春节', 8, '“访一\n线、听心\n声”春节'],
    ['甲乙丙,丁', 6, '甲乙\n丙,丁'],
    ['甲乙丙.丁', 6, '甲乙\n丙.丁'],
    ['甲乙(丙)', 6, '甲乙\n(丙)'],
    // An opening bracket does not end a line.
    ['甲乙（丙）', 6, '甲乙\n（丙）'],
    // Latin text breaks at spaces, a word longer than a line inside it.
    ['show the task with its notes', 12, 'show the\ntask with\nits notes'],
    ['supercalifragilistic word', 8, 'supercal\nifragili\nstic\nword'],
    ['见 README 安装', 8, '见\nREADME\n安装'],
    ['3-4月 全年', 5, '3-4月\n全年'],
    // When closing punctuation cannot stay (a line too narrow for both), nothing is lost.
    ['甲，', 2, '甲\n，'],
    // Emoji sequences stay whole.
    ['活动🎉👨‍👩‍👧完成', 4, '活动\n🎉👨‍👩‍👧\n完成'],
    ['活动🎉👨‍👩‍👧完成', 3, '活\n动\n🎉\n👨‍👩‍👧\n完\n成'],
  ])('%j at %i columns → %j', (text, width, wrapped) => {
    expect(wrapDisplay(text, width, stringWidth)).toBe(wrapped);
  });

  const char = fc.constantFrom(...'甲乙丙丁机关工会abcxyz123é🎉✅'.match(/./gu)!, 'e\u0301');
  const punct = fc.constantFrom(...'、，。；：！？）」』》】”,.;:!?)（「“'.split(''));
  // Never two punctuation marks in a row: a mark then always has a character to go with.
  const sentence = fc.array(fc.tuple(fc.array(char, { minLength: 1, maxLength: 4 }), fc.option(punct)), { maxLength: 12 }).map((parts) => parts.map(([w, p]) => w.join('') + (p ?? '')).join(''));

  it('keeps every line within the width and every character, and starts no line with closing punctuation', () => {
    fc.assert(
      fc.property(sentence, fc.integer({ min: 4, max: 30 }), (text, width) => {
        const wrapped = wrapDisplay(text, width, stringWidth).split('\n');
        expect(wrapped.join('')).toBe(text);
        for (const line of wrapped) expect(stringWidth(line)).toBeLessThanOrEqual(width);
        for (const line of wrapped.slice(1)) expect(line).not.toMatch(NO_LINE_START);
      }),
      { numRuns: 500 },
    );
  });
});

describe('fitColumns', () => {
  it.each([
    // widths, terminal width, fitted widths (undefined: the table fits as it is)
    [[4, 8, 30, 10], 80, undefined],
    [[4, 8, 30, 10], 65, undefined],
    [[4, 8, 30, 10], 60, [4, 8, 25, 10]],
    [[4, 8, 30, 20], 60, [4, 8, 17, 18]],
    [[4, 8, 30, 30], 60, [4, 8, 17, 18]],
    [[40, 40], 50, [21, 22]],
    [[4, 4, 4, 4], 10, [4, 4, 4, 4]],
    [[2, 50], 20, [2, 11]],
    [[3, 50], 10, [3, 4]],
  ])('%j in %i columns → %j', (widths, maxWidth, fitted) => {
    expect(fitColumns(widths, maxWidth)).toEqual(fitted);
  });

  it('fits whenever the narrowest table it allows would', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 10 }), fc.integer({ min: 10, max: 200 }), (widths, maxWidth) => {
        const fitted = fitColumns(widths, maxWidth) ?? widths;
        const total = (ws: number[]) => ws.reduce((sum, w) => sum + w + 3, 1);
        fitted.forEach((w, c) => expect(w).toBeLessThanOrEqual(widths[c]!));
        fitted.forEach((w, c) => expect(w).toBeGreaterThanOrEqual(Math.min(widths[c]!, 4)));
        if (total(widths.map((w) => Math.min(w, 4))) <= maxWidth) expect(total(fitted)).toBeLessThanOrEqual(maxWidth);
      }),
    );
  });

  it('measures cells line by line, headings included', () => {
    expect(columnWidths(['序号', '内容'], [['1', '一行\n长一些的一行'], ['12', 'x']])).toEqual([4, 12]);
  });
});

describe('renderTable fits maxWidth', () => {
  const chalk = makeChalk(1);
  const listing = (content: string[]): Grid => ({
    columns: ['序号', '计划时间', '内容', '负责部门', '状态'],
    rows: content.map((text, i) => [String(i + 1), '1-2月', text, '局工会、机关工会', statusText(i % 2 ? 'done' : 'overdue')]),
    rightAligned: [0],
    statusColumn: 4,
  });
  const status = (r: number) => (r % 2 ? 'done' : 'overdue');
  const paint = (r: number, c: number, text: string) => (c === 4 ? statusStyle(status(r), chalk)(text) : text);
  const content = ['“访一线、听心声”春节走访慰问', '机关职工各类补助慰问(住院治疗、生育、退休、献血等情况)', '组织疗休养'];

  it.each([40, 60, 80])('with a ✓ in the status column (drawBox), at %i columns', async (width) => {
    const out = await renderTable(listing(content), { style: chalk, paint, maxWidth: width });
    expect(widest(out)).toBeLessThanOrEqual(width);
    expect(out).toMatch(/\x1b\[32m✓ 已/);
    expect(new Set(lines(out).map(stringWidth)).size).toBe(1);
  });

  it.each([40, 60, 80])('with emoji (cli-table3), at %i columns', async (width) => {
    const out = await renderTable(listing([...content, '机关春节联欢活动🎉', '完成后报市总工会✅，并在机关内公示。']), { style: chalk, paint, maxWidth: width });
    expect(widest(out)).toBeLessThanOrEqual(width);
    expect(out).toContain('🎉');
    expect(new Set(lines(out).map(stringWidth)).size).toBe(1);
  });

  it('is as wide as the terminal when a column had to be wrapped', async () => {
    const out = await renderTable(listing(content), { style: PLAIN, maxWidth: 60 });
    expect(widest(out)).toBe(60);
    expect(out).toContain('│ 机关职工各类 │');
    expect(out).toContain('│ 补助慰问(住  │');
  });

  it('leaves a table that fits as it is', async () => {
    const grid = listing(content);
    expect(await renderTable(grid, { style: PLAIN, maxWidth: 200 })).toBe(await renderTable(grid, { style: PLAIN }));
  });

  it('wraps headings, category rows and the title too', async () => {
    const grid: Grid = {
      title: '二〇二三年度市城管执法局工会主要工作计划表（附件）',
      columns: ['时间', '考核要点及完成标准', '内容'],
      rows: [
        ['1-2月', '按时完成', '走访慰问'],
        ['1-2月', '按时完成', '春节联欢'],
      ],
      mergeColumns: [0, 1],
      categories: [{ before: 0, title: '一、加强政治引领，服务中心大局，组织开展各类活动' }],
    };
    const out = await renderTable(grid, { style: PLAIN, maxWidth: 30 });
    expect(widest(out)).toBeLessThanOrEqual(30);
    const starts = lines(out).flatMap((l) => l.split(/[│┌┐└┘├┤┬┴┼─]/).map((p) => p.trim()).filter(Boolean));
    expect(starts.filter((p) => NO_LINE_START.test(p))).toEqual([]);
    expect(out.replace(/[│\s]/g, '')).toContain('服务中心大局');
  });
});
