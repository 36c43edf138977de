// No input crashes a command: a property test over broken plan files, run in-process for speed,
// and a sample spawned through the real binary. `npm run fuzz` tries many more inputs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { run, testdir } from '../helpers.js';
import { EVERY_COMMAND, crashed, forEachPlanFile, runChecked } from './in-process.js';
import { brokenPlanBytes, counter, runs } from './mutate.js';

const { count, report } = counter();
afterAll(report);

describe('no input crashes a command', () => {
  it('every command exits 0, 1 or 2 with a message, never an internal error, on broken plan files', async () => {
    await forEachPlanFile(brokenPlanBytes, runs(60), async (file, bytes) => {
      count('broken files');
      const valid = (await runChecked(file, ['validate'], bytes)).code === 0;
      // An invalid plan stops at loading, the same for every command: a few of them suffice.
      const commands = valid ? EVERY_COMMAND : [['list'], ['render', '--format', 'html'], ['done', '1']];
      for (const args of commands) await runChecked(file, args, bytes);
    });
  }, 3_600_000);

  it('the real binary too: a sample of broken files, spawned', () => {
    const dir = testdir();
    for (const bytes of fc.sample(brokenPlanBytes, { numRuns: 3, seed: 7 })) {
      writeFileSync(join(dir, 'plan.yaml'), bytes);
      for (const args of [['list'], ['validate'], ['done', '1']]) {
        const r = run(['-f', 'plan.yaml', ...args, '--as-of', '2024-03-15'], { cwd: dir });
        expect(crashed(r), r.stderr).toBeUndefined();
        if (r.code !== 0) expect(r.stderr).toMatch(/^plan: /);
      }
    }
  }, 60_000);
});
