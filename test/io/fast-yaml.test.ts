import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generatePlan } from '../../bench/generate.mjs';
import { fastParse } from '../../src/io/fast-yaml.js';
import { taskSpansOf } from '../../src/io/yaml-check.js';
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
    ['nested flow', 'k: [[a]]', 'gave up'],
    ['unclosed flow', 'k: [a, b', 'gave up'],
    ['unclosed quote', 'k: "abc', 'gave up'],
    ['yaml escape beyond JSON', 'k: "\\x41"', 'gave up'],
    ['escaped backslash before a letter', 'k: "a\\\\b"', 'same'],
    ['tab', 'k:\tv', 'gave up'],
    ['document start', '---\nk: v', 'same'],
    ['document start after a comment, with its own comment', '# c\n\n--- # d\nk: v', 'same'],
    ['document start, CRLF', '---\r\nk: v\r\n', 'same'],
    ['content after the document start', '--- k: v', 'gave up'],
    ['document start twice', '---\n---\nk: v', 'gave up'],
    ['a second document', '---\nk: v\n---\nl: w', 'gave up'],
    ['document end', 'k: v\n...', 'gave up'],
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

  // One-line flow mappings (schema 2's columns, fields and records), each as a mapping's value and
  // as a block sequence's item: read as yaml reads them, or left to yaml.
  it.each([
    ['a number', '{a: 1}', 'same'],
    ['a quoted number', "{a: '1'}", 'same'],
    ['a comma inside quotes', '{a: "x, y"}', 'same'],
    ['a brace inside quotes', '{a: "}", b: \'{\'}', 'same'],
    ['a flow sequence value', '{a: x, b: [1, 2]}', 'same'],
    ['empty flow sequence values', '{a: [], b: [ ]}', 'same'],
    ['empty', '{}', 'same'],
    ['empty with a space', '{ }', 'same'],
    ['spaces around everything', '{ a : x }', 'same'],
    ['spaces before commas', '{a  : x , b: y }', 'same'],
    ['no space after a comma', '{a: x,b: y}', 'same'],
    ['a trailing comma', '{a: x,}', 'same'],
    ['a trailing comma and space', '{a: x, }', 'same'],
    ['a double-quoted key with a space', '{"a b": c}', 'same'],
    ['a single-quoted key', "{'a': b}", 'same'],
    ['an empty quoted key', '{"": x}', 'same'],
    ['a plain key with a space', '{a b: c d}', 'same'],
    ['an escaped single quote', "{a: 'it''s'}", 'same'],
    ['escapes in double quotes', '{a: "\\u4e2d\\n"}', 'same'],
    ['an empty string', "{a: ''}", 'same'],
    ['Chinese keys and values', "{考核要点: 参赛职工不少于200人, 备注: ''}", 'same'],
    ['a date stays text', '{date: 2024-06-01, reason: 上级通知取消}', 'same'],
    ['a colon inside a plain value', '{a: b:c}', 'same'],
    ['a colon inside a plain key', '{a:b: c}', 'same'],
    ['a URL value', '{a: http://x/y}', 'same'],
    ['a hash inside a plain value', '{a: x#y}', 'same'],
    ['inner spaces kept', '{a: x  y}', 'same'],
    ['a comment after it', '{a: x}  # comment', 'same'],
    ['null word', '{a: null}', 'gave up'],
    ['tilde', '{a: ~}', 'gave up'],
    ['boolean', '{a: true}', 'gave up'],
    ['float', '{a: 1.5}', 'gave up'],
    ['negative number', '{a: -1}', 'gave up'],
    ['an empty key', '{: x}', 'gave up'],
    ['a nested mapping', '{a: {b: c}}', 'gave up'],
    ['a mapping in a sequence in a mapping', '{a: [{b: c}]}', 'gave up'],
    ['a nested sequence', '{a: [[b]]}', 'gave up'],
    ['text after it', '{a: x} trailing', 'gave up'],
    ['a flow mapping as a key', '{a: x}: v', 'gave up'],
    ['no space after the colon (key a:x, null value)', '{a:x}', 'gave up'],
    ['a JSON-like key without a space', '{"a":b}', 'gave up'],
    ['an implicit null', '{a}', 'gave up'],
    ['an implicit null first', '{a, b: c}', 'gave up'],
    ['a colon then a comma', '{a:, b: c}', 'gave up'],
    ['an empty value', '{a: }', 'gave up'],
    ['an explicit key', '{? a: b}', 'gave up'],
    ['a duplicate key', '{a: x, a: y}', 'gave up'],
    ['a duplicate key, one quoted', '{a: x, "a": y}', 'gave up'],
    ['a number key', '{1: x}', 'gave up'],
    ['a prototype key', '{__proto__: x}', 'gave up'],
    ['a quoted prototype key', '{"constructor": x}', 'gave up'],
    ['a reserved word key', '{"true": x}', 'gave up'],
    ['an anchor', '{a: &x y}', 'gave up'],
    ['a tag', '{a: !!str 1}', 'gave up'],
    ['a block scalar indicator', '{a: |}', 'gave up'],
    ['an indicator starting a plain value', '{a: :x}', 'gave up'],
    ['a second line', '{a: x,\n    b: y}', 'gave up'],
  ])('flow mapping: %s', (_name, flow, expected) => {
    expect(agrees(`k: ${flow}`)).toBe(expected);
    expect(agrees(`k:\n  - ${flow}\n  - x`)).toBe(expected);
  });

  it.each([
    ['flow mappings in a flow sequence', 'k: [{a: 1}, {b: x, c: "y, z"}, {}]', 'same'],
    ['a flow mapping beside scalars in a flow sequence', 'k: [a, {b: c}]', 'same'],
    ['a sequence in a mapping in a sequence', 'k: [{a: [b]}]', 'gave up'],
    ['block sequence of flow mappings', 'columns:\n  - {title: 序号, key: id}\n  - {title: 考核要点}', 'same'],
    ['tasks as flow mappings, whose keys yaml locates', 'tasks:\n  - {id: 1, content: x}', 'gave up'],
    ['tasks in a flow sequence', 'tasks: [{id: 1}]', 'gave up'],
    ['no tasks in a flow sequence', 'tasks: []', 'same'],
  ])('%s', (_name, text, expected) => {
    expect(agrees(text)).toBe(expected);
  });

  it('reads a schema 2 plan and locates its flow values exactly as yaml does', () => {
    const text = [
      'schemaVersion: 2',
      'columns:',
      '  - {title: 序号, key: id}',
      '  - {title: 考核要点}',
      'tasks:',
      '  - id: 1',
      "    due: '2024.09'",
      '    content: 完成年度职工技能竞赛',
      '    departments: [组宣部]',
      '    support: []',
      '    owners: [王敏, "李 强"]',
      "    fields: {考核要点: 参赛职工不少于200人, 备注: ''}   # 备注 later",
      '    cancelled: {date: 2024-06-01, reason: 上级通知取消}',
      '    log: [{date: 2024-01-05, note: 开始}, {date: 2024-02-01, note: "a, b"}]',
      '    empty: {}',
      '    wide:   [a, {b: c}]',
      '',
      '  - id: 2',
      '    fields: { 考核要点 : x , }',
      '',
    ].join('\n');
    expect(agrees(text)).toBe('same');
    expect(fastParse(text)!.tasks).toEqual(taskSpansOf(text));
    expect(fastParse(text.replace(/\n/g, '\r\n'))!.tasks).toEqual(taskSpansOf(text.replace(/\n/g, '\r\n')));
  });

  it.each([
    'k: {a: b: c}',
    'k: {a: x #y}',
    'k: {a: 1, a: 2}',
    'k: {a: "x"y}',
    'k: {a: x}#c',
    'k: {,}',
    'k: {a: b,,}',
    'k: {a: x',
    'k: {a: [b}',
    'k: {a: x:}',
    'k: [{a: 1]',
  ])('gives up on the flow mapping %j, which yaml rejects', (text) => {
    expect(() => parse(text)).toThrow();
    expect(fastParse(text)).toBeUndefined();
  });

  it.each(['k: [a', 'k: "a', 'k: a: b', '- a\nk: b', 'k:\n  - a\n  b: c', 'a: 1\na: 2', 'k: "\\q"'])('gives up on %j, which yaml rejects', (text) => {
    expect(() => parse(text)).toThrow();
    expect(fastParse(text)).toBeUndefined();
  });
});
