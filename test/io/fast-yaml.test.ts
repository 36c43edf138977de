import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generatePlan } from '../../bench/generate.mjs';
import { fastParse } from '../../src/io/fast-yaml.js';
import { SEED_PLAN, miniPlan } from '../helpers.js';

/** fastParse must give exactly what yaml gives, or give up. */
function agrees(text: string): 'same' | 'gave up' {
  const fast = fastParse(text);
  if (!fast) return 'gave up';
  expect(fast.data).toEqual(parse(text));
  return 'same';
}

describe('fastParse against yaml', () => {
  it('reads the bundled plan and generated plans of every size exactly as yaml does', () => {
    expect(agrees(readFileSync(SEED_PLAN, 'utf8'))).toBe('same');
    for (const n of [0, 1, 7, 100, 2000]) for (const seed of [1, 2, 3]) expect(agrees(generatePlan(n, { seed }))).toBe('same');
    expect(agrees(miniPlan())).toBe('same');
  });

  // Values a plan may hold: each is read as yaml reads it, or left to yaml.
  it.each([
    ['plain text', 'k: 局工会', 'same'],
    ['text with inner colon and hash', 'k: a:b c#d', 'same'],
    ['comment after value', 'k: 值  # 注释', 'same'],
    ['date stays text', 'k: 2023-02-13', 'same'],
    ['decimal integer', 'k: 2023', 'same'],
    ['leading zeros', 'k: 007', 'same'],
    ['double quoted with escapes', 'k: "a\\"b\\\\c\\n\\u4e2d"', 'same'],
    ['single quoted', "k: 'it''s'", 'same'],
    ['flow list', 'k: [a, "b, c", \'d\', 1]', 'same'],
    ['empty flow list', 'k: []', 'same'],
    ['empty value', 'k:', 'same'],
    ['nested block', 'k:\n  a: 1\n  b:\n    - x\n    - y: 2\n      z: 3', 'same'],
    ['sequence under a key at the same indent', 'k:\n- a\n- b', 'same'],
    ['CRLF', 'k: v\r\nl: [1, 2]\r\n', 'same'],
    ['no final line break', 'k: v', 'same'],
    ['negative number', 'k: -5', 'gave up'],
    ['float', 'k: 1.5', 'gave up'],
    ['hex', 'k: 0x1F', 'gave up'],
    ['boolean', 'k: true', 'gave up'],
    ['null word', 'k: null', 'gave up'],
    ['tilde', 'k: ~', 'gave up'],
    ['huge integer', 'k: 12345678901234567890', 'gave up'],
    ['anchor and alias', 'k: &a x\nl: *a', 'gave up'],
    ['tag', 'k: !!str 1', 'gave up'],
    ['block scalar', 'k: |\n  text', 'gave up'],
    ['multi-line plain', 'k: a\n  b', 'gave up'],
    ['flow mapping', 'k: {a: 1}', 'gave up'],
    ['nested flow', 'k: [[a]]', 'gave up'],
    ['unclosed flow', 'k: [a, b', 'gave up'],
    ['unclosed quote', 'k: "abc', 'gave up'],
    ['yaml escape beyond JSON', 'k: "\\x41"', 'gave up'],
    ['escaped backslash before a letter', 'k: "a\\\\b"', 'same'],
    ['tab', 'k:\tv', 'gave up'],
    ['document marker', '---\nk: v', 'gave up'],
    ['directive', '%YAML 1.2\n---\nk: v', 'gave up'],
    ['duplicate key', 'k: 1\nk: 2', 'gave up'],
    ['prototype key', '__proto__: {}', 'gave up'],
    ['prototype key as block', 'k:\n  __proto__: x', 'gave up'],
    ['key without space', 'k:v', 'gave up'],
    ['quoted key', '"k": v', 'gave up'],
    ['top-level list', '- a', 'gave up'],
    ['wrong indent', 'k:\n  a: 1\n b: 2', 'gave up'],
    ['value then mapping', 'k: v\n  a: 1', 'gave up'],
    ['BOM inside', 'k: a\ufeffb', 'gave up'],
    ['lone CR', 'k: a\rb', 'gave up'],
    ['NUL', 'k: a\0b', 'gave up'],
  ])('%s', (_name, text, expected) => {
    expect(agrees(text)).toBe(expected);
  });

  it.each(['k: [a', 'k: "a', 'k: a: b', '- a\nk: b', 'k:\n  - a\n  b: c', 'a: 1\na: 2', 'k: "\\q"'])('gives up on %j, which yaml rejects', (text) => {
    expect(() => parse(text)).toThrow();
    expect(fastParse(text)).toBeUndefined();
  });
});
