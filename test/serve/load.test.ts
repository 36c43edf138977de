import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cleanEnv, run, seedPlan, testdir } from '../helpers.js';

// 20 parallel clients × 50 writes on different tasks through the HTTP API of a real
// `plan serve` process: every write recorded, the file valid, no lock left; p95 reported.
describe('plan serve under load', () => {
  it('20 clients × 50 writes all land', async () => {
    const cwd = testdir({ 'plans/2023.yaml': seedPlan() });
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--as-of', '2023-04-20'], { cwd, env: cleanEnv() });
    try {
      const url = await new Promise<string>((ok, fail) => {
        let out = '';
        child.stdout.on('data', (c) => {
          out += c;
          const found = /http:\/\/\S+\//.exec(out);
          if (found) ok(found[0]);
        });
        child.on('exit', (code) => fail(new Error(`serve exited ${code}`)));
      });
      const csrf = /name="plan-csrf" content="([^"]+)"/.exec(await (await fetch(url)).text())![1]!;
      const plan = (await (await fetch(`${url}api/plan`)).json()) as { tasks: { id: number; version: string }[] };
      const latencies: number[] = [];
      const client = async (id: number) => {
        let version = plan.tasks.find((t) => t.id === id)!.version;
        for (let i = 0; i < 50; i++) {
          const started = performance.now();
          const r = await fetch(`${url}api/tasks/${id}/log`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-plan-csrf': csrf },
            body: JSON.stringify({ version, note: `第${i + 1}次进展`, date: '2023-04-01' }),
          });
          latencies.push(performance.now() - started);
          expect(r.status).toBe(200);
          version = ((await r.json()) as { task: { version: string } }).task.version;
        }
      };
      const started = performance.now();
      await Promise.all(Array.from({ length: 20 }, (_, i) => client(i + 1)));
      const total = performance.now() - started;
      latencies.sort((a, b) => a - b);
      const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
      const report = { writes: latencies.length, totalMs: Math.round(total), p50Ms: Math.round(p(0.5)), p95Ms: Math.round(p(0.95)), maxMs: Math.round(latencies.at(-1)!) };
      console.log(`plan serve load: ${JSON.stringify(report)}`);
      if (process.env.PLAN_LOAD_REPORT) writeFileSync(process.env.PLAN_LOAD_REPORT, `${JSON.stringify(report, null, 2)}\n`);
      const text = readFileSync(join(cwd, 'plans/2023.yaml'), 'utf8');
      expect(text.match(/note: 第\d+次进展/g)).toHaveLength(1000);
      expect(existsSync(join(cwd, 'plans/2023.yaml.lock'))).toBe(false);
      expect(run(['validate'], { cwd }).code).toBe(0);
      // The version check holds in the built bundles too (the server's and the command's are separate files).
      const stale = await fetch(`${url}api/tasks/1/done`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-plan-csrf': csrf }, body: JSON.stringify({ version: plan.tasks[0]!.version }) });
      expect(stale.status).toBe(409);
    } finally {
      child.kill('SIGTERM');
    }
  }, 120_000);
});
