// No input crashes a command: property tests over broken and hostile plan files.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { fastParse } from '../../src/io/fast-yaml.js';
import { checkPlanText } from '../../src/io/load.js';
import { testdir } from '../helpers.js';
import { EVERY_COMMAND, crashed, planInProcess } from './in-process.js';
import { brokenPlanBytes, brokenPlanText, runs, subsetText } from './mutate.js';

const SLOW_MS = 5000;

describe('no input crashes a command', () => {
  it('every command exits 0, 1 or 2 with a message, never an internal error, on broken plan files', async () => {
    const dir = testdir();
    const file = join(dir, 'plan.yaml');
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(brokenPlanBytes, async (bytes) => {
        tried++;
        writeFileSync(file, bytes);
        const valid = (await planInProcess(['-f', file, 'validate'], { cwd: dir })).code === 0;
        // An invalid plan stops at loading, the same for every command: a few of them suffice.
        const commands = valid ? EVERY_COMMAND : [['list'], ['validate'], ['render', '--format', 'html'], ['done', '1']];
        for (const args of commands) {
          const started = Date.now();
          const r = await planInProcess(['-f', file, ...args, '--as-of', '2024-03-15'], { cwd: dir });
          const problem = crashed(r) ?? (Date.now() - started > SLOW_MS ? 'too slow' : undefined);
          if (problem) throw new Error(`plan ${args.join(' ')}: ${problem}\n${r.stderr}\ninput: ${JSON.stringify(Buffer.from(bytes).toString('latin1'))}`);
          if (r.code !== 0) expect(r.stderr).toMatch(/^plan: /);
        }
      }),
      { numRuns: runs(150) },
    );
    if (process.env.FUZZ_RUNS) console.log(`crash property: ${tried} inputs`);
  }, 600_000);
});

describe('the fast reader agrees with yaml', () => {
  it('gives exactly what yaml gives, or gives up (and always gives up when yaml reports errors)', () => {
    fc.assert(
      fc.property(fc.oneof(brokenPlanText, subsetText), (text) => {
        const fast = fastParse(text);
        if (!fast) return;
        const doc = parseDocument(text, { uniqueKeys: true, strict: true });
        expect(doc.errors.map((e) => e.message)).toEqual([]);
        expect(fast.data).toEqual(doc.toJS());
      }),
      { numRuns: runs(2000) },
    );
  });

  it('checkPlanText never throws', async () => {
    await fc.assert(
      fc.asyncProperty(brokenPlanText, async (text) => {
        const r = await checkPlanText('p.yaml', text);
        expect(r.plan === undefined).toBe(r.problems.length > 0);
      }),
      { numRuns: runs(1000) },
    );
  });
});
