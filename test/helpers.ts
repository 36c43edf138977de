import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin/plan.js');
export const SEED_PLAN = join(ROOT, 'plans/2023.yaml');
/** A copy of ../shared/seeds/000_c263f44a6436b2b6.txt, the notice the bundled plan comes from. */
export const SEED_TEXT = join(ROOT, 'test/fixtures/seed-2023.txt');

/** A fresh temp directory holding the given files (path → content). */
export function testdir(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'plan-test-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** The bundled 2023 plan's text. */
export const seedPlan = () => readFileSync(SEED_PLAN, 'utf8');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** An environment without the user's settings: no colour, no locale, no PLAN_FILE. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: tmpdir(),
    NO_COLOR: '1',
    // No git identity from the machine: `plan done` reads `git config user.name`.
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    ...extra,
  };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return env;
}

/** Runs bin/plan.js as a user would, in `cwd`. */
export function run(args: string[], opts: { cwd: string; env?: Record<string, string | undefined>; input?: string }): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    env: cleanEnv(opts.env),
    encoding: 'utf8',
    ...(opts.input !== undefined && { input: opts.input }),
    timeout: 30_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Like `run`, without blocking: for concurrent processes. */
export function runAsync(args: string[], opts: { cwd: string; env?: Record<string, string | undefined> }): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd, env: cleanEnv(opts.env) });
    child.stdin.end();
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A small valid plan, with overrides for its tasks. */
export function miniPlan(tasks = defaultTasks, extra = ''): string {
  return `schemaVersion: 1
year: 2024
title: 测试计划
departments: [甲部, 乙部]
${extra}tasks:
${tasks}`;
}

const defaultTasks = `  - id: 1
    period: 1-2月
    content: 第一项
    departments: [甲部]

  - id: 2
    period: 全年
    content: 第二项
    departments: [甲部, 乙部]
`;

/** What fish offers for a command line (`complete -C`) with a completion script sourced: the candidates, without descriptions; fish must say nothing on stderr. */
export function fishComplete(script: string, line: string, opts: { cwd: string; env: NodeJS.ProcessEnv }): string[] {
  const r = spawnSync('fish', ['--no-config', '-c', `source $argv[1]; complete -C $argv[2]`, script, line], { cwd: opts.cwd, env: opts.env, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]!);
}
