import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { yamlFlowList, yamlScalar } from '../../src/io/yaml-text.js';

describe('yamlScalar', () => {
  it.each([
    ['张三', '张三'],
    ['“书香城管”读书沙龙', '“书香城管”读书沙龙'],
    ['2023-04-20', '2023-04-20'],
    ['a: b', '"a: b"'],
    ['# x', '"# x"'],
    ['x #y', '"x #y"'],
    ['- x', '"- x"'],
    ['1', '"1"'],
    ['yes', '"yes"'],
    ['On', '"On"'],
    ['null', '"null"'],
    ['', '""'],
    [' x', '" x"'],
    ['two\nlines', '"two\\nlines"'],
    ['*alias', '"*alias"'],
    ['"quoted"', '"\\"quoted\\""'],
  ])('%j → %s', (value, text) => {
    expect(yamlScalar(value)).toBe(text);
    expect(parse(`k: ${text}`)).toEqual({ k: value });
  });

  it('writes flow lists that read back', () => {
    const values = ['局工会', 'a, b', '[x]', 'yes', '机关工会'];
    expect(parse(`k: ${yamlFlowList(values)}`)).toEqual({ k: values });
    expect(yamlFlowList(['局工会', '机关工会'])).toBe('[局工会, 机关工会]');
  });
});
