// Writers killed with SIGKILL at any moment leave a plan that validates (the old one or the new
// one, never a mix), and what they leave behind (a lock, a temporary file) does not block or
// clutter the next write.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../bench/generate.mjs';
import { checkPlanText } from '../../src/io/load.js';
import type { Plan } from '../../src/plan/types.js';
import { BIN, cleanEnv, run, testdir } from '../helpers.js';

const FILE = 'plans/2023.yaml';

/** Starts `plan <args>`; resolves when it has exited, however. */
function start(cwd: string, args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args, '--as-of', '2023-05-01'], { cwd, env: cleanEnv(), stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, exited };
}

/**
 * A write that gives up after waiting 2 s for the lock (PLAN_LOCK_TIMEOUT): when it succeeds
 * after a writer died holding the lock, that lock did not hold it up (however busy the machine).
 */
const nextWrite = (cwd: string, args: string[], timeout = '2') => run([...args, '--as-of', '2023-05-01'], { cwd, env: { PLAN_LOCK_TIMEOUT: timeout } });

async function readPlan(path: string): Promise<Plan> {
  const { plan, problems } = await checkPlanText(path, readFileSync(path, 'utf8'));
  expect(problems).toEqual([]);
  return plan!;
}

describe('a writer killed at each step of a write', () => {
  const HOOK = join(import.meta.dirname, 'kill-at.cjs');
  const killedAt = (cwd: string, step: string, args: string[]) =>
    run([...args, '--as-of', '2023-05-01'], { cwd, env: { NODE_OPTIONS: `--require ${HOOK}`, PLAN_TEST_KILL_AT: step } });

  it.each([
    ['locked', 'old'],
    ['writing', 'old'],
    ['renaming', 'old'],
    ['renamed', 'new'],
  ])('killed when %s: the %s plan, and the next write goes through at once', async (step, expected) => {
    const cwd = testdir({ [FILE]: generatePlan(300) });
    const path = join(cwd, FILE);
    const before = readFileSync(path);
    const killed = killedAt(cwd, step, ['done', '7', '--date', '2023-06-01']);
    expect(killed.code).toBeNull(); // died of SIGKILL
    const plan = await readPlan(path);
    expect(plan.tasks[6]!.completed ?? null).toEqual(expected === 'new' ? { date: '2023-06-01' } : null);
    if (expected === 'old') expect(readFileSync(path)).toEqual(before);
    // It died holding the lock; a temporary file may be left too.
    expect(readFileSync(`${path}.lock`, 'utf8')).toMatch(/^\d+ /);
    expect(nextWrite(cwd, ['log', '8', '接着写'])).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(join(cwd, 'plans'))).toEqual(['2023.yaml']);
    expect((await readPlan(path)).tasks[7]!.log).toEqual([{ date: '2023-05-01', note: '接着写' }]);
  });
});

describe('locks left behind', () => {
  it('takes over an empty lock (from an older version killed between creating and writing it) once it is 5 s old', () => {
    const cwd = testdir({ [FILE]: generatePlan(30) });
    const lock = join(cwd, `${FILE}.lock`);
    writeFileSync(lock, '');
    const old = new Date(Date.now() - 10_000);
    utimesSync(lock, old, old);
    expect(nextWrite(cwd, ['done', '3'])).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(join(cwd, 'plans'))).toEqual(['2023.yaml']);
  });

  it('waits for a fresh empty lock: its owner may be writing it', () => {
    const cwd = testdir({ [FILE]: generatePlan(30) });
    writeFileSync(join(cwd, `${FILE}.lock`), '');
    const r = nextWrite(cwd, ['done', '3'], '0.3');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('计划文件正被另一个进程修改');
  });
});

describe('writers killed at any moment', () => {
  it('leave a plan of 3,000 tasks that validates: the old one or the intended new one', async () => {
    const cwd = testdir({ [FILE]: generatePlan(3000) });
    const path = join(cwd, FILE);
    const iterations = Number(process.env.FUZZ_KILLS ?? 12);
    // How long a whole write takes here: the kills are spread over 0 to 1.3 times that.
    const started = Date.now();
    expect(run(['done', '1', '--force', '--as-of', '2023-05-01'], { cwd }).code).toBe(0);
    const whole = Date.now() - started;

    let before = await readPlan(path);
    // Kills that landed while the writer held the lock (it left its own lock behind), or had a temporary file.
    const outcomes = { unchanged: 0, written: 0, lockLeft: 0, tempLeft: 0 };
    // The lock is held for a small part of a write: kill on until every stage was hit (at most 100 times).
    const hitAll = () => outcomes.lockLeft > 0 && outcomes.written > 0 && outcomes.unchanged > 0;
    let i = 0;
    for (; i < iterations || (!hitAll() && i < 100); i++) {
      const id = (i * 97) % 3000 + 1;
      const date = `2023-06-${String((i % 28) + 1).padStart(2, '0')}`;
      const writer = start(cwd, ['done', String(id), '--force', '--date', date]);
      await new Promise((r) => setTimeout(r, (((i * 7919) % 101) / 101) * whole * 1.3));
      writer.child.kill('SIGKILL');
      await writer.exited;

      const after = await readPlan(path);
      const task = after.tasks[id - 1]!;
      if (task.completed?.date === date && !task.completed.by) {
        outcomes.written++;
        expect(after).toEqual({ ...before, tasks: before.tasks.map((t, k) => (k === id - 1 ? { ...t, completed: { date } } : t)) });
      } else {
        outcomes.unchanged++;
        expect(after).toEqual(before);
      }
      before = after;

      const left = readdirSync(join(cwd, 'plans'));
      const lockLeft = left.includes('2023.yaml.lock') && readFileSync(`${path}.lock`, 'utf8').startsWith(`${writer.child.pid} `);
      if (lockLeft) outcomes.lockLeft++;
      if (left.some((f) => f.includes(`.${writer.child.pid}.`) && f.endsWith('.tmp'))) outcomes.tempLeft++;
      // A lock left by the killed writer does not hold up the next one.
      if (lockLeft && outcomes.lockLeft <= 3) {
        expect(nextWrite(cwd, ['log', String(id), `第 ${i} 次`])).toMatchObject({ code: 0, stderr: '' });
        before = await readPlan(path);
      }
    }
    if (process.env.FUZZ_KILLS) console.log(`kill loop: ${i} writers killed`, outcomes);
    // The kills landed at every stage: before the write, while the lock was held, after it.
    expect(outcomes.lockLeft).toBeGreaterThan(0);
    expect(outcomes.written).toBeGreaterThan(0);
    expect(outcomes.unchanged).toBeGreaterThan(0);

    // The next write removes what the killed ones left.
    expect(run(['undo', '1', '--as-of', '2023-05-01'], { cwd }).code).toBe(0);
    expect(readdirSync(join(cwd, 'plans'))).toEqual(['2023.yaml']);
    expect(existsSync(`${path}.lock`)).toBe(false);
  }, 600_000);
});
