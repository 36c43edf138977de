import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../bench/generate.mjs';
import { checkPlanText } from '../../src/io/load.js';
import { readPlanVersions } from '../../src/io/plan-versions.js';
import { seedPlan } from '../helpers.js';

/** A plan's text cut at its task items (`  - id:`), to edit as blocks. */
function blocks(text: string): { head: string; items: string[] } {
  const parts = text.split(/(?=^ {2}- id: )/m);
  return { head: parts[0]!, items: parts.slice(1) };
}

const edit = fc.oneof(
  fc.record({ kind: fc.constant('content' as const), at: fc.nat(), text: fc.constantFrom('新内容', '内容：改', '"引号"') }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('copy' as const), at: fc.nat(), id: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('done' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('header' as const) }),
  fc.record({ kind: fc.constant('break' as const), at: fc.nat() }),
);
type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

function apply(text: string, e: Edit): string {
  const { head, items } = blocks(text);
  if (!items.length) return text;
  const i = 'at' in e ? e.at % items.length : 0;
  switch (e.kind) {
    case 'content':
      items[i] = items[i]!.replace(/(\n {4}content: ).*/, `$1${e.text}`);
      break;
    case 'swap': {
      const j = e.to % items.length;
      [items[i], items[j]] = [items[j]!, items[i]!];
      break;
    }
    case 'remove':
      items.splice(i, 1);
      break;
    case 'copy': // a copied block with the id given: a duplicate id now and then
      items.splice(i, 0, items[i]!.replace(/^ {2}- id: \d+/, `  - id: ${e.id}`));
      break;
    case 'done':
      items[i] = items[i]!.replace(/(\n {4}content: .*\n)/, '$1    completed:\n      date: 2023-04-20\n');
      break;
    case 'header':
      return `${head.replace(/^title: .*/m, (l) => `${l}（修订）`)}${items.join('')}`;
    case 'break':
      items[i] = items[i]!.replace(/\n {4}content: /, '\n    content: [');
      break;
  }
  return head + items.join('');
}

describe('readPlanVersions (each version read through the one before)', () => {
  it.each([
    ['the bundled plan', seedPlan()],
    ['a generated plan of 60 tasks', generatePlan(60)],
  ])('%s: every version reads as it reads alone', async (_name, first) => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { maxLength: 8 }), async (edits) => {
        const texts = [first];
        for (const e of edits) texts.push(apply(texts.at(-1)!, e));
        const versions = texts.map((text, i) => ({ key: `v${i}`, text }));
        const got = await readPlanVersions('plans/2023.yaml', versions);
        for (const [i, text] of texts.entries()) expect(got[i], `version ${i}`).toEqual((await checkPlanText('plans/2023.yaml', text)).plan);
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('the same key is read once, and gives the same plan', async () => {
    const text = seedPlan();
    const got = await readPlanVersions('p.yaml', [{ key: 'a', text }, { key: 'b', text: apply(text, { kind: 'done', at: 3 }) }, { key: 'a', text: 'ignored: the key says it is version a' }]);
    expect(got[2]).toBe(got[0]);
  });
});
