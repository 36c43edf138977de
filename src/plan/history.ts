import type { Plan, Task } from './types.js';

// What changed in a plan from one version to the next, as `plan history` tells it: pure, on
// plans already read (src/io/git-history.ts finds the versions).

/** The commit a version is from; null for the working copy's changes not committed yet. */
export interface CommitInfo {
  hash: string;
  author: string;
  email: string;
  /** The author date, ISO 8601 with the author's offset, as git gives it. */
  date: string;
  subject: string;
}

/** One version of the plan file, parents before children; `plan` absent when that version could not be read. */
export interface Version {
  commit: CommitInfo | null;
  plan?: Plan;
  /** The versions it was made from, by index (a merge has several); absent: the one just before it. */
  parents?: readonly number[];
}

/** A value as history shows it: text, a list of names, or nothing. */
export type Value = string | string[] | null;

/** What happened to a task (or, for `created` and `invalid`, to the whole file). */
export type Change =
  | { kind: 'created'; tasks: number }
  | { kind: 'invalid' }
  | { kind: 'plan'; key: PlanKey; from: Value; to: Value }
  | { kind: 'added'; content: string }
  | { kind: 'removed'; content: string }
  | { kind: 'changed'; key: ChangedKey; field?: string; from: Value; to: Value }
  | { kind: 'completed'; date: string; by?: string; note?: string }
  | { kind: 'uncompleted'; date: string }
  | { kind: 'cancelled'; date: string; reason?: string }
  | { kind: 'uncancelled'; date: string }
  | { kind: 'logged'; date: string; note: string }
  | { kind: 'unlogged'; date: string; note: string };

/** The task keys whose edits history reports as `changed`, in the order it reports them. */
export const CHANGED_KEYS = ['content', 'period', 'due', 'departments', 'support', 'owners', 'group', 'fields', 'completed', 'cancelled'] as const;
export type ChangedKey = (typeof CHANGED_KEYS)[number];

/** The plan's own keys whose edits the whole plan's history reports (kind `plan`). */
export const PLAN_KEYS = ['schemaVersion', 'year', 'title', 'docNumber', 'issued', 'annexTitle', 'departments', 'columns'] as const;
export type PlanKey = (typeof PLAN_KEYS)[number];

export interface HistoryEntry {
  commit: CommitInfo | null;
  /** The task changed; absent for the file's own entries (`created`, `invalid`). */
  id?: number;
  change: Change;
}

/**
 * Every change each version made to the versions it was made from, the first version as
 * `created`. A version that could not be read is an `invalid` entry, and its children are
 * compared with its nearest readable ancestor. A merge reports only what it changed itself: a
 * task as one of its parents has it is no change (the branch that changed it reported it).
 * With `id`, only that task's changes, its first appearance as `added`.
 */
export function planHistory(versions: readonly Version[], id?: number): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  const parentsOf = (i: number) => versions[i]!.parents ?? (i > 0 ? [i - 1] : []);
  // The plan a version's changes are measured against, through unreadable versions.
  const readable = (i: number): Plan | undefined => {
    for (let at: number | undefined = i; at !== undefined; at = parentsOf(at)[0]) if (versions[at]!.plan) return versions[at]!.plan;
    return undefined;
  };
  versions.forEach(({ commit, plan }, i) => {
    if (!plan) {
      if (id === undefined) entries.push({ commit, change: { kind: 'invalid' } });
      return;
    }
    const parents = parentsOf(i).map(readable).filter((p): p is Plan => p !== undefined);
    const changes = !parents.length ? firstChanges(plan, id) : parents.length === 1 ? planChanges(parents[0]!, plan) : mergeChanges(parents, plan);
    if (id === undefined && parents.length) entries.push(...headerChanges(parents, plan).map((change) => ({ commit, change })));
    for (const c of changes) if (id === undefined || c.id === id) entries.push({ commit, ...c });
  });
  return entries;
}

/** What a merge changed itself: tasks unlike every parent's, against the first parent; removals of a task all parents had. */
function mergeChanges(parents: readonly Plan[], merged: Plan): Found[] {
  const byId = parents.map((p) => new Map(p.tasks.map((t) => [t.id, t])));
  const kept = new Set(merged.tasks.map((t) => t.id));
  const tasks = merged.tasks.filter((t) => !byId.some((m) => sameTask(m.get(t.id), t)));
  const gone = parents[0]!.tasks.filter((t) => !kept.has(t.id) && byId.every((m) => m.has(t.id)));
  const first = parents[0]!;
  return planChanges({ ...first, tasks: [...tasks.map((t) => byId[0]!.get(t.id)).filter((t): t is Task => t !== undefined), ...gone] }, { ...merged, tasks });
}

/** The plan's own keys changed, as unlike every parent (a merge's own). */
function headerChanges(parents: readonly Plan[], plan: Plan): Change[] {
  const value = (p: Plan, key: PlanKey): Value => {
    if (key === 'columns') return p.columns ? p.columns.map((c) => c.title) : null;
    if (key === 'departments') return [...p.departments];
    const v = p[key];
    return v === undefined ? null : String(v);
  };
  return PLAN_KEYS.filter((key) => parents.every((p) => !same(value(p, key), value(plan, key)))).map((key) => ({ kind: 'plan', key, from: value(parents[0]!, key), to: value(plan, key) }));
}

function sameTask(a: Task | undefined, b: Task): boolean {
  return a === b || (a !== undefined && JSON.stringify(a) === JSON.stringify(b));
}

type Found = { id?: number; change: Change };

/** The first readable version: the file created (the whole plan) or the task there from the start. */
function firstChanges(plan: Plan, id: number | undefined): Found[] {
  if (id === undefined) return [{ change: { kind: 'created', tasks: plan.tasks.length } }];
  const task = plan.tasks.find((t) => t.id === id);
  return task ? [{ id, change: { kind: 'added', content: task.content } }, ...recordsOf(task)] : [];
}

/** A task's records as if each had just been made (a task that arrives done, cancelled or logged). */
function recordsOf(task: Task): Found[] {
  const empty: Task = { id: task.id, content: task.content };
  return taskChanges(empty, task).filter((c) => c.change.kind !== 'changed');
}

/** The changes from `a` to `b`, task by task in `b`'s order, then the tasks removed. */
export function planChanges(a: Plan, b: Plan): Found[] {
  const old = new Map(a.tasks.map((t) => [t.id, t]));
  const out: Found[] = [];
  for (const task of b.tasks) {
    const was = old.get(task.id);
    old.delete(task.id);
    if (was === undefined) out.push({ id: task.id, change: { kind: 'added', content: task.content } }, ...recordsOf(task));
    else if (was !== task) out.push(...taskChanges(was, task)); // a task read through the version before is that version's object
  }
  for (const task of old.values()) out.push({ id: task.id, change: { kind: 'removed', content: task.content } });
  return out;
}

/** The changes from one version of a task to the next: its keys, then its completion, cancellation and log. */
export function taskChanges(a: Task, b: Task): Found[] {
  const id = b.id;
  const out: Found[] = [];
  const changed = (key: ChangedKey, from: Value, to: Value, field?: string) => {
    if (!same(from, to)) out.push({ id, change: { kind: 'changed', key, ...(field !== undefined && { field }), from, to } });
  };
  changed('content', a.content, b.content);
  changed('period', a.period ?? null, b.period ?? null);
  changed('due', a.due ?? null, b.due ?? null);
  for (const key of ['departments', 'support', 'owners'] as const) changed(key, list(a[key]), list(b[key]));
  changed('group', a.group ?? null, b.group ?? null);
  const titles = [...new Set([...Object.keys(a.fields ?? {}), ...Object.keys(b.fields ?? {})])];
  for (const title of titles) changed('fields', a.fields?.[title] ?? null, b.fields?.[title] ?? null, title);

  const [ca, cb] = [a.completed, b.completed];
  if (!ca && cb) out.push({ id, change: { kind: 'completed', date: cb.date, ...(cb.by && { by: cb.by }), ...(cb.note && { note: cb.note }) } });
  else if (ca && !cb) out.push({ id, change: { kind: 'uncompleted', date: ca.date } });
  else if (ca && cb) changed('completed', completion(ca), completion(cb));

  const [xa, xb] = [a.cancelled, b.cancelled];
  if (!xa && xb) out.push({ id, change: { kind: 'cancelled', date: xb.date, ...(xb.reason && { reason: xb.reason }) } });
  else if (xa && !xb) out.push({ id, change: { kind: 'uncancelled', date: xa.date } });
  else if (xa && xb) changed('cancelled', [xa.date, xa.reason ?? ''].filter(Boolean).join(' '), [xb.date, xb.reason ?? ''].filter(Boolean).join(' '));

  // Log entries compared as a multiset: an entry kept in place is no change, whatever moved around it.
  const key = (e: { date: string; note: string }) => `${e.date}\u0000${e.note}`;
  const left = new Map<string, number>();
  for (const e of a.log ?? []) left.set(key(e), (left.get(key(e)) ?? 0) + 1);
  const added: Found[] = [];
  for (const e of b.log ?? []) {
    const n = left.get(key(e)) ?? 0;
    if (n > 0) left.set(key(e), n - 1);
    else added.push({ id, change: { kind: 'logged', date: e.date, note: e.note } });
  }
  for (const e of a.log ?? []) {
    const n = left.get(key(e)) ?? 0;
    if (n > 0) {
      left.set(key(e), n - 1);
      out.push({ id, change: { kind: 'unlogged', date: e.date, note: e.note } });
    }
  }
  return [...out, ...added];
}

function list(v: readonly string[] | undefined): Value {
  return v?.length ? [...v] : null;
}

function completion(c: { date: string; by?: string; note?: string }): string {
  return [c.date, c.by, c.note].filter(Boolean).join(' ');
}

function same(a: Value, b: Value): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b;
}
