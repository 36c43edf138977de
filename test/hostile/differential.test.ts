// The fast reader (src/io/fast-yaml.ts) against yaml: whenever it gives data, yaml gives the same
// data and no error; otherwise it gives up and yaml decides. `npm run fuzz` tries many more inputs.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { fastParse } from '../../src/io/fast-yaml.js';
import { checkPlanText } from '../../src/io/load.js';
import { taskSpansOf } from '../../src/io/yaml-check.js';
import { brokenPlanText, counter, runs, subsetText } from './mutate.js';

const { count, report } = counter();
afterAll(report);

// Flow mappings where schema 2 plans have them (columns, a task's fields and records, a log), with
// keys and values at the edges of the fast reader's subset among ordinary ones.
const FLOW_KEYS = [
  'a b', 'a:b', '"a"', "'a b'", '""', '1', 'true', 'True', 'null', '~', '__proto__', '"__proto__"', 'constructor', 'toString', '-a', '? a', ':a',
  'a #b', 'a#b', '<<', 'a,b', '[a]', '{a}', '&x a', '!t a', '"a":', 'a ', ' a', '"a\\"b"', "'it''s'", 'http://x',
];
const FLOW_VALUES = [
  '007', '1.5', '-1', '+1', '0x1F', 'null', '~', 'true', 'yes', 'x y', 'x  y', 'b:c', 'b: c', 'x #c', 'x#c', 'x:', ':x', '-x', '- x', '?x', "''",
  "'it''s'", '"x, y"', '"}"', "']'", '"\\u4e2d"', '"\\x41"', '"a"b', "'a'b", '[]', '[ ]', '[1, 2]', '[a, "b, c"]', '[a,]', '[{a: 1}]', '{}', '{b: c}',
  '[[a]]', '&a x', '*a', '!!str 1', '|', '>', '', ' ', '1234567890123456', 'a\tb', '\u3000', 'x\u00a0y',
];
// Mostly ordinary pieces, so that about a third of the plans are all in the subset and read fast.
const mostly = (usual: readonly string[], rare: readonly string[]) =>
  fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...usual) }, { weight: 1, arbitrary: fc.constantFrom(...rare) });
const flowKey = mostly(['a', 'b', 'date', 'reason', '考核要点', '备注', 'title', 'key', 'a b', '"a"', "'备 注'"], FLOW_KEYS);
const flowValue = mostly(['1', '2024', 'x', '2024-06-01', '参赛职工不少于200人', '"李 强"', "'1'", "''", '[]', '[组宣部, "a, b"]'], FLOW_VALUES);
const colon = mostly([': ', ' : ', ':  '], [':', ' :']);
const flowMapping = fc
  .tuple(
    fc.array(fc.tuple(flowKey, colon, flowValue), { maxLength: 3 }),
    fc.constantFrom(', ', ',', ' , ', ' ,'),
    fc.constantFrom('', ' '),
    fc.constantFrom('', '', '', ',', ', '),
  )
  .map(([pairs, comma, pad, last]) => `{${pad}${pairs.map(([k, c, v]) => k + c + v).join(comma)}${pairs.length ? last : ''}${pad}}`);
const after = mostly(['', '  # c'], [' x', '#c', ': v', ',', '}', ' ]']);

/** Plans of schema 2's shape with a flow mapping in each place one goes. */
const flowPlanText: fc.Arbitrary<string> = fc
  .tuple(fc.array(flowMapping, { minLength: 6, maxLength: 6 }), fc.array(after, { minLength: 6, maxLength: 6 }), fc.constantFrom('\n', '\r\n'))
  .map(([m, a, eol]) =>
    [
      'schemaVersion: 2',
      'columns:',
      `  - ${m[0]}${a[0]}`,
      `  - ${m[1]}${a[1]}`,
      `meta: ${m[2]}${a[2]}`,
      'tasks:',
      '  - id: 1',
      `    fields: ${m[3]}${a[3]}`,
      `    log: [${m[4]}, {date: 2024-01-05}]${a[4]}`,
      '    log2:',
      `      - ${m[5]}${a[5]}`,
      '    content: x',
      '',
    ].join(eol),
  );

describe('the fast reader agrees with yaml', () => {
  it('gives exactly what yaml gives, or gives up (and always gives up when yaml reports errors)', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.oneof(brokenPlanText, subsetText), (text) => {
        count('fast reader vs yaml');
        const fast = fastParse(text);
        if (!fast) return;
        compared++;
        const doc = parseDocument(text, { uniqueKeys: true, strict: true, logLevel: 'error' });
        expect(doc.errors.map((e) => e.message)).toEqual([]);
        expect(fast.data).toEqual(doc.toJS());
      }),
      { numRuns: runs(2000, 10) },
    );
    // Not a test that passes by giving up on everything (or on an empty generator).
    expect(compared).toBeGreaterThan(runs(2000, 10) / 10);
  }, 3_600_000);

  it('reads flow mappings as yaml does, and locates them as yaml does, or gives up', () => {
    let read = 0;
    fc.assert(
      fc.property(flowPlanText, (text) => {
        count('fast reader vs yaml, flow mappings');
        const fast = fastParse(text);
        if (!fast) return;
        read++;
        const doc = parseDocument(text, { uniqueKeys: true, strict: true, logLevel: 'error' });
        expect(doc.errors.map((e) => e.message)).toEqual([]);
        expect(fast.data).toEqual(doc.toJS());
        expect(fast.tasks).toEqual(taskSpansOf(text));
      }),
      { numRuns: runs(1000, 10) },
    );
    // Not a test that passes by giving up on everything.
    expect(read).toBeGreaterThan(runs(1000, 10) / 20);
  }, 3_600_000);

  it('checkPlanText never throws, and says why whenever it gives no plan', async () => {
    const outcomes = { plan: 0, problems: 0 };
    await fc.assert(
      fc.asyncProperty(brokenPlanText, async (text) => {
        count('checkPlanText');
        const r = await checkPlanText('p.yaml', text);
        expect(r.plan === undefined).toBe(r.problems.length > 0);
        outcomes[r.plan ? 'plan' : 'problems']++;
      }),
      { numRuns: runs(500, 2) },
    );
    // Both answers were given, many times: the generator made valid and broken plans.
    expect(outcomes.plan).toBeGreaterThan(runs(500, 2) / 40);
    expect(outcomes.problems).toBeGreaterThan(runs(500, 2) / 2);
  }, 3_600_000);
});
