// A cache of validated big plans, so that reading 10,000 tasks costs a few typed arrays and only
// the JSON of the tasks asked for, rather than a YAML parse and validation. Entries are keyed by
// the plan file's path and checked against a hash of its exact bytes and the tool's build, so a
// stale entry is never used. Best effort: any failure to read or write the cache only means
// parsing the file again.
import { closeSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, rmSync, writevSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { applyEdit, type TaskEdit } from '../plan/edits.js';
import type { Plan, Task } from '../plan/types.js';
import type { Column } from '../plan/view.js';
import { planIndex, type PlanIndex } from './plan-index.js';

/** Plans smaller than this parse faster than the cache reads; they are not cached. */
export const CACHE_MIN_BYTES = 64 * 1024;

// Set by the build (bin/build.mjs) to a hash of the sources and schema; absent when running from src/.
declare const __PLAN_BUILD__: string | undefined;
const BUILD = typeof __PLAN_BUILD__ === 'string' ? __PLAN_BUILD__ : undefined;

// An entry is a line `<build> <hash of the plan's bytes> <hash of the body>`, zero bytes up to a
// multiple of 4, and the body:
//   int32 × (4 + 7n + 1): MAGIC, n, header length, records length, then per task its id, period
//     and departments (indexes in the header's tables), 1 when it is done, its block's [start,
//     end) in the plan file, and where its record starts in the records (and where they end);
//   the header, JSON: { plan: the plan without tasks, periods: [...], departments: [[...], ...] };
//   the records, JSON: `[task0,task1,...]`, so that all parse at once and each alone.
// Int32s in the machine's byte order: MAGIC reads differently in the other one.
const MAGIC = 0x504c4e33;
const INTS = 4;

/** Where each column of an entry of n tasks starts among its int32s, and how many there are. */
function columns(n: number) {
  const at = (k: number) => INTS + k * n;
  return { id: at(0), period: at(1), departments: at(2), done: at(3), ranges: at(4), records: at(6), length: at(7) + 1 };
}

interface Header {
  plan: Omit<Plan, 'tasks'>;
  periods: string[];
  departments: string[][];
}

interface Entry {
  path: string;
  stamp: string;
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
    /** Where the records not edited are: a body read, where its records start, and their offsets there. */
    private readonly read: { body: Buffer; recordsAt: number; offsets: Int32Array },
    /** This entry's body, as written. */
    readonly parts: readonly Buffer[],
    private readonly edited: ReadonlyMap<number, Task> = new Map(),
  ) {
    this.count = ints[1]!;
    this.at = columns(this.count);
    this.year = head.plan.year;
    this.ranges = ints.subarray(this.at.ranges, this.at.records);
  }

  /** The plan an entry's body holds; throws when it is not an entry's. */
  static fromBody(body: Buffer): CachedPlan {
    const [magic, n, headLength, recordsLength] = int32s(body, INTS) as unknown as [number, number, number, number];
    const at = columns(n);
    const intsLength = 4 * at.length;
    if (magic !== MAGIC || body.length !== intsLength + headLength + recordsLength) throw new Error('not a cache entry');
    const ints = int32s(body, at.length);
    const head = JSON.parse(body.toString('utf8', intsLength, intsLength + headLength)) as Header;
    head.departments.forEach(Object.freeze);
    return new CachedPlan(ints, head, { body, recordsAt: intsLength + headLength, offsets: ints.subarray(at.records) }, [body]);
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
    // Parsed anew when asked again, not kept: what a command no longer uses the GC need not move.
    return this.edited.get(i) ?? (JSON.parse(this.read.body.toString('utf8', ...this.record(i))) as Task);
  }
  plan(keep?: (i: number) => boolean): Plan {
    if (keep) {
      const tasks: Task[] = [];
      for (let i = 0; i < this.count; i++) if (keep(i)) tasks.push(this.task(i));
      return { ...this.head.plan, tasks };
    }
    const tasks = JSON.parse(this.read.body.toString('utf8', this.read.recordsAt)) as Task[];
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
      const [start, end] = this.record(i);
      const record = Buffer.from(JSON.stringify(edited.get(i)));
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

  /** Where task i's record is in the body read. */
  private record(i: number): [number, number] {
    const { recordsAt, offsets } = this.read;
    return [recordsAt + offsets[i]!, recordsAt + offsets[i + 1]! - 1];
  }
}

/** The first `count` int32s of a body, as a view when aligned (as read, it is), else a copy. */
function int32s(body: Buffer, count: number): Int32Array {
  if (body.length < 4 * count) throw new Error('not a cache entry');
  if (body.byteOffset % 4 === 0) return new Int32Array(body.buffer, body.byteOffset, count);
  return new Int32Array(body.buffer.slice(body.byteOffset, body.byteOffset + 4 * count));
}

/** The body of an entry for a plan parsed in full (in parts), its blocks at `ranges`; undefined for ids an int32 cannot hold. */
function encode(plan: Plan, ranges: ArrayLike<number>): Buffer[] | undefined {
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
    const record = JSON.stringify(t);
    ints[at.records + i] = offset;
    offset += Buffer.byteLength(record) + 1;
    records.push(record);
  });
  ints[at.records + n] = n ? offset : 2;
  ints.set(ranges, at.ranges);
  const head = Buffer.from(JSON.stringify({ plan: rest, periods: [...periods.keys()], departments: [...departments.keys()].map((d) => JSON.parse(d) as string[]) }));
  const body = Buffer.from(`[${records.join(',')}]`);
  ints.set([MAGIC, n, head.length, body.length]);
  return [Buffer.from(ints.buffer), head, body];
}

/** Plan file bytes, whole or in parts. */
type Bytes = Uint8Array | readonly Uint8Array[];

function entryFor(file: string, bytes: Bytes): Entry | undefined {
  const env = process.env;
  const parts = bytes instanceof Uint8Array ? [bytes] : bytes;
  if (!BUILD || env.PLAN_NO_CACHE || parts.reduce((n, p) => n + p.length, 0) < CACHE_MIN_BYTES) return undefined;
  // Loaded here, for big plans only: node:crypto alone took 3.5 ms of a 140 ms run.
  const { homedir } = process.getBuiltinModule('node:os');
  const dir = env.PLAN_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'plan');
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    real = resolve(file);
  }
  // The bytes, not the decoded text: hashing 1.3 MB took 0.8 ms, the text's 6 ms.
  return { path: join(dir, `${sha256([real]).slice(0, 24)}.bin`), stamp: `${BUILD} ${sha256(parts)}` };
}

function sha256(parts: readonly (string | Uint8Array)[]): string {
  const hash = process.getBuiltinModule('node:crypto').createHash('sha256');
  for (const p of parts) hash.update(p);
  return hash.digest('hex');
}

/** The cached plan for exactly these bytes of this file, if there is one. */
export function readCache(file: string, bytes: Bytes): PlanIndex | undefined {
  const entry = entryFor(file, bytes);
  if (!entry) return undefined;
  try {
    const raw = readFileSync(entry.path);
    const nl = raw.indexOf(10);
    const [build, hash, bodyHash] = raw.toString('latin1', 0, nl).split(' ');
    if (`${build} ${hash}` !== entry.stamp) return undefined;
    const body = raw.subarray((nl + 4) & ~3);
    // The whole body is checked: tasks are parsed later, when a damaged record could no longer be ignored.
    if (sha256([body]) !== bodyHash) return undefined;
    return CachedPlan.fromBody(body);
  } catch {
    return undefined;
  }
}

/** Remembers a valid plan for these bytes of this file. */
export function writeCache(file: string, bytes: Bytes, plan: PlanIndex): void {
  const entry = entryFor(file, bytes);
  if (!entry) return;
  try {
    const body = plan instanceof CachedPlan ? plan.parts : encode(plan.plan(), plan.ranges);
    if (!body) return;
    const line = Buffer.from(`${entry.stamp} ${sha256(body)}\n`);
    const head = Buffer.alloc((line.length + 3) & ~3);
    line.copy(head);
    mkdirSync(join(entry.path, '..'), { recursive: true });
    const temp = `${entry.path}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w');
    try {
      writevSync(fd, [head, ...body]);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, entry.path);
    rmSync(entry.path.replace(/\.bin$/, '.json'), { force: true }); // this file's entry as earlier builds wrote it
  } catch {
    // no cache this time
  }
}
