import type { Context, Output } from '../context.js';
import { usageError } from '../errors.js';
import { m, type Lang } from '../messages.js';
import { today } from '../plan/dates.js';
import { isLoopback, startServer, type PlanServer } from '../serve/server.js';
import { planFile } from './common.js';

export interface ServeOptions {
  port: string;
  host: string;
  token?: string;
  open?: boolean;
  commit?: boolean;
  /** The page's language when --lang was given. */
  lang?: Lang;
  /** `--as-of` when given: the page's "today" stays that day. */
  asOf?: string;
}

/**
 * `plan serve`: the page for the plan file, until SIGINT/SIGTERM (or `stop`, in tests). The URL
 * is printed as soon as the server listens.
 */
export async function serve(opts: ServeOptions, ctx: Context, io: { out: (s: string) => void; stop?: Promise<void> }): Promise<Output> {
  const port = parsePortArg(opts.port);
  const token = opts.token ?? (ctx.env.PLAN_SERVE_TOKEN || undefined);
  if (!isLoopback(opts.host) && !token) throw usageError(m.serve.needsToken(opts.host));
  const file = planFile(ctx);
  let server: PlanServer;
  try {
    server = await startServer({
      api: { file, commit: opts.commit === true || ctx.env.PLAN_AUTO_COMMIT === '1', context: () => ({ ...ctx, file, asOf: opts.asOf ?? today(), stdoutIsTTY: false, color: false }) },
      host: opts.host,
      port,
      ...(token && { token }),
      ...(opts.lang && { lang: opts.lang }),
      messagesLang: ctx.lang,
    });
  } catch (e) {
    throw usageError(m.serve.cannotListen(opts.host, port, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
  }
  io.out(`${m.serve.listening(server.url, file)}\n`);
  if (opts.open) void openBrowser(server.url);
  await (io.stop ?? untilSignal());
  await server.close();
  return {};
}

/** `--port`: 0 to 65535. */
export function parsePortArg(v: string): number {
  const s = v.trim();
  if (!/^\d{1,5}$/.test(s) || Number(s) > 65535) throw usageError(m.serve.badPort(v));
  return Number(s);
}

function untilSignal(): Promise<void> {
  return new Promise((ok) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      ok();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Opens the URL in the default browser; a failure to do so only means the user opens it. */
async function openBrowser(url: string): Promise<void> {
  const { spawn } = await import('node:child_process');
  const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    spawn(command as string, args as string[], { stdio: 'ignore', detached: true }).on('error', () => {}).unref();
  } catch {
    // nothing to do
  }
}
