// Keys such as __proto__ are unknown keys, located, and never reach an object's prototype:
// neither through the fast reader nor through yaml.
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fastParse } from '../../src/io/fast-yaml.js';
import { checkPlanText } from '../../src/io/load.js';
import { checkWithYaml } from '../../src/io/yaml-check.js';
import { setLanguage } from '../../src/messages.js';
import { miniPlan, testdir } from '../helpers.js';
import { planInProcess } from './in-process.js';

setLanguage('en');

const completed = '    completed:\n      date: 2024-02-01\n';
const withCompletion = miniPlan().replace('    departments: [甲部]\n', `    departments: [甲部]\n${completed}`);

// [where, text, the located problem expected]
const CASES: [string, string, string][] = [];
for (const [key, value] of [
  ['__proto__', '{polluted: 1}'],
  ['__proto__', '\n  polluted: 1'],
  ['constructor', '{prototype: {polluted: 1}}'],
  ['prototype', '{polluted: 1}'],
] as const) {
  const block = value.startsWith('\n');
  const indent = (n: number) => (block ? value.replace(/\n {2}/, `\n${' '.repeat(n)}`) : value);
  CASES.push(
    [`${key} at the top`, withCompletion.replace('title:', `${key}: ${indent(2)}\ntitle:`), `p.yaml:3:1: the plan has an unknown key "${key}"`],
    [`${key} in a task`, withCompletion.replace('    period: 1-2月', `    ${key}: ${indent(6)}\n    period: 1-2月`), `p.yaml:7:5: tasks[0] has an unknown key "${key}"`],
    [`${key} in a completion`, withCompletion.replace('      date: 2024-02-01', `      ${key}: ${indent(8)}\n      date: 2024-02-01`), `p.yaml:11:7: tasks[0].completed has an unknown key "${key}"`],
    [`${key} in a flow task`, withCompletion.replace('  - id: 2\n', `  - {id: 3, period: 全年, content: x, departments: [甲部], ${key}: {polluted: 1}}\n  - id: 2\n`), `tasks[1] has an unknown key "${key}"`],
  );
}

/** Every object in a parsed value, with its path. */
function* objects(value: unknown, path = '$'): Generator<[string, object]> {
  if (typeof value !== 'object' || value === null) return;
  yield [path, value];
  for (const [k, v] of Object.entries(value)) yield* objects(v, `${path}.${k}`);
}

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

describe('prototype keys', () => {
  it.each(CASES)('%s: the fast reader gives up', (_name, text) => {
    expect(fastParse(text)).toBeUndefined();
  });

  it.each(CASES)('%s: yaml reports it, located, and keeps it an own key', async (_name, text, expected) => {
    const result = checkWithYaml('p.yaml', text);
    expect(result.plan).toBeUndefined();
    expect(result.problems.some((p) => p.includes(expected)), result.problems.join('\n')).toBe(true);
    const checked = await checkPlanText('p.yaml', text);
    expect(checked.problems).toEqual(result.problems);
    const { parse } = await import('yaml');
    for (const [path, o] of objects(parse(text))) expect(Object.getPrototypeOf(o), path).toBe(Array.isArray(o) ? Array.prototype : Object.prototype);
  });

  it.each(CASES.filter(([name]) => name.startsWith('__proto__')))('%s: every command refuses the plan', async (_name, text, expected) => {
    const file = join(testdir({ 'p.yaml': text }), 'p.yaml');
    for (const args of [['list'], ['done', '2'], ['validate']]) {
      const r = await planInProcess(['-f', file, ...args, '--as-of', '2024-03-01', '--lang', 'en'], { cwd: dirname(file) });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(expected.replace('p.yaml', file));
    }
  });
});

describe('values and keys that are not what they seem', () => {
  it.each([
    ['a mapping with a toString key where a number goes', withCompletion.replace('schemaVersion: 1', 'schemaVersion: {toString: 1}'), 'p.yaml:1:16: schemaVersion is "{\\"toString\\":1}" (expected 1 | 2)'],
    ['a mapping with valueOf and toString', withCompletion.replace('year: 2024', 'year: {valueOf: 1, toString: 2}'), 'p.yaml:2:7: year is a mapping (expected a whole number)'],
    ['a list that contains itself', withCompletion.replace('schemaVersion: 1', 'schemaVersion: &a [*a]'), 'p.yaml:1:19: schemaVersion is "[…]" (expected 1 | 2)'],
    ['a task with a toString key', withCompletion.replace('    period: 1-2月', '    toString: x\n    period: 1-2月'), 'p.yaml:7:5: tasks[0] has an unknown key "toString"'],
    ['a hasOwnProperty key at the top', withCompletion.replace('title:', 'hasOwnProperty: 1\ntitle:'), 'p.yaml:3:1: the plan has an unknown key "hasOwnProperty"'],
  ])('%s: a located problem, no internal error', async (_name, text, expected) => {
    const file = join(testdir({ 'p.yaml': text }), 'p.yaml');
    for (const args of [['list'], ['validate'], ['done', '1']]) {
      const r = await planInProcess(['-f', file, ...args, '--as-of', '2024-03-01', '--lang', 'en'], { cwd: dirname(file) });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`plan: ${expected.replace('p.yaml', file)}`);
      expect(r.stderr).not.toContain('internal error');
    }
  });
});
