// A cache of validated big plans, so that reading 10,000 tasks costs a few typed arrays and only
// the JSON of the tasks asked for, rather than a YAML parse and validation. Entries are keyed by
// the plan file's path and stamped with the tool's build and a hash of the plan's exact bytes, so
// a stale entry is never used; a read needs neither the plan's bytes nor the hash while the file
// is in the state stat reported when the entry was last checked against them (file-state.ts).
// Best effort: any failure to read or write the cache only means parsing the file again.
import { closeSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, rmSync, writeSync, writevSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { applyEdit, type TaskEdit } from '../plan/edits.js';
import type { Plan, Task } from '../plan/types.js';
import type { Column } from '../plan/view.js';
import { PlanError } from '../errors.js';
import { m } from '../messages.js';
import type { FileState } from './file-state.js';
import type { PlanSource } from './load.js';
import { planIndex, type PlanIndex } from './plan-index.js';

/** Plans smaller than this parse faster than the cache reads; they are not cached. */
export const CACHE_MIN_BYTES = 64 * 1024;

// Set by the build (bin/build.mjs) to a hash of the sources and schema; absent when running from src/.
declare const __PLAN_BUILD__: string | undefined;
const BUILD = typeof __PLAN_BUILD__ === 'string' ? __PLAN_BUILD__ : undefined;

// An entry is a stamp of STAMP bytes, `<build> <sha256 of the plan's bytes> <state or ->` padded
// with spaces to a line, then the body:
//   int32 × (4 + 7n + 1): MAGIC, n, header length, records length, then per task its id, period
//     and departments (indexes in the header's tables), 1 when it is done, its block's [start,
//     end) in the plan file, and where its record starts in the records (and where they end);
//   the header, JSON: { path, plan: the plan without tasks, periods: [...], departments: [[...], ...] };
//   the records, JSON: `[task0,task1,...]`, so that all parse at once and each alone; without
//     what the columns hold, or only the content's string (recordJson).
// The state is the plan file's (file-state.ts) when it is settled and known to hold those bytes.
// Int32s in the machine's byte order: MAGIC reads differently in the other one. The body has no
// checksum (hashing it meant loading node:crypto on every read): entries are written whole and
// renamed into place, their lengths are checked, and a record that does not parse is reported.
const MAGIC = 0x504c4e34;
const INTS = 4;
const STAMP = 256;

/** Where each column of an entry of n tasks starts among its int32s, and how many there are. */
function columns(n: number) {
  const at = (k: number) => INTS + k * n;
  return { id: at(0), period: at(1), departments: at(2), done: at(3), ranges: at(4), records: at(6), length: at(7) + 1 };
}

interface Header {
  /** The plan file's real path. */
  path: string;
  plan: Omit<Plan, 'tasks'>;
  periods: string[];
  departments: string[][];
}

/**
 * A plan read from a cache entry: tasks are parsed from their records when asked for. After
 * edits (withEdits), the edited tasks are at hand, the others still read from the entry read,
 * and the new entry is kept in parts for writing, never copied into one buffer.
 */
class CachedPlan implements PlanIndex {
  readonly count: number;
  readonly year: number;
  readonly ranges: Int32Array;
  private readonly at: ReturnType<typeof columns>;

  private constructor(
    /** This entry's int32s. */
    private readonly ints: Int32Array,
    private readonly head: Header,
    /** Where the records not edited are: the entry read (its file and body), where its records start, and their offsets there. */
    private readonly read: { entry: string; body: Buffer; recordsAt: number; offsets: Int32Array },
    /** This entry's body, as written. */
    readonly parts: readonly Buffer[],
    private readonly edited: ReadonlyMap<number, Task> = new Map(),
  ) {
    this.count = ints[1]!;
    this.at = columns(this.count);
    this.year = head.plan.year;
    this.ranges = ints.subarray(this.at.ranges, this.at.records);
  }

  /** The plan the body of the entry in file `entry` holds; throws when it is not an entry's. */
  static fromBody(entry: string, body: Buffer): CachedPlan {
    const [magic, n, headLength, recordsLength] = int32s(body, INTS) as unknown as [number, number, number, number];
    const at = columns(n);
    const intsLength = 4 * at.length;
    if (magic !== MAGIC || body.length !== intsLength + headLength + recordsLength) throw new Error('not a cache entry');
    const ints = int32s(body, at.length);
    const head = JSON.parse(body.toString('utf8', intsLength, intsLength + headLength)) as Header;
    head.departments.forEach(Object.freeze);
    return new CachedPlan(ints, head, { entry, body, recordsAt: intsLength + headLength, offsets: ints.subarray(at.records) }, [body]);
  }

  /** The real path of the plan file the entry is for. */
  get path(): string {
    return this.head.path;
  }
  id(i: number): number {
    return this.ints[this.at.id + i]!;
  }
  indexOf(id: number): number {
    return this.ints.subarray(this.at.id, this.at.period).indexOf(id);
  }
  get periods(): Column<string> {
    return { values: this.head.periods, of: this.ints.subarray(this.at.period, this.at.departments) };
  }
  get departments(): Column<readonly string[]> {
    return { values: this.head.departments, of: this.ints.subarray(this.at.departments, this.at.done) };
  }
  get done(): Int32Array {
    return this.ints.subarray(this.at.done, this.at.ranges);
  }
  task(i: number): Task {
    const edited = this.edited.get(i);
    if (edited) return edited;
    // Read anew when asked again, not kept: what a command no longer uses the GC need not move.
    const start = this.recordAt(i);
    const end = this.recordAt(i + 1) - 1;
    const { body } = this.read;
    if (body[start] === QUOTE) return this.filled(body.toString('utf8', start + 1, end - 1), i);
    return this.filled(this.parse(start, end) as Task, i);
  }

  /**
   * Task i from its record (or, for a task of nothing else, its content) with its id, period and
   * departments put in from the columns (shared between tasks).
   */
  private filled(record: Task | string, i: number): Task {
    const id = this.ints[this.at.id + i]!;
    const period = this.head.periods[this.ints[this.at.period + i]!]!;
    const departments = this.head.departments[this.ints[this.at.departments + i]!] as string[];
    if (typeof record === 'string') return { id, period, content: record, departments };
    record.id = id;
    record.period = period;
    record.departments = departments;
    return record;
  }
  plan(keep?: (i: number) => boolean): Plan {
    if (keep) {
      const tasks: Task[] = [];
      for (let i = 0; i < this.count; i++) if (keep(i)) tasks.push(this.task(i));
      return { ...this.head.plan, tasks };
    }
    const tasks = (this.parse(this.read.recordsAt, this.read.body.length) as (Task | string)[]).map((record, i) => this.filled(record, i));
    for (const [i, task] of this.edited) tasks[i] = task;
    return { ...this.head.plan, tasks };
  }

  /** The entry with the edited tasks' records replaced and the blocks at `ranges`. */
  withEdits(edits: readonly TaskEdit[], ranges: ArrayLike<number>): PlanIndex {
    if (this.edited.size) return planIndex(this.plan(), this.ranges).withEdits(edits, ranges);
    const edited = new Map<number, Task>();
    for (const e of edits) edited.set(e.index, applyEdit(edited.get(e.index) ?? this.task(e.index), e));
    const { body, recordsAt } = this.read;
    const ints = this.ints.slice();
    ints.set(ranges, this.at.ranges);
    const parts = [Buffer.from(ints.buffer, ints.byteOffset, ints.byteLength), body.subarray(4 * ints.length, recordsAt)];
    let at = recordsAt;
    for (const i of [...edited.keys()].sort((a, b) => a - b)) {
      const [start, end] = [this.recordAt(i), this.recordAt(i + 1) - 1];
      const record = Buffer.from(recordJson(edited.get(i)!));
      parts.push(body.subarray(at, start), record);
      at = end;
      ints[this.at.done + i] = edited.get(i)!.completed ? 1 : 0;
      const delta = record.length - (end - start);
      for (let k = this.at.records + i + 1; k < ints.length; k++) ints[k] = ints[k]! + delta;
      ints[3] = ints[3]! + delta; // the records' length
    }
    parts.push(body.subarray(at));
    return new CachedPlan(ints, this.head, this.read, parts, edited);
  }

  /** The JSON at [start, end) in the body read; a PlanError (the entry removed) when it does not parse. */
  private parse(start: number, end: number): unknown {
    try {
      return JSON.parse(this.read.body.toString('utf8', start, end));
    } catch {
      rmSync(this.read.entry, { force: true });
      throw new PlanError(m.cacheDamaged(this.read.entry));
    }
  }

  /** Where task i's record starts in the body read (it ends a comma before the next one starts). */
  private recordAt(i: number): number {
    return this.read.recordsAt + this.read.offsets[i]!;
  }
}

/** The first `count` int32s of a body, as a view when aligned (as read, it is), else a copy. */
function int32s(body: Buffer, count: number): Int32Array {
  if (body.length < 4 * count) throw new Error('not a cache entry');
  if (body.byteOffset % 4 === 0) return new Int32Array(body.buffer, body.byteOffset, count);
  return new Int32Array(body.buffer.slice(body.byteOffset, body.byteOffset + 4 * count));
}

/** The body of an entry for a plan parsed in full (in parts), its blocks at `ranges`; undefined for ids an int32 cannot hold. */
function encode(path: string, plan: Plan, ranges: ArrayLike<number>): Buffer[] | undefined {
  const { tasks, ...rest } = plan;
  if (tasks.some((t) => t.id !== (t.id | 0))) return undefined;
  const n = tasks.length;
  const at = columns(n);
  const ints = new Int32Array(at.length);
  const periods = new Map<string, number>();
  const departments = new Map<string, number>();
  const records: string[] = [];
  let offset = 1; // past '['
  tasks.forEach((t, i) => {
    const deps = JSON.stringify(t.departments);
    if (!periods.has(t.period)) periods.set(t.period, periods.size);
    if (!departments.has(deps)) departments.set(deps, departments.size);
    ints[at.id + i] = t.id;
    ints[at.period + i] = periods.get(t.period)!;
    ints[at.departments + i] = departments.get(deps)!;
    ints[at.done + i] = t.completed ? 1 : 0;
    const record = recordJson(t);
    ints[at.records + i] = offset;
    offset += Buffer.byteLength(record) + 1;
    records.push(record);
  });
  ints[at.records + n] = n ? offset : 2;
  ints.set(ranges, at.ranges);
  const head = Buffer.from(JSON.stringify({ path, plan: rest, periods: [...periods.keys()], departments: [...departments.keys()].map((d) => JSON.parse(d) as string[]) }));
  const body = Buffer.from(`[${records.join(',')}]`);
  ints.set([MAGIC, n, head.length, body.length]);
  return [Buffer.from(ints.buffer), head, body];
}

/**
 * A task's record: its JSON without what the columns hold (id, period and departments, each
 * left as a 0 in its place, so the task keeps its keys' order): a third less to read and decode.
 * A task of those and its content alone (most tasks of a plan, until done) is recorded as its
 * content's JSON string, when that needs no escapes: its bytes are then the content's UTF-8,
 * decoded without JSON.parse or any object but the task.
 */
function recordJson(task: Task): string {
  const content = JSON.stringify(task.content);
  if (content.length === task.content.length + 2 && Object.keys(task).join() === 'id,period,content,departments') return content;
  return JSON.stringify({ ...task, id: 0, period: 0, departments: 0 });
}

const QUOTE = 0x22;

/** Plan file bytes, whole or in parts. */
type Bytes = Uint8Array | readonly Uint8Array[];

/** Where the entry of a plan file is, and the file's real path; undefined when the cache is off. */
function entryOf(file: string): { path: string; real: string } | undefined {
  const env = process.env;
  if (!BUILD || env.PLAN_NO_CACHE) return undefined;
  const { homedir } = process.getBuiltinModule('node:os');
  const dir = env.PLAN_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'plan');
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    real = resolve(file);
  }
  return { path: join(dir, `${fnv1a(real, 0x811c9dc5)}${fnv1a(real, 0x050c5d1f)}.bin`), real };
}

/** A 32-bit FNV-1a hash of a string's UTF-16 code units, as 8 hex digits: names an entry (the entry holds the path itself). */
function fnv1a(s: string, seed: number): string {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

function sha256(parts: Bytes | string): string {
  // Loaded only to check or write an entry: node:crypto took 5.5 ms to load, more than hashing 1.3 MB.
  const hash = process.getBuiltinModule('node:crypto').createHash('sha256');
  for (const p of typeof parts === 'string' || parts instanceof Uint8Array ? [parts] : parts) hash.update(p);
  return hash.digest('hex');
}

/** An entry's stamp: the build, the hash of the plan's bytes, and the plan file's settled state (or -). */
function stamp(hash: string, state: FileState | undefined): Buffer {
  const line = `${BUILD} ${hash} ${state?.settled ? state.key : '-'}`;
  return Buffer.from(`${line.padEnd(STAMP - 1)}\n`, 'latin1');
}

/**
 * The cached plan for the bytes of this file, if there is one. While the file is in the state
 * the entry was stamped with, neither its bytes nor node:crypto are needed; otherwise its bytes
 * are read and hashed, and when they are the same, the entry is stamped with the new state.
 */
export function readCache(file: string, source: PlanSource): PlanIndex | undefined {
  const now = source.state;
  if (!now || now.size < CACHE_MIN_BYTES) return undefined;
  const entry = entryOf(file);
  if (!entry) return undefined;
  try {
    const raw = readFileSync(entry.path);
    const [build, hash, state] = raw.toString('latin1', 0, STAMP).trimEnd().split(' ');
    if (build !== BUILD || raw[STAMP - 1] !== 10) return undefined;
    if (state !== now.key) {
      if (sha256(source.bytes) !== hash) return undefined;
      const read = source.state;
      if (read?.settled) restamp(entry.path, stamp(hash!, read));
    }
    const plan = CachedPlan.fromBody(entry.path, raw.subarray(STAMP));
    return plan.path === entry.real ? plan : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a new stamp over an entry's. */
function restamp(path: string, line: Buffer): void {
  try {
    const fd = openSync(path, 'r+');
    try {
      writeSync(fd, line, 0, STAMP, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    // stamped again next time
  }
}

/** Remembers a valid plan for these bytes of this file; `state` is the file's, when known to hold these bytes. */
export function writeCache(file: string, bytes: Bytes, plan: PlanIndex, state?: FileState): void {
  const size = bytes instanceof Uint8Array ? bytes.length : bytes.reduce((n, p) => n + p.length, 0);
  const entry = size >= CACHE_MIN_BYTES ? entryOf(file) : undefined;
  if (!entry) return;
  try {
    const body = plan instanceof CachedPlan ? plan.parts : encode(entry.real, plan.plan(), plan.ranges);
    if (!body) return;
    mkdirSync(join(entry.path, '..'), { recursive: true });
    const temp = `${entry.path}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w');
    try {
      writevSync(fd, [stamp(sha256(bytes), state), ...body]);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, entry.path);
    // This file's entry as earlier builds named it.
    const legacy = join(entry.path, '..', sha256(entry.real).slice(0, 24));
    for (const old of [`${legacy}.bin`, `${legacy}.json`]) rmSync(old, { force: true });
  } catch {
    // no cache this time
  }
}
