import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import nodeModule from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run, seedPlan, testdir } from '../helpers.js';

// Compiled code is kept between runs in the cache directory, by Node (22.1+) or by dist/load.cjs
// (Node 20), and never shipped: a cache is only valid for the V8 that made it.
// Node 22.1+ (its types are for Node 20, which has none).
const compileCache = 'enableCompileCache' in nodeModule;

describe('the code cache', () => {
  const list = (cwd: string, env: Record<string, string>) => {
    const r = run(['list', '--period', '3-4月', '--as-of', '2023-04-10'], { cwd, env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('共 3 项');
  };

  it('ships no code cache in dist/', () => {
    const files = readdirSync(join(ROOT, 'dist'), { recursive: true, encoding: 'utf8' });
    expect(files.filter((f) => f.endsWith('.cjs')).length).toBeGreaterThan(10);
    expect(files.filter((f) => !f.endsWith('.cjs')).sort()).toEqual(['THIRD-PARTY-LICENSES.txt', 'bundles']);
  });

  it.runIf(compileCache)("uses Node's compile cache in the cache directory", () => {
    const cwd = testdir({ 'plans/2023.yaml': seedPlan() });
    list(cwd, { PLAN_CACHE_DIR: join(cwd, 'cache') });
    expect(readdirSync(join(cwd, 'cache'))).toEqual(['node-compile-cache']);
    expect(readdirSync(join(cwd, 'cache/node-compile-cache')).length).toBeGreaterThan(0);
  });

  it.skipIf(compileCache)('on Node 20, writes V8 caches on the first run, reads them on the next, and drops those of other builds', () => {
    const cwd = testdir({ 'plans/2023.yaml': seedPlan() });
    const cache = join(cwd, 'cache');
    mkdirSync(join(cache, 'code-v0.0.0-x64-old'), { recursive: true });
    list(cwd, { PLAN_CACHE_DIR: cache });
    const dirs = readdirSync(cache);
    expect(dirs).toEqual([expect.stringMatching(new RegExp(`^code-${process.version}-${process.arch}-[0-9a-f]{16}$`))]);
    const code = join(cache, dirs[0]!);
    expect(readdirSync(code).sort()).toEqual(['cli.v8', 'list.v8', 'messages.v8', 'table.v8']);
    // A damaged cache is refused by V8: the run is as usual, and the cache is made again.
    const damaged = readFileSync(join(code, 'list.v8')).subarray(0, 100);
    writeFileSync(join(code, 'list.v8'), damaged);
    list(cwd, { PLAN_CACHE_DIR: cache });
    expect(readFileSync(join(code, 'list.v8')).length).toBeGreaterThan(1000);
  });

  it('writes nothing with PLAN_NO_CACHE=1, and runs where the cache directory cannot be made', () => {
    const cwd = testdir({ 'plans/2023.yaml': seedPlan(), 'file': 'not a directory' });
    list(cwd, { PLAN_CACHE_DIR: join(cwd, 'cache'), PLAN_NO_CACHE: '1' });
    expect(existsSync(join(cwd, 'cache'))).toBe(false);
    list(cwd, { PLAN_CACHE_DIR: join(cwd, 'file/cache') });
  });
});
