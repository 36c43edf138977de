#!/usr/bin/env node
// `npm run fuzz [-- RUNS]`: the property tests of test/hostile with RUNS inputs each (default
// 10,000; the fast reader's comparison with yaml 10 times as many) and 200 writers killed on a
// 3,000-task plan, instead of the few that `npm test` tries. Prints what was tried and how long
// it took (docs/reliability.md says what it checks).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const runs = process.argv[2] ?? process.env.FUZZ_RUNS ?? '10000';
const kills = process.env.FUZZ_KILLS ?? '200';
const files = ['crash', 'hostile-text', 'differential', 'crash-safety'].map((f) => `test/hostile/${f}.test.ts`);

const started = Date.now();
const build = spawnSync(process.execPath, [join(root, 'bin/build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const vitest = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_KILLS: kills },
});
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(`\nfuzz: ${runs} inputs per property (x10 for the fast reader vs yaml), ${kills} writers killed; ${minutes} min; ${vitest.status === 0 ? 'passed' : 'FAILED'}`);
process.exitCode = vitest.status ?? 1;
