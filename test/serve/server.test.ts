import { request } from 'node:http';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeAnswer, taskVersion } from '../../src/serve/api.js';
import { MAX_BODY, startServer, type PlanServer } from '../../src/serve/server.js';
import { cleanEnv, seedPlan, testdir } from '../helpers.js';
import type { Context } from '../../src/context.js';
import { loadPlan } from '../../src/io/load.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** An HTTP request as a browser (or an attacker) would make it, Host and Origin included. */
function call(server: PlanServer, method: string, path: string, opts: { headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers: { host: `127.0.0.1:${server.port}`, ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        ok({ status: res.statusCode!, headers: res.headers, text, json: () => JSON.parse(text) });
      });
    });
    req.on('error', fail);
    req.end(opts.body);
  });
}

const servers: PlanServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function setup(opts: { token?: string; text?: string; boom?: () => boolean; asOf?: string } = {}) {
  const cwd = testdir({ 'plans/2023.yaml': opts.text ?? seedPlan() });
  const file = join(cwd, 'plans/2023.yaml');
  const context = (): Context => {
    if (opts.boom?.()) throw new Error('a bug in a handler');
    return { file, asOf: opts.asOf ?? '2023-04-20', color: false, lang: 'zh', env: cleanEnv(), cwd, stdoutIsTTY: false };
  };
  const server = await startServer({ api: { file, commit: false, context }, host: '127.0.0.1', port: 0, ...(opts.token && { token: opts.token }), messagesLang: 'zh' });
  servers.push(server);
  const page = await call(server, 'GET', '/');
  const csrf = /name="plan-csrf" content="([^"]+)"/.exec(page.text)![1]!;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    call(server, 'POST', path, { headers: { 'content-type': 'application/json', 'x-plan-csrf': csrf, ...headers }, body: JSON.stringify(body) });
  const version = async (id: number) => taskVersion((await loadPlan(file)).plan.tasks.find((t) => t.id === id)!);
  return { cwd, file, server, csrf, post, version, bytes: () => readFileSync(file) };
}

describe('plan serve: reading', () => {
  it('serves the page with its CSRF token, language and title, and security headers', async () => {
    const { server } = await setup();
    const page = await call(server, 'GET', '/', { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).toContain('<title>2023年市城管执法局工会工作计划</title>');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-inline/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await call(server, 'GET', '/')).text).toContain('<html lang="zh">');
    expect((await call(server, 'GET', '/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('GET /api/plan: the tasks with versions, months and statuses as of the day', async () => {
    const { server, version } = await setup();
    const r = await call(server, 'GET', '/api/plan');
    expect(r.status).toBe(200);
    const p = r.json();
    expect(p).toMatchObject({ file: expect.stringContaining('2023.yaml'), year: 2023, asOf: '2023-04-20', schemaVersion: 2, commit: false });
    expect(p.tasks).toHaveLength(25);
    const seven = p.tasks.find((t: { id: number }) => t.id === 7);
    expect(seven).toMatchObject({ id: 7, period: '3-4月', months: [3, 4], status: 'current', version: await version(7), due: null });
    expect(p.statuses.done).toBe('已完成');
    expect(p.columns[0]).toEqual({ title: '序号', key: 'id' });
    expect(typeof p.version).toBe('string');
  });

  it('unknown routes and methods are refused; no path reaches the file system', async () => {
    const { server } = await setup();
    for (const path of ['/plans/2023.yaml', '/../plans/2023.yaml', '/%2e%2e/plans/2023.yaml', '/api/nothing', '/export/../../etc/passwd', '/api/tasks/7/delete', '/page/app.js', '/app.js.map', '/api/tasks/0/done', '/api/tasks/007x/done']) {
      expect((await call(server, 'GET', path)).status, path).toBe(404);
    }
    expect((await call(server, 'DELETE', '/api/tasks/7/done')).status).toBe(405);
  });
});

describe('plan serve: writing', () => {
  it('done writes only the task, answers with it and the CLI line; the next write needs the new version', async () => {
    const { post, version, file } = await setup();
    const before = readFileSync(file, 'utf8');
    const v = await version(7);
    const r = await post('/api/tasks/7/done', { version: v, date: '2023-04-18', by: '张三', note: '已办' });
    expect(r.status, r.text).toBe(200);
    expect(r.json()).toMatchObject({ message: '已记录完成：任务 7 (2023-04-18，张三)', task: { id: 7, status: 'done', completed: { date: '2023-04-18', by: '张三', note: '已办' } } });
    const after = readFileSync(file, 'utf8');
    expect(after.replace(/\n {4}completed:\n(?: {6}.*\n)+/, '\n')).toBe(before);
    // The same version again: the task changed since, so 409 with the task as it is now.
    const again = await post('/api/tasks/7/undo', { version: v });
    expect(again.status).toBe(409);
    expect(again.json()).toMatchObject({ error: 'conflict', current: { id: 7, status: 'done' } });
    expect(readFileSync(file, 'utf8')).toBe(after);
    expect((await post('/api/tasks/7/undo', { version: r.json().task.version })).status).toBe(200);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('log, cancel, edit and add run the CLI commands; their refusals are the CLI messages', async () => {
    const { post, version, bytes } = await setup();
    expect((await post('/api/tasks/9/log', { version: await version(9), note: '场地已定', date: '2023-04-10' })).json().message).toBe('已记录进展：任务 9 (2023-04-10)：场地已定');
    const edited = await post('/api/tasks/9/edit', { version: await version(9), period: '9-10月', note: '因场地调整', departments: ['局工会'] });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json().task).toMatchObject({ period: '9-10月', departments: ['局工会'] });
    const added = await post('/api/tasks', { content: '职工书法比赛', period: '11月', departments: ['机关工会'] });
    expect(added.json()).toMatchObject({ message: '已新增任务 26：职工书法比赛', task: { id: 26, content: '职工书法比赛' } });
    const cancelled = await post('/api/tasks/26/cancel', { version: added.json().task.version, reason: '上级通知取消' });
    expect(cancelled.json().task.status).toBe('cancelled');

    const unchanged = bytes();
    const unknown = await post('/api/tasks', { content: 'x', period: '5月', departments: ['局公会'] });
    expect(unknown.status).toBe(400);
    expect(unknown.json().messages[0]).toMatch(/局公会.*局工会/);
    expect((await post('/api/tasks', { content: 'x', period: '13月', departments: ['局工会'] })).json()).toMatchObject({ error: 'usage', messages: [expect.stringContaining('13月')] });
    expect((await post('/api/tasks/26/cancel', { version: cancelled.json().task.version, reason: '再取消' })).status).toBe(422);
    expect((await post('/api/tasks/5/log', { version: await version(5) })).json()).toMatchObject({ error: 'usage' });
    expect((await post('/api/tasks/5/done', { version: await version(5), date: '2023-02-30' })).status).toBe(400);
    expect((await post('/api/tasks/5/done', {})).status).toBe(400); // no version
    expect((await post('/api/tasks/99/done', { version: 'x' })).json()).toMatchObject({ error: 'conflict', current: null });
    expect(bytes().equals(unchanged)).toBe(true);
  });

  it('content with markup is stored and answered as text', async () => {
    const { post, file } = await setup();
    const r = await post('/api/tasks', { content: '<script>alert(1)</script>', period: '5月', departments: ['局工会'] });
    expect(r.json().task.content).toBe('<script>alert(1)</script>');
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(readFileSync(file, 'utf8')).toContain('<script>alert(1)</script>');
  });
});

describe('plan serve: an office table of its own (flow style, CRLF and BOM, extra columns, deadlines)', () => {
  const office = `\ufeffschemaVersion: 2\r\nyear: 2024\r\ntitle: 2024年重点工作任务分解表\r\ndepartments: [办公室, 组宣部, 财务部]\r\ncolumns:\r\n  - {title: 序号, key: id}\r\n  - {title: 工作任务, key: content}\r\n  - {title: 考核要点}\r\n  - {title: 完成时限, key: due}\r\ntasks:\r\n  - {id: 1, due: 6月底前, content: 完成年度职工技能竞赛, departments: [组宣部], fields: {考核要点: 参赛职工不少于200人}}\r\n\r\n  - {id: 2, period: 每月, content: 困难职工走访, departments: [办公室, 组宣部]}\r\n`;

  it('reads its columns and times as written, and edits an extra column in place', async () => {
    const { server, post, file } = await setup({ text: office, asOf: '2024-05-01' });
    const p = (await call(server, 'GET', '/api/plan')).json();
    expect(p.columns).toEqual([{ title: '序号', key: 'id' }, { title: '工作任务', key: 'content' }, { title: '考核要点' }, { title: '完成时限', key: 'due' }]);
    expect(p.tasks[0]).toMatchObject({ id: 1, period: '6月底前', written: { period: null, due: '6月底前' }, due: '6月底前', fields: { 考核要点: '参赛职工不少于200人' }, status: 'current' });
    expect(p.tasks[1].months).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const r = await post('/api/tasks/1/edit', { version: p.tasks[0].version, fields: { 考核要点: '参赛职工不少于300人' } });
    expect(r.status, r.text).toBe(200);
    expect(readFileSync(file, 'utf8')).toBe(office.replace('参赛职工不少于200人', '参赛职工不少于300人'));
    const done = await post('/api/tasks/2/done', { version: p.tasks[1].version, date: '2024-05-01' });
    expect(done.json().task.status).toBe('done');
    expect(readFileSync(file, 'utf8').startsWith('\ufeff')).toBe(true);
    expect(readFileSync(file, 'utf8')).not.toMatch(/[^\r]\n/);
  });
});

describe('plan serve: security', () => {
  it('a foreign Host (DNS rebinding) or Origin, a missing CSRF header, a non-JSON body are refused, the file unchanged', async () => {
    const { server, post, version, bytes } = await setup();
    const before = bytes();
    const v = await version(7);
    expect((await call(server, 'GET', '/api/plan', { headers: { host: 'evil.example:80' } })).status).toBe(403);
    expect((await call(server, 'GET', '/', { headers: { host: `attacker.test:${server.port}` } })).status).toBe(403);
    expect((await post('/api/tasks/7/done', { version: v }, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await post('/api/tasks/7/done', { version: v }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post('/api/tasks/7/done', { version: v }, { 'x-plan-csrf': 'wrong' })).status).toBe(403);
    expect((await call(server, 'POST', '/api/tasks/7/done', { headers: { 'content-type': 'text/plain', 'x-plan-csrf': 'x' }, body: '{}' })).status).toBe(403);
    expect((await post('/api/tasks/7/done', { version: v }, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post('/api/tasks/7/log', { version: v, note: 'x'.repeat(MAX_BODY) })).status).toBe(413);
    const bad = await call(server, 'POST', '/api/tasks/7/done', { headers: { 'content-type': 'application/json', 'x-plan-csrf': (await setupCsrf(server)) }, body: '{not json' });
    expect(bad.status).toBe(400);
    expect(bytes().equals(before)).toBe(true);
    // The same origin is fine.
    expect((await post('/api/tasks/7/done', { version: v }, { origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('with a token, the API needs the cookie the login sets', async () => {
    const { server, post } = await setup({ token: 's3cret-token' });
    expect((await call(server, 'GET', '/')).status).toBe(200); // the page asks for the token
    expect((await call(server, 'GET', '/api/plan')).json()).toEqual({ error: 'token' });
    expect((await call(server, 'GET', '/export/annex.html')).status).toBe(401);
    expect((await post('/api/login', { token: 'wrong' })).status).toBe(401);
    const login = await post('/api/login', { token: 's3cret-token' });
    expect(login.status).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    expect(String(login.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await call(server, 'GET', '/api/plan', { headers: { cookie } })).status).toBe(200);
  });

  it('a request that crashes its handler answers 500 and the server goes on', async () => {
    let crash = false;
    const { server } = await setup({ boom: () => crash });
    crash = true;
    const r = await call(server, 'GET', '/api/plan');
    expect(r).toMatchObject({ status: 500, text: '{"error":"internal"}' });
    crash = false;
    expect((await call(server, 'GET', '/api/plan')).status).toBe(200);
  });

  it('an invalid plan file is 422 with the CLI messages, and reading goes on once it is fixed', async () => {
    const { server, file } = await setup();
    writeFileSync(file, 'tasks: [');
    const r = await call(server, 'GET', '/api/plan');
    expect(r.status).toBe(422);
    expect(r.json().error).toBe('plan');
    writeFileSync(file, seedPlan());
    expect((await call(server, 'GET', '/api/plan')).status).toBe(200);
  });
});

describe('plan serve: live', () => {
  it('tells open pages within 2 s when the file changes on disk', async () => {
    const { server, file } = await setup();
    const versions: string[] = [];
    const req = request({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { host: `127.0.0.1:${server.port}` } });
    const got = new Promise<void>((ok) => {
      req.on('response', (res) => {
        res.on('data', (c: Buffer) => {
          for (const m of c.toString().matchAll(/data: (\{.*\})/g)) versions.push(JSON.parse(m[1]!).version);
          if (versions.length >= 2) ok();
        });
      });
    });
    req.end();
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    writeFileSync(file, readFileSync(file, 'utf8').replace('“书香城管”读书沙龙', '“书香城管”读书沙龙（改）'));
    await got;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(versions[1]).not.toBe(versions[0]);
    req.destroy();
  });

  it('writes from 20 clients at once all land, on different tasks', async () => {
    const { post, version, file } = await setup();
    const ids = Array.from({ length: 20 }, (_, i) => i + 1);
    const results = await Promise.all(ids.map(async (id) => post(`/api/tasks/${id}/log`, { version: await version(id), note: `并发${id}`, date: '2023-04-01' })));
    expect(results.map((r) => r.status)).toEqual(ids.map(() => 200));
    const text = readFileSync(file, 'utf8');
    for (const id of ids) expect(text).toContain(`并发${id}`);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});

async function setupCsrf(server: PlanServer): Promise<string> {
  return /name="plan-csrf" content="([^"]+)"/.exec((await call(server, 'GET', '/')).text)![1]!;
}

// writeAnswer is the route's handler: in-process, without HTTP.
describe('writeAnswer', () => {
  it('refuses a body that is not an object', async () => {
    const cwd = testdir({ 'plans/2023.yaml': seedPlan() });
    const file = join(cwd, 'plans/2023.yaml');
    const api = { file, commit: false, context: (): Context => ({ file, asOf: '2023-04-20', color: false, lang: 'zh', env: cleanEnv(), cwd, stdoutIsTTY: false }) };
    expect(await writeAnswer(api, 'done', 7, [1])).toMatchObject({ status: 400 });
    expect(await writeAnswer(api, 'done', 7, 'x')).toMatchObject({ status: 400 });
    expect(await writeAnswer(api, 'nope', 7, {})).toMatchObject({ status: 404 });
    expect(await writeAnswer(api, 'toString', 7, {})).toMatchObject({ status: 404 });
  });
});
