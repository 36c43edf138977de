// The fast reader (src/io/fast-yaml.ts) against yaml: whenever it gives data, yaml gives the same
// data and no error; otherwise it gives up and yaml decides. `npm run fuzz` tries many more inputs.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { fastParse } from '../../src/io/fast-yaml.js';
import { checkPlanText } from '../../src/io/load.js';
import { brokenPlanText, counter, runs, subsetText } from './mutate.js';

const { count, report } = counter();
afterAll(report);

describe('the fast reader agrees with yaml', () => {
  it('gives exactly what yaml gives, or gives up (and always gives up when yaml reports errors)', () => {
    fc.assert(
      fc.property(fc.oneof(brokenPlanText, subsetText), (text) => {
        count('fast reader vs yaml');
        const fast = fastParse(text);
        if (!fast) return;
        const doc = parseDocument(text, { uniqueKeys: true, strict: true, logLevel: 'error' });
        expect(doc.errors.map((e) => e.message)).toEqual([]);
        expect(fast.data).toEqual(doc.toJS());
      }),
      { numRuns: runs(2000, 10) },
    );
  }, 3_600_000);

  it('checkPlanText never throws, and says why whenever it gives no plan', async () => {
    await fc.assert(
      fc.asyncProperty(brokenPlanText, async (text) => {
        count('checkPlanText');
        const r = await checkPlanText('p.yaml', text);
        expect(r.plan === undefined).toBe(r.problems.length > 0);
      }),
      { numRuns: runs(500, 2) },
    );
  }, 3_600_000);
});
