import { isDeepStrictEqual } from 'node:util';
import { isPlanError, PlanError } from '../errors.js';
import { m } from '../messages.js';
import { applyChange, isRecordEdit, type Change, type Edit, type ListEdit, type TaskEdit } from '../plan/edits.js';
import type { Plan, Task } from '../plan/types.js';
import { semanticProblems } from '../plan/validate.js';
import { writeFileAtomic } from './atomic.js';
import { lineBreak, newTaskRows, shiftRanges, spliceEdits, UneditableError, type Splice } from './edit.js';
import { fastParseTask, shiftSpan, type TaskSpan } from './fast-yaml.js';
import { checkPlanText, loadPlan, readPlanSource, type LoadedPlan, type PlanSource } from './load.js';
import { acquireLock } from './lock.js';
import { matchesSchema } from './schema.js';

/** An update made: the plan's year, each edited task as it now is (a removed one as it was), in the order of the edits, and the plan after. */
export interface Update {
  year: number;
  tasks: Task[];
  plan: Plan;
  /** What went wrong after the write (`afterWrite`): the file is written all the same. */
  afterError?: PlanError;
}

/**
 * What a caller around the commands may add to every write (`plan serve`: the version of the
 * task the user saw, checked under the lock; the update made, to answer with). Unset for the CLI.
 */
export interface WriteHooks {
  /** Runs on the plan as read under the lock, before the change is decided; throws to refuse. */
  before?: (plan: Plan) => void;
  /** Runs on each update made, once the file is written. */
  after?: (update: Update) => void;
}

/**
 * Where the hooks are kept: on the global object under a registered symbol, since each command's
 * bundle (dist/*.cjs) has its own copy of this module, and the server's is not the command's.
 */
const HOOKS = Symbol.for('plan.writeHooks');
type FindHooks = () => WriteHooks | undefined;

/** Sets where updatePlanFile finds the hooks of the write in progress (called once, by plan serve). */
export function setWriteHooks(find: FindHooks): void {
  (globalThis as { [HOOKS]?: FindHooks })[HOOKS] = find;
}

/** A plan file's bytes with the change spliced in, and each edited task's block as text. */
interface Spliced {
  /** The new file, in parts (not copied into one buffer). */
  parts: Buffer[];
  /** Each edited task's block from the start of its first line, with where the task starts in it. */
  blocks: { index: number; text: string; start: number }[];
  /** Each new task's lines, with the task. */
  inserted: { text: string; task: Task }[];
}

/** Bytes put in place of [start, end) of the file. */
interface ByteSplice {
  start: number;
  end: number;
  bytes: Buffer;
}

/**
 * Changes a plan file safely: under its lock, reads and validates it, asks `decide` for the
 * change (it may throw a PlanError: then nothing is written), splices it into the file (edits
 * into their tasks' blocks; a new task between blocks; the rest of the file is not even
 * decoded), checks that the new text reads back as exactly the intended plan, and replaces the
 * file atomically. `afterWrite` runs once the file is written, still under the lock.
 */
export async function updatePlanFile(
  file: string,
  decide: (plan: Plan) => Change | Edit[] | Promise<Change | Edit[]>,
  opts: { afterWrite?: (update: Update) => Promise<void> } = {},
): Promise<Update> {
  const lock = await acquireLock(file);
  try {
    const source = readPlanSource(file, { now: true });
    const before = await loadPlan(file, source);
    const hook = (globalThis as { [HOOKS]?: FindHooks })[HOOKS]?.();
    hook?.before?.(before.plan);
    const decided = await decide(before.plan);
    const change = Array.isArray(decided) ? { edits: decided } : decided;
    if (!change.edits.length && !change.register?.length) return { year: before.plan.year, tasks: [], plan: before.plan };

    const after = applyChange(before.plan, change);
    const next = await spliceFile(file, source, before, change);
    if (!(await readsBackAs(file, next, change, after, source.bom))) {
      throw new PlanError(`${file}: ${m.cannotEdit('the edited text does not read back as intended')}`);
    }
    try {
      writeFileAtomic(file, next.parts);
    } catch (e) {
      throw new PlanError(`${file}: ${m.writeFailed(m.fsReason((e as NodeJS.ErrnoException).code, (e as Error).message))}`);
    }
    const update: Update = { year: after.year, tasks: change.edits.map((e) => editedTask(before.plan, after, e)), plan: after };
    hook?.after?.(update);
    // Still under the lock, so that what is committed is this write (`--commit`).
    try {
      await opts.afterWrite?.(update);
    } catch (e) {
      if (!isPlanError(e)) throw e;
      update.afterError = e;
    }
    return update;
  } finally {
    lock.release();
  }
}

function editedTask(before: Plan, after: Plan, e: Edit): Task {
  if (e.op === 'remove') return before.tasks[e.index]!;
  if (e.op === 'insert') return e.task;
  const { id } = before.tasks[e.index]!;
  return after.tasks.find((t) => t.id === id)!;
}

const isListEdit = (e: Edit): e is ListEdit => e.op === 'insert' || e.op === 'remove';

/**
 * The file with the change spliced in. Each edited block is read alone to find its keys; a
 * layout the fast reader gives up on (such as a flow mapping) is located by `yaml`.
 */
async function spliceFile(file: string, source: PlanSource, plan: LoadedPlan, change: Change): Promise<Spliced> {
  const { bytes } = source;
  const eol = lineBreak(bytes.toString('latin1', 0, bytes.indexOf(10) + 1));
  const byTask = new Map<number, TaskEdit[]>();
  for (const e of change.edits) if (!isListEdit(e)) byTask.set(e.index, [...(byTask.get(e.index) ?? []), e]);
  const { ranges } = plan;
  let yamlSpans: TaskSpan[] | undefined;
  /** A task's block text from the start of its first line, and its keys' spans in that text. */
  const blockOf = async (index: number) => {
    const [start, end] = [ranges[2 * index]!, ranges[2 * index + 1]!];
    const from = bytes.lastIndexOf(10, start - 1) + 1;
    const text = bytes.toString('utf8', from, end);
    const offset = bytes.toString('utf8', from, start).length;
    let span = fastParseTask(text, offset, text.length)?.span;
    if (!span) {
      yamlSpans ??= (await import('./yaml-check.js')).taskSpansOf(source.text);
      const whole = yamlSpans[index];
      span = whole && shiftSpan(whole, -bytes.toString('utf8', source.bom ? 3 : 0, from).length);
    }
    if (!span) throw new PlanError(`${file}: ${m.cannotEdit(`task ${index} is not a mapping`)}`);
    return { from, end, text, offset, span };
  };

  const splices: ByteSplice[] = [];
  const blocks: Spliced['blocks'] = [];
  const inserted: Spliced['inserted'] = [];
  for (const index of [...byTask.keys()].sort((a, b) => a - b)) {
    const { from, end, text, offset, span } = await blockOf(index);
    let spliced: { text: string; splices: Splice[] };
    try {
      spliced = spliceEdits(text, () => span, byTask.get(index)!, eol);
    } catch (e) {
      if (e instanceof UneditableError) throw new PlanError(`${file}: ${m.cannotEdit(e.message)}`);
      throw e;
    }
    const [newStart] = shiftRanges(spliced.splices, [offset]) as [number];
    splices.push({ start: from, end, bytes: Buffer.from(spliced.text) });
    blocks.push({ index, text: spliced.text, start: newStart });
  }

  const count = plan.plan.tasks.length;
  for (const e of change.edits.filter(isListEdit)) {
    if (e.op === 'remove') {
      splices.push(count === 1 ? await emptyTaskList(source) : removal(bytes, ranges[2 * e.index]!, ranges[2 * e.index + 1]!, eol));
      continue;
    }
    if (count === 0) {
      const rows = newTaskRows(e.task, undefined);
      inserted.push({ text: `${rows.join('\n')}\n`, task: e.task });
      splices.push(await firstTask(source, rows, eol));
      continue;
    }
    const like = await blockOf(Math.max(e.index, 0));
    const rows = newTaskRows(e.task, { text: like.text, span: like.span });
    inserted.push({ text: `${rows.join('\n')}\n`, task: e.task });
    const gap = tasksSeparatedByBlankLines(bytes, ranges) ? eol : '';
    splices.push(insertion(bytes, e.index < 0 ? like.from : lineEndAt(bytes, like.end), e.index < 0, rows, gap, eol));
  }
  if (change.register?.length) {
    // The header ends where the first task's line starts (as text, without the byte-order mark).
    const first = count ? bytes.toString('utf8', source.bom ? 3 : 0, bytes.lastIndexOf(10, ranges[0]! - 1) + 1).length : undefined;
    splices.push(await registration(source, change.register, eol, first));
  }

  splices.sort((a, b) => a.start - b.start);
  const parts: Buffer[] = [];
  let at = 0;
  for (const s of splices) {
    parts.push(bytes.subarray(at, s.start), s.bytes);
    at = s.end;
  }
  parts.push(bytes.subarray(at));
  return { parts, blocks, inserted };
}

/** Whether the file puts a blank line between tasks (as SPEC's layout does): the first gap between two tasks says; one task, yes. */
function tasksSeparatedByBlankLines(bytes: Buffer, ranges: readonly number[]): boolean {
  if (ranges.length < 4) return true;
  const gap = bytes.toString('utf8', lineEndAt(bytes, ranges[1]!), bytes.lastIndexOf(10, ranges[2]! - 1) + 1);
  return gap.split('\n').slice(0, -1).some((line) => /^[ \t]*\r?$/.test(line));
}

/** Just past the line break that ends the line `at` is on, unless `at` starts a line (a flow mapping's range ends at its brace). */
function lineEndAt(bytes: Buffer, at: number): number {
  if (at === 0 || at >= bytes.length || bytes[at - 1] === 10) return at;
  const nl = bytes.indexOf(10, at);
  return nl < 0 ? bytes.length : nl + 1;
}

/** A new task's lines put before (`before`) or after a task's block at `at`, with the gap the file leaves between tasks. */
function insertion(bytes: Buffer, at: number, before: boolean, rows: string[], gap: string, eol: string): ByteSplice {
  const block = rows.join(eol);
  if (before) return { start: at, end: at, bytes: Buffer.from(`${block}${eol}${gap}`) };
  // After the last line of a file without a final line break, none is added.
  const text = at === bytes.length && bytes[at - 1] !== 10 ? `${eol}${gap}${block}` : `${gap}${block}${eol}`;
  return { start: at, end: at, bytes: Buffer.from(text) };
}

/** A task's block [start, end) removed with one blank line that separates it from its neighbours, so that removing what was inserted gives back the file. */
function removal(bytes: Buffer, start: number, end: number, eol: string): ByteSplice {
  let from = bytes.lastIndexOf(10, start - 1) + 1;
  let to = lineEndAt(bytes, end);
  const previousLine = bytes.lastIndexOf(10, from - 2) + 1;
  const blank = (a: number, b: number) => b > a && /^[ \t]*\r?\n?$/.test(bytes.toString('latin1', a, b));
  if (from > 0 && blank(previousLine, from)) from = previousLine;
  else {
    const next = bytes.indexOf(10, to);
    if (next >= 0 && blank(to, next + 1)) to = next + 1;
  }
  if (to === bytes.length && bytes[to - 1] !== 10) from = Math.max(0, from - eol.length);
  return { start: from, end: to, bytes: Buffer.alloc(0) };
}

/** Byte offset of a text offset (the text has no byte-order mark; the file may). */
const byteAt = (source: PlanSource, offset: number) => Buffer.byteLength(source.text.slice(0, offset)) + (source.bom ? 3 : 0);

/**
 * A top-level pair of the text, read with `yaml` (rare cases only: an empty task list, the
 * registry), from the text before `end` when given: the header before the first task, so that a
 * big plan is not parsed whole.
 */
async function topLevel(source: PlanSource, key: string, end?: number) {
  const { parseDocument, isMap, isPair } = await import('yaml');
  const doc = parseDocument(end === undefined ? source.text : source.text.slice(0, end));
  if (!isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((p) => isPair(p) && (p.key as { value?: unknown }).value === key);
  return pair as { key: { range: [number, number, number] }; value: { range: [number, number, number]; flow?: boolean; items?: { range: [number, number, number] }[] } | null } | undefined;
}

/** `tasks: []` made a block list of its first task. */
async function firstTask(source: PlanSource, rows: string[], eol: string): Promise<ByteSplice> {
  const pair = await topLevel(source, 'tasks');
  if (!pair?.value?.flow) throw new PlanError(m.cannotEdit('tasks is not a list'));
  const keyEnd = source.text.indexOf(':', pair.key.range[1]) + 1;
  return { start: byteAt(source, keyEnd), end: byteAt(source, pair.value.range[1]), bytes: Buffer.from(`${eol}${rows.join(eol)}`) };
}

/** The only task's block replaced by `tasks: []`. */
async function emptyTaskList(source: PlanSource): Promise<ByteSplice> {
  const pair = await topLevel(source, 'tasks');
  if (!pair?.value) throw new PlanError(m.cannotEdit('tasks is not a list'));
  const keyEnd = source.text.indexOf(':', pair.key.range[1]) + 1;
  let end = pair.value.range[1];
  while (end > keyEnd && /\s/.test(source.text[end - 1]!)) end--;
  return { start: byteAt(source, keyEnd), end: byteAt(source, end), bytes: Buffer.from(' []') };
}

/** Units added at the end of the registry, in its own style. */
async function registration(source: PlanSource, names: readonly string[], eol: string, header: number | undefined): Promise<ByteSplice> {
  const { yamlFlowScalar, yamlScalar } = await import('./yaml-text.js');
  const pair = (header !== undefined && (await topLevel(source, 'departments', header))) || (await topLevel(source, 'departments'));
  const seq = pair?.value;
  if (!seq?.items) throw new PlanError(m.cannotEdit('departments is not a list'));
  const { text } = source;
  if (seq.flow) {
    const close = text.lastIndexOf(']', seq.range[1]);
    const added = names.map(yamlFlowScalar).join(', ');
    return { start: byteAt(source, close), end: byteAt(source, close), bytes: Buffer.from(seq.items.length ? `, ${added}` : added) };
  }
  const first = seq.items[0]!.range[0];
  const prefix = text.slice(text.lastIndexOf('\n', first - 1) + 1, first);
  const lastItem = seq.items[seq.items.length - 1]!.range[1];
  const nl = text.indexOf('\n', Math.max(lastItem - 1, 0));
  const at = nl < 0 ? text.length : nl + 1;
  const rows = names.map((n) => `${prefix}${yamlScalar(n)}`);
  return { start: byteAt(source, at), end: byteAt(source, at), bytes: Buffer.from(nl < 0 ? `${eol}${rows.join(eol)}` : rows.map((r) => r + eol).join('')) };
}

/**
 * Whether the edited file means exactly `after`. Each edit stays inside its task's block and each
 * new task is a block of its own, so it is enough that each edited block and each new one, read
 * alone, is the intended task, and that the plan after is valid (checked in memory, not parsed
 * again). When that cannot be shown (a layout the fast reader gives up on), or the header changed
 * (the registry), the whole new text is read and compared instead.
 */
async function readsBackAs(file: string, next: Spliced, change: Change, after: Plan, bom: boolean): Promise<boolean> {
  const mixed = change.edits.some(isListEdit) && change.edits.some((e) => !isListEdit(e)); // indexes in `after` moved
  const local =
    !change.register?.length &&
    !mixed &&
    next.blocks.every((b) => {
      const read = fastParseTask(b.text, b.start, b.text.length);
      return read !== undefined && isDeepStrictEqual(read.task, after.tasks[b.index]);
    }) &&
    next.inserted.every((n) => {
      const read = fastParseTask(n.text, /^ *- +/.exec(n.text)?.[0].length ?? 0, n.text.length);
      return read !== undefined && isDeepStrictEqual(read.task, n.task);
    });
  if (!local) {
    const reread = await checkPlanText(file, Buffer.concat(next.parts).toString('utf8', bom ? 3 : 0));
    return reread.plan !== undefined && isDeepStrictEqual(reread.plan, after);
  }
  // Records change no id, time or unit, which the checks across tasks use: the edited tasks are
  // checked in a plan of their own. Other changes are checked with the whole plan.
  const checked = change.edits.every(isRecordEdit) ? { ...after, tasks: next.blocks.map((b) => after.tasks[b.index]!) } : after;
  return matchesSchema(checked) && semanticProblems(checked).length === 0;
}
