import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { basename, dirname } from 'node:path';
import { isPlanError } from '../errors.js';
import type { Lang } from '../messages.js';
import { EXPORTS, historyAnswer, planAnswer, versionOf, WRITE_ACTIONS, writeAnswer, type Answer, type Api } from './api.js';
import appCss from './page/app.css?raw';
import appJs from './page/app.js?raw';
import indexHtml from './page/index.html?raw';

// The HTTP side of `plan serve`: the checks every request passes (Host, Origin, CSRF, token,
// size), the fixed table of routes, the page's files, and the events that tell open pages the
// file changed. What a route does is in api.ts.

export interface ServerOptions {
  api: Api;
  host: string;
  port: number;
  /** Required of every API request when set (a cookie the page sets once). */
  token?: string;
  /** The page's language when --lang was given; else the browser's Accept-Language decides. */
  lang?: Lang;
  /** The language of the messages (the server's). */
  messagesLang: Lang;
}

export interface PlanServer {
  url: string;
  port: number;
  close: () => Promise<void>;
}

/** The largest request body read (a write's JSON is a few hundred bytes). */
export const MAX_BODY = 64 * 1024;
/** How often the file is looked at, besides fs.watch (which can miss a change, e.g. on a network drive). */
const POLL_MS = 500;
const KEEPALIVE_MS = 15_000;

const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** Starts the server; resolves once it listens. */
export async function startServer(o: ServerOptions): Promise<PlanServer> {
  const csrf = randomBytes(32).toString('base64url');
  const watcher = watchFile(o.api.file);
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // A crash in one request answers 500 and the server goes on; nothing of it reaches the page.
      if (!res.headersSent) send(res, { status: 500, body: { error: 'internal' } });
      else res.destroy();
    });
  });
  server.requestTimeout = 10_000;
  server.headersTimeout = 10_000;
  let port = o.port;
  const hosts = () => {
    const names = isLoopback(o.host) ? [...LOOPBACK, o.host] : [o.host];
    return new Set(names.map((n) => `${n.includes(':') ? `[${n}]` : n}:${port}`.toLowerCase()));
  };
  let allowed = new Set<string>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = (req.headers.host ?? '').toLowerCase();
    if (!allowed.has(host)) return send(res, { status: 403, body: { error: 'forbidden' } });
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) return send(res, { status: 403, body: { error: 'forbidden' } });
    if (req.headers['sec-fetch-site'] === 'cross-site') return send(res, { status: 403, body: { error: 'forbidden' } });
    const url = new URL(req.url ?? '/', `http://${host}`);
    const path = url.pathname;
    const method = req.method ?? 'GET';

    if (method === 'GET' && (path === '/' || path === '/index.html')) return page(req, res);
    if (method === 'GET' && path === '/app.js') return sendText(res, 200, 'text/javascript; charset=utf-8', appJs);
    if (method === 'GET' && path === '/app.css') return sendText(res, 200, 'text/css; charset=utf-8', appCss);
    if (!path.startsWith('/api/') && !path.startsWith('/export/')) return send(res, { status: 404, body: { error: 'not found' } });

    if (method === 'POST' && path === '/api/login') {
      const body = await readBody(req, res, csrf);
      if (body === undefined) return;
      const ok = o.token !== undefined && typeof (body as { token?: unknown }).token === 'string' && same((body as { token: string }).token, o.token);
      if (!ok) return send(res, { status: 401, body: { error: 'token' } });
      res.setHeader('Set-Cookie', `plan_token=${encodeURIComponent(o.token!)}; HttpOnly; SameSite=Strict; Path=/`);
      return send(res, { status: 200, body: { ok: true } });
    }
    if (o.token !== undefined && !same(cookie(req, 'plan_token') ?? '', o.token)) return send(res, { status: 401, body: { error: 'token' } });

    if (path.startsWith('/export/')) {
      const made = EXPORTS[path.slice('/export/'.length)];
      if (!made) return send(res, { status: 404, body: { error: 'not found' } });
      if (method !== 'GET') return send(res, { status: 405, body: { error: 'method not allowed' } });
      const out = await apiCall(() => made.make(o.api.context()));
      if ('status' in out) return send(res, out);
      const bytes = typeof out.stdout === 'string' ? Buffer.from(out.stdout) : Buffer.from(out.stdout ?? '');
      // The documents style themselves inline (they are made to be opened on their own, as files).
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox", 'Content-Type': made.type, 'Content-Length': bytes.length, 'Content-Disposition': `${made.type.startsWith('text/html') ? 'inline' : 'attachment'}; filename="${path.slice('/export/'.length)}"` });
      return void res.end(bytes);
    }
    if (method === 'GET' && path === '/api/plan') return send(res, await apiCall(() => planAnswer(o.api, watcher.version())));
    if (method === 'GET' && path === '/api/events') return events(req, res);
    const task = /^\/api\/tasks\/([1-9]\d{0,8})\/([a-z]+)$/.exec(path);
    if (task && method === 'GET' && task[2] === 'history') return send(res, await apiCall(() => historyAnswer(o.api, Number(task[1]))));
    const write = task && WRITE_ACTIONS.includes(task[2]!) && task[2] !== 'add' ? task[2]! : path === '/api/tasks' ? 'add' : undefined;
    if (write === undefined) return send(res, { status: 404, body: { error: 'not found' } });
    if (method !== 'POST') return send(res, { status: 405, body: { error: 'method not allowed' } });
    const body = await readBody(req, res, csrf);
    if (body === undefined) return;
    const answer = await writeAnswer(o.api, write, task ? Number(task[1]) : undefined, body);
    if (answer.status === 200) (answer.body as Record<string, unknown>).version = watcher.refresh();
    return send(res, answer);
  }

  function page(req: IncomingMessage, res: ServerResponse): void {
    const lang = o.lang ?? (/^en\b/i.test(req.headers['accept-language'] ?? '') ? 'en' : 'zh');
    let title = basename(o.api.file);
    try {
      title = /^title: *(.+)$/m.exec(readFileSync(o.api.file, 'utf8'))?.[1]?.replace(/^["']|["']$/g, '') ?? title;
    } catch {
      // the page says what is wrong once it asks for the plan
    }
    const html = indexHtml.replaceAll('{{LANG}}', lang).replaceAll('{{CSRF}}', csrf).replaceAll('{{TITLE}}', escapeHtml(title));
    sendText(res, 200, 'text/html; charset=utf-8', html);
  }

  function events(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    const tell = (version: string) => res.write(`event: plan\ndata: ${JSON.stringify({ version })}\n\n`);
    tell(watcher.version());
    const off = watcher.subscribe(tell);
    const alive = setInterval(() => res.write(': keep-alive\n\n'), KEEPALIVE_MS);
    req.on('close', () => {
      clearInterval(alive);
      off();
    });
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', (e) => {
      watcher.close(); // else fs.watch keeps the process alive
      fail(e);
    });
    server.listen(o.port, o.host, () => {
      server.removeAllListeners('error');
      server.on('error', () => {}); // nothing after listening may stop the server
      ok();
    });
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : o.port;
  allowed = hosts();
  const shown = o.host.includes(':') ? `[${o.host}]` : o.host;
  return {
    url: `http://${shown}:${port}/`,
    port,
    close: async () => {
      watcher.close();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

/** Runs an API call; a PlanError from reading the plan (invalid, missing) is 422 with its messages. */
async function apiCall<T>(call: () => Promise<T>): Promise<T | Answer> {
  try {
    return await call();
  } catch (e) {
    if (isPlanError(e)) return { status: 422, body: { error: 'plan', messages: e.lines } };
    throw e;
  }
}

/** A POST's JSON body, after its CSRF header and type are checked and its size bounded; undefined once refused. */
async function readBody(req: IncomingMessage, res: ServerResponse, csrf: string): Promise<unknown> {
  const given = req.headers['x-plan-csrf'];
  if (typeof given !== 'string' || !same(given, csrf)) return void send(res, { status: 403, body: { error: 'forbidden' } });
  if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) return void send(res, { status: 415, body: { error: 'unsupported media type' } });
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) return void tooLarge(req, res);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return void tooLarge(req, res);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return void send(res, { status: 400, body: { error: 'usage', messages: ['invalid JSON'] } });
  }
}

function tooLarge(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Connection', 'close');
  send(res, { status: 413, body: { error: 'too large' } });
  req.resume();
}

function send(res: ServerResponse, a: Answer): void {
  const text = JSON.stringify(a.body);
  res.writeHead(a.status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, type: string, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Constant-time comparison of two secrets. */
function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) {
      try {
        return decodeURIComponent(v.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The plan file's version, kept up to date by fs.watch on its folder and a poll of its stat. */
function watchFile(file: string) {
  const listeners = new Set<(version: string) => void>();
  const read = () => {
    try {
      return versionOf(readFileSync(file));
    } catch {
      return 'missing';
    }
  };
  let version = read();
  let stat = statKey(file);
  const refresh = () => {
    stat = statKey(file);
    const now = read();
    if (now !== version) {
      version = now;
      for (const l of listeners) l(now);
    }
    return version;
  };
  let timer: NodeJS.Timeout | undefined;
  let fsWatcher: FSWatcher | undefined;
  try {
    // The file is replaced by rename on every write, so its folder is watched.
    fsWatcher = watch(dirname(file), (_event, name) => {
      if (name !== null && name !== basename(file)) return;
      clearTimeout(timer);
      timer = setTimeout(refresh, 50);
    });
    fsWatcher.on('error', () => {});
  } catch {
    // polling alone
  }
  const poll = setInterval(() => {
    if (statKey(file) !== stat) refresh();
  }, POLL_MS);
  poll.unref();
  return {
    version: () => version,
    refresh,
    subscribe: (l: (version: string) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close: () => {
      clearInterval(poll);
      clearTimeout(timer);
      fsWatcher?.close();
    },
  };
}

function statKey(file: string): string {
  try {
    const s = statSync(file);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}
