import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { asciiOnly } from '../../bin/build.mjs';

// Every bundle goes through asciiOnly; an escape that changed a literal's meaning would change the CLI.
describe('asciiOnly (the build)', () => {
  it('escapes non-ASCII characters so that strings, templates and regular expressions mean the same', () => {
    const source = '({ s: "全年“书”", t: `第${1}季度`, r: /^(\\d{1,2})月?[-～~]第?[一二三四]$/.test("3～第二"), u: /[\\p{Extended_Pictographic}😀]/u.test("😀"), e: "é😀".length })';
    const escaped = asciiOnly(source);
    expect(escaped).toMatch(/^[\x00-\x7f]*$/);
    expect(runInNewContext(escaped)).toEqual(runInNewContext(source));
    expect(runInNewContext(escaped)).toEqual({ s: '全年“书”', t: '第1季度', r: true, u: true, e: 3 });
  });

  it('leaves ASCII alone, and stops where an escape would change the meaning', () => {
    expect(asciiOnly('const a = "x\\ny";')).toBe('const a = "x\\ny";');
    expect(() => asciiOnly('/\\月/')).toThrow(/escaped non-ASCII/);
    expect(() => asciiOnly('String.raw`月`')).toThrow(/String\.raw/);
  });
});
