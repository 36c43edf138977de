import { describe, expect, it } from 'vitest';
import { random } from '../../bench/generate.mjs';
import { drawBox, type BoxTable } from '../../src/render/box.js';
import { makeChalk } from '../../src/render/colors.js';
import { PLAIN } from '../../src/render/style.js';
import { drawCliTable3 } from '../../src/render/cli-table.js';
import { boxable } from '../../src/render/table.js';
import { displayWidth } from '../../src/render/terminal.js';

const WORDS = ['局工会', '机关工会', '3-4月', '全年', 'ab', 'x', '“书香城管”', '(在职)', '第二季度', 'Ａ１', 'é', 'e\u0301', 'ｶﾀｶﾅ', '한국', '——', '…', ' ', '1', '12345'];

function randomTable(seed: number): BoxTable {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const text = (maxLines: number) =>
    Array.from({ length: 1 + Math.floor(rnd() * maxLines) }, () => Array.from({ length: Math.floor(rnd() * 4) }, () => pick(WORDS)).join('')).join('\n');
  const ncols = 3 + Math.floor(rnd() * 3);
  const nrows = 1 + Math.floor(rnd() * 12);
  const ruled = rnd() < 0.6;
  const mergeColumn = ruled && rnd() < 0.7 ? 1 : undefined;
  const colour = rnd() < 0.3 ? makeChalk(1) : PLAIN;
  const spans = Array.from({ length: nrows }, () => 1);
  if (mergeColumn !== undefined) {
    for (let r = 0; r < nrows; ) {
      const n = Math.min(nrows - r, 1 + Math.floor(rnd() * 4));
      spans.fill(0, r, r + n);
      spans[r] = n;
      r += n;
    }
  }
  return {
    head: Array.from({ length: ncols }, () => colour.bold(text(1) || '列')),
    rows: Array.from({ length: nrows }, () => Array.from({ length: ncols }, (_, c) => (c === mergeColumn ? text(1) : rnd() < 0.2 ? colour.red(text(1)) : text(3)))),
    spans,
    ...(mergeColumn !== undefined && { mergeColumn }),
    rightAligned: rnd() < 0.5 ? [0] : [],
    ruled,
  };
}

describe('drawBox', () => {
  it('draws exactly what cli-table3 draws, on 400 random tables', () => {
    let compared = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const t = randomTable(seed);
      if (!boxable(t)) continue;
      compared++;
      expect(drawBox(t), `seed ${seed}`).toBe(drawCliTable3(t));
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('draws the annex layout: a period merged over rules, centred', () => {
    const t: BoxTable = { head: ['序号', '计划时间', '内容'], rows: [['1', '1-2月', '甲'], ['2', '', '乙'], ['3', '', '丙'], ['4', '3-4月', '丁']], spans: [3, 0, 0, 1], mergeColumn: 1, rightAligned: [0], ruled: true };
    expect(drawBox(t)).toBe(drawCliTable3(t));
    expect(drawBox(t).split('\n')[5]).toBe('│    2 │ 1-2月    │ 乙   │');
  });

  it('takes linear time: 10,000 ruled rows with spans in well under a second', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [String(i + 1), `${(i >> 2) % 12}月`, `第${i}项“书香城管”读书沙龙`, '局工会、机关工会']);
    const spans = rows.map((_, i) => (i % 4 === 0 ? 4 : 0));
    const started = performance.now();
    const out = drawBox({ head: ['序号', '计划时间', '内容', '负责部门'], rows, spans, mergeColumn: 1, rightAligned: [0], ruled: true });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(new Set(out.split('\n').map(displayWidth)).size).toBe(1);
  });

  it('leaves emoji and spans in compact tables to cli-table3', () => {
    const base = randomTable(3);
    expect(boxable({ ...base, rows: base.rows.map((r) => r.map(() => '👍')) })).toBe(false);
    expect(boxable({ head: ['a', 'b', 'c'], rows: [['1', 'x', 'y'], ['2', '', 'z']], spans: [2, 0], mergeColumn: 1, rightAligned: [], ruled: false })).toBe(false);
  });
});
