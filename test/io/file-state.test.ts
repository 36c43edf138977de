import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileState, settled } from '../../src/io/file-state.js';
import { testdir } from '../helpers.js';

const ms = (n: number) => BigInt(n) * 1_000_000n;
const T = 1_700_000_000_000; // a time in ms, on a whole second

describe('settled: whether a later write must show in a file state', () => {
  it.each([
    // mtime, ctime (ns), now (ms), settled
    [ms(T) + 7n, ms(T) + 7n, T + 50, false],
    [ms(T) + 7n, ms(T) + 7n, T + 100, false],
    [ms(T) + 7n, ms(T) + 7n, T + 101, true],
    [ms(T - 5000) + 7n, ms(T) + 7n, T + 60, false], // the change time decides when it is the later
    [ms(T) + 7n, ms(T - 5000) + 7n, T + 60, false], // and the modification time when it is
    [ms(T) + 7n, ms(T) + 7n, T - 1000, false], // ahead of the clock
    // Whole seconds: a file system that stamps seconds (FAT: 2 s) needs longer.
    [ms(T), ms(T), T + 2000, false],
    [ms(T), ms(T), T + 3001, true],
    [ms(T), ms(T) + 7n, T + 200, true],
  ])('mtime %s, ctime %s at %s: %s', (mtime, ctime, now, expected) => {
    expect(settled(mtime, ctime, now)).toBe(expected);
  });

  it('states files only: what cannot be stat-ed or is not a regular file has none', () => {
    const dir = testdir({ 'plan.yaml': 'year: 2023\n' });
    mkdirSync(join(dir, 'sub'));
    const state = fileState(join(dir, 'plan.yaml'))!;
    expect(state.size).toBe(11);
    expect(state.key).toMatch(/^\d+:\d+:11:\d+:\d+$/);
    expect(state.settled).toBe(false); // just written
    expect(fileState(join(dir, 'plan.yaml'), Date.now() + 1000)!.settled).toBe(true);
    expect(fileState(join(dir, 'sub'))).toBeUndefined();
    expect(fileState(join(dir, 'missing.yaml'))).toBeUndefined();
    // Same size, same inode: the times tell, once the clock has ticked (hence `settled`).
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30);
    writeFileSync(join(dir, 'plan.yaml'), 'year: 2024\n');
    expect(fileState(join(dir, 'plan.yaml'))!.key).not.toBe(state.key);
  });
});
