import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../bench/generate.mjs';
import { BIN, cleanEnv, run, testdir } from '../helpers.js';

// Output goes straight to file descriptor 1 unless it may be a terminal (src/io/stdout.ts).
describe('standard output', () => {
  const cwd = testdir({ 'plans/2023.yaml': generatePlan(3000) });
  const args = ['list', '--as-of', '2023-05-01'];

  it('writes the same bytes to a pipe, a file and /dev/null (exit 0, nothing on stderr)', async () => {
    const piped = run(args, { cwd });
    expect(piped.code).toBe(0);
    expect(piped.stdout.length).toBeGreaterThan(200_000); // more than a pipe holds at once
    for (const target of [join(cwd, 'out.txt'), '/dev/null']) {
      const fd = openSync(target, 'w');
      const child = spawn(process.execPath, [BIN, ...args], { cwd, env: cleanEnv(), stdio: ['ignore', fd, 'pipe'] });
      closeSync(fd);
      let stderr = '';
      child.stderr!.on('data', (d) => (stderr += d));
      const code = await new Promise((resolve) => child.on('close', resolve));
      expect({ target, code, stderr }).toEqual({ target, code: 0, stderr: '' });
      if (target !== '/dev/null') expect(readFileSync(target, 'utf8')).toBe(piped.stdout);
    }
  });

  it('stops quietly when the reader goes away (plan list | head -1)', async () => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: cleanEnv() });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});
