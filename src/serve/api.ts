import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { parseDateArg, parsePeriodArg } from '../args.js';
import type { Context, Output } from '../context.js';
import { isPlanError, usageError } from '../errors.js';
import { loadPlan } from '../io/load.js';
import { setWriteHooks, type Update } from '../io/save.js';
import { m } from '../messages.js';
import { planColumns } from '../plan/fields.js';
import { overlapsMonth } from '../plan/time.js';
import type { Plan, Task } from '../plan/types.js';
import { viewTask, viewTasks } from '../plan/view.js';
import type { Change } from '../plan/history.js';
import { describe } from '../render/history.js';
import { taskJson } from '../render/json.js';

// The page's API: each write calls the CLI command's own function, inside a scope that checks
// the version of the task the user saw (under the plan's lock) and keeps the update made.

/** What a request's handler needs: the plan file, and the context the commands run in. */
export interface Api {
  file: string;
  /** The context of each command run; `asOf` is worked out per request (today, unless fixed). */
  context: () => Context;
  /** `--commit` on every write. */
  commit: boolean;
}

/** An answer: status and JSON body. */
export interface Answer {
  status: number;
  body: unknown;
}

/** A hash naming a version of some text or value: what the page sends back with a write. */
export function versionOf(value: string | Uint8Array): string {
  return createHash('sha256').update(value).digest('base64url').slice(0, 16);
}

/** A task's version: changes when anything in the task does. */
export function taskVersion(task: Task): string {
  return versionOf(JSON.stringify(task));
}

/** The task as the page shows it: the JSON `plan list` gives, with its version, due and months. */
export function pageTask(task: Task, plan: Plan, asOf: string) {
  const view = viewTask(task, plan.year, asOf);
  const months = Array.from({ length: 12 }, (_, i) => i + 1).filter((month) => overlapsMonth(view.time, plan.year, month));
  // `period` is the label shown (the due's when there is no period); `written` is what the file has, for editing.
  return { ...taskJson(view), version: taskVersion(task), due: task.due ?? null, written: { period: task.period ?? null, due: task.due ?? null }, months };
}

/** `GET /api/plan`. */
export async function planAnswer(api: Api, fileVersion: string): Promise<Answer> {
  const ctx = api.context();
  const { plan } = await loadPlan(api.file);
  const views = viewTasks(plan, ctx.asOf);
  return {
    status: 200,
    body: {
      file: api.file,
      version: fileVersion,
      lang: ctx.lang,
      asOf: ctx.asOf,
      title: plan.title,
      year: plan.year,
      schemaVersion: plan.schemaVersion,
      columns: planColumns(plan).map((c) => ({ title: c.title, ...(c.key && { key: c.key }) })),
      departments: plan.departments,
      periods: [...new Set(views.map((v) => v.period))],
      statuses: m.status,
      commit: api.commit,
      tasks: plan.tasks.map((t) => pageTask(t, plan, ctx.asOf)),
    },
  };
}

/** The task the page saw, and what a write did: one scope per request. */
interface Scope {
  expect?: { id: number; version: string };
  updates: Update[];
}

const scopes = new AsyncLocalStorage<Scope>();
let hooked = false;

/** Refused because the task changed since the page read it. */
class Conflict extends Error {
  constructor(readonly current: Task | null) {
    super('conflict');
  }
}

function hook(): void {
  if (hooked) return;
  hooked = true;
  setWriteHooks(() => {
    const scope = scopes.getStore();
    if (!scope) return undefined;
    return {
      before: (plan) => {
        if (!scope.expect) return;
        const task = plan.tasks.find((t) => t.id === scope.expect!.id) ?? null;
        if (!task || taskVersion(task) !== scope.expect.version) throw new Conflict(task);
      },
      after: (update) => void scope.updates.push(update),
    };
  });
}

/** The write actions, by name: each maps a request body to its CLI command's call. */
type Action = (api: Api, ctx: Context, id: number | undefined, body: Body) => Promise<Output>;

const ACTIONS: Readonly<Record<string, Action>> = {
  done: async (api, ctx, id, b) => (await import('../commands/record.js')).done([id!], { format: 'text', commit: api.commit, ...opt('date', date(b, 'date')), ...opt('by', text(b, 'by')), ...opt('note', text(b, 'note')) }, ctx),
  undo: async (api, ctx, id) => (await import('../commands/record.js')).undo([id!], { format: 'text', commit: api.commit }, ctx),
  log: async (api, ctx, id, b) => (await import('../commands/record.js')).log(id!, required(b, 'note'), { format: 'text', commit: api.commit, ...opt('date', date(b, 'date')) }, ctx),
  cancel: async (api, ctx, id, b) =>
    (await import('../commands/record.js')).cancel(id!, { format: 'text', commit: api.commit, undo: b.undo === true, ...opt('reason', text(b, 'reason')), ...opt('date', date(b, 'date')) }, ctx),
  edit: async (api, ctx, id, b) =>
    (await import('../commands/change.js')).edit(
      id!,
      { format: 'text', commit: api.commit, ...taskFields(b), newDepartment: b.newDepartment === true, ...opt('unset', list(b, 'unset')), ...opt('note', text(b, 'note')), ...opt('date', date(b, 'date')) },
      ctx,
    ),
  add: async (api, ctx, _id, b) => (await import('../commands/change.js')).add({ format: 'text', commit: api.commit, ...taskFields(b), newDepartment: b.newDepartment === true }, ctx),
};

export const WRITE_ACTIONS = Object.keys(ACTIONS);

/**
 * A write: the body checked, the command run with the version check around it. The answer is
 * the task as now written and the command's own line; its refusals are the CLI's messages.
 */
export async function writeAnswer(api: Api, action: string, id: number | undefined, body: unknown): Promise<Answer> {
  hook();
  const run = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined; // not Object.prototype's names
  if (!run) return { status: 404, body: { error: 'not found' } };
  const ctx = api.context();
  try {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw usageError(m.serve.badBody);
    const b = body as Body;
    const version = b.version;
    if (id !== undefined && typeof version !== 'string') throw usageError(m.serve.noVersion);
    const scope: Scope = { ...(id !== undefined && { expect: { id, version: version as string } }), updates: [] };
    const out = await scopes.run(scope, () => run(api, ctx, id, b));
    const update = scope.updates.at(-1);
    const task = update?.tasks[0];
    const after = task && update.plan.tasks.find((t) => t.id === task.id);
    const message = typeof out.stdout === 'string' ? out.stdout.trim() : '';
    return {
      status: 200,
      body: {
        task: after ? pageTask(after, update.plan, ctx.asOf) : null,
        message,
        ...(out.stderr?.length && { warning: out.stderr.join('\n') }),
      },
    };
  } catch (e) {
    if (e instanceof Conflict) {
      const plan = e.current && (await loadPlan(api.file).catch(() => undefined))?.plan;
      return { status: 409, body: { error: 'conflict', message: m.serve.conflict(id!), current: e.current && plan ? pageTask(e.current, plan, ctx.asOf) : null } };
    }
    if (isPlanError(e)) return { status: e.exitCode === 2 ? 400 : 422, body: { error: e.exitCode === 2 ? 'usage' : 'plan', messages: e.lines } };
    throw e;
  }
}

/** `GET /api/tasks/:id/history`: `plan history ID --format json`, or the reason there is none. */
export async function historyAnswer(api: Api, id: number): Promise<Answer> {
  const { history } = await import('../commands/history.js');
  try {
    const out = await history(id, { format: 'json' }, api.context());
    const body = JSON.parse(String(out.stdout)) as { entries: { change: Change; text?: string }[] };
    // Each change also in words, as `plan history` prints it (the page shows these).
    for (const e of body.entries) e.text = describe(e.change);
    return { status: 200, body };
  } catch (e) {
    if (isPlanError(e)) return { status: 422, body: { error: 'history', messages: e.lines } };
    throw e;
  }
}

/** The downloads: name → the command and format that make them. */
export const EXPORTS: Readonly<Record<string, { type: string; make: (ctx: Context) => Promise<Output> }>> = {
  'annex.xlsx': { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', make: async (ctx) => (await import('../commands/render.js')).render({ format: 'xlsx', withStatus: false }, ctx) },
  'annex.docx': { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', make: async (ctx) => (await import('../commands/render.js')).render({ format: 'docx', withStatus: false }, ctx) },
  'annex.html': { type: 'text/html; charset=utf-8', make: async (ctx) => (await import('../commands/render.js')).render({ format: 'html', withStatus: true }, ctx) },
  'calendar.ics': { type: 'text/calendar; charset=utf-8', make: async (ctx) => (await import('../commands/export.js')).exportPlan({ format: 'ics' }, ctx) },
  'summary.html': { type: 'text/html; charset=utf-8', make: async (ctx) => (await import('../commands/summary.js')).summary({ format: 'html', failOnOverdue: false }, ctx) },
};

/** A write's body: JSON values by key. */
type Body = Record<string, unknown>;

const opt = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as { [k in K]: V }));

function text(b: Body, key: string): string | undefined {
  const v = b[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw usageError(m.serve.badValue(key));
  return v;
}

function required(b: Body, key: string): string {
  const v = text(b, key);
  if (v === undefined) throw usageError(m.serve.missing(key));
  return v;
}

function date(b: Body, key: string): string | undefined {
  const v = text(b, key);
  return v === undefined ? undefined : parseDateArg(`--${key}`)(v);
}

function list(b: Body, key: string): string[] | undefined {
  const v = b[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw usageError(m.serve.badValue(key));
  return v as string[];
}

/** The task's keys as `plan add`/`edit` take them (`--field 标题=值` from `fields: {标题: 值}`). */
function taskFields(b: Body) {
  const fields = b.fields;
  if (fields !== undefined && (typeof fields !== 'object' || fields === null || Array.isArray(fields) || Object.values(fields).some((v) => typeof v !== 'string'))) {
    throw usageError(m.serve.badValue('fields'));
  }
  const period = text(b, 'period');
  return {
    ...opt('content', text(b, 'content')),
    ...opt('period', period === undefined ? undefined : parsePeriodArg(period)),
    ...opt('due', text(b, 'due')),
    ...opt('department', list(b, 'departments')),
    ...opt('support', list(b, 'support')),
    ...opt('owner', list(b, 'owners')),
    ...opt('group', text(b, 'group')),
    ...opt('field', fields && Object.entries(fields as Record<string, string>).map(([k, v]) => `${k}=${v}`)),
  };
}

