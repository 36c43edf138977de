import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { BIN, cleanEnv, run, seedPlan, testdir } from '../helpers.js';

describe('plan serve: the command line', () => {
  const cwd = testdir({ 'plans/2023.yaml': seedPlan() });

  it('refuses a host not of this machine without a token, and a bad port: exit 2', () => {
    expect(run(['serve', '--host', '0.0.0.0'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'plan: --host "0.0.0.0" 不是本机地址，须用 --token 或 PLAN_SERVE_TOKEN 设置访问口令 (应为 --host 127.0.0.1，或加 --token)\n',
    });
    for (const port of ['65536', '-1', 'http', '80.5']) expect(run(['serve', '--port', port], { cwd }).code, port).toBe(2);
  });

  it('says so when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((ok) => taken.listen(0, '127.0.0.1', () => ok()));
    const port = (taken.address() as { port: number }).port;
    const r = run(['serve', '--port', String(port)], { cwd });
    taken.close();
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`plan: 无法在 127.0.0.1:${port} 启动：EADDRINUSE (可换一个 --port，或用 --port 0)\n`);
  });

  it('prints its URL, serves, and stops on SIGTERM with exit 0', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--lang', 'en'], { cwd, env: cleanEnv({ PLAN_SERVE_TOKEN: undefined }) });
    const url = await new Promise<string>((ok) => {
      let out = '';
      child.stdout.on('data', (c) => {
        out += c;
        const found = /^plan page: (http:\/\/127\.0\.0\.1:\d+\/) \(file: plans\/2023\.yaml; Ctrl\+C stops it\)\n$/.exec(out);
        if (found) ok(found[1]!);
      });
    });
    expect((await fetch(`${url}api/plan`)).status).toBe(200);
    expect(await (await fetch(url)).text()).toContain('<html lang="en">');
    const code = new Promise((ok) => child.on('exit', ok));
    child.kill('SIGTERM');
    expect(await code).toBe(0);
  });
});
