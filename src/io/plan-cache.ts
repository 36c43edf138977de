// A cache of big plans' tasks by the text of their blocks. Reading a plan then parses and
// validates only the tasks whose block text is not in the entry of the file's last read: none
// when the file is as it was, a handful after a `git pull` or an edit. The header and whatever
// follows the tasks must read as before (their text is compared), else the whole file is read.
// Best effort: an entry that cannot be read or written only means reading the whole file.
import { mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Plan, Task } from '../plan/types.js';
import { semanticProblems } from '../plan/validate.js';
import { fastParseTask } from './fast-yaml.js';
import { matchesSchema } from './schema.js';

// Set by the build (bin/build.mjs) to a hash of the sources and schema; absent when running from src/.
declare const __PLAN_BUILD__: string | undefined;
const BUILD = typeof __PLAN_BUILD__ === 'string' ? __PLAN_BUILD__ : 'source';

/** How many tasks may have changed since the entry was written before it is written anew (see readCached). */
const REWRITE_AFTER = 16;

/** A plan's text cut around its tasks: the text before them, each task's block (blank and comment lines after it included), the text after. */
export interface Split {
  head: string;
  blocks: string[];
  /** Where each block starts in the text. */
  offsets: number[];
  tail: string;
}

/** A plan read before, kept so that a text close to it reads through it (readAgainst). */
export interface Known {
  head: string;
  tail: string;
  plan: Omit<Plan, 'tasks'>;
  tasks: Task[];
  /** Each task's [start, end) in its block, as the reader locates a task (TaskSpan), flat. */
  spans: number[];
  /** Each block's length. */
  lengths: number[];
  blocks: string[];
}

/**
 * What an entry keeps of a plan read. On disk: this as JSON on the first line (without
 * `blocks`), then the text of the blocks, joined, as it is (no JSON escapes to undo).
 */
interface Entry extends Known {
  build: string;
  path: string;
}

/** A plan read with the cache: the plan, and each task's [start, end) in the text. */
export interface CachedRead {
  plan: Plan;
  ranges: number[];
}

/**
 * The text cut around its tasks, when they are a block sequence under a top-level `tasks:`
 * key whose items each start with `- ` at one indentation, and are followed by the last
 * `tailLength` characters (what the plan has after its tasks, such as other keys); undefined
 * for any other layout. Items are found with indexOf (native) rather than by a loop over the
 * lines, or a regular expression over the whole text (V8 runs a regular expression's first
 * search in its bytecode interpreter). Lines inside a block are not looked at: a block read from
 * the entry is as it was when the whole plan was read, and a block read anew is checked
 * (blockIsItem).
 */
export function splitTasks(text: string, tailLength: number): Split | undefined {
  const stop = text.length - tailLength;
  if (stop < 0 || (stop > 0 && stop < text.length && text.charCodeAt(stop - 1) !== 0x0a) || !isSimple(text)) return undefined;
  const key = text.startsWith('tasks:') ? 0 : text.indexOf('\ntasks:') + 1;
  if (key === 0 && !text.startsWith('tasks:')) return undefined; // no tasks key
  if (text.indexOf('\ntasks:', key) >= 0) return undefined; // a second one: not a plan's layout
  const keyLineEnd = text.indexOf('\n', key);
  if (keyLineEnd < 0 || keyLineEnd >= stop || !/^tasks: *(?:#.*)?\r?$/.test(text.slice(key, keyLineEnd))) return undefined;
  // The first item: the first line after the key that is neither blank nor a comment.
  let first = keyLineEnd + 1;
  let indent = 0;
  for (;;) {
    if (first >= stop) return undefined;
    indent = 0;
    while (text.charCodeAt(first + indent) === 0x20) indent++;
    const c = text.charCodeAt(first + indent);
    if (c !== 0x0a && c !== 0x0d && c !== 0x23) break;
    first = text.indexOf('\n', first) + 1;
    if (first === 0) return undefined;
  }
  if (!isItem(text, first + indent)) return undefined;
  const dash = `\n${' '.repeat(indent)}- `;
  const offsets = [first];
  for (let at = text.indexOf(dash, first); at >= 0 && at < stop; at = text.indexOf(dash, at + 1)) offsets.push(at + 1);
  // Blank and comment lines go with the item above them (those before the first, with the head).
  const blocks = offsets.map((o, i) => text.slice(o, offsets[i + 1] ?? stop));
  return { head: text.slice(0, first), blocks, offsets, tail: text.slice(stop) };
}

/** Where what follows a plan's tasks starts: the first line after the last task that is neither blank nor a comment. */
function tailStart(text: string, lastTaskEnd: number): number {
  let at = lastTaskEnd > 0 && text.charCodeAt(lastTaskEnd - 1) !== 0x0a ? text.indexOf('\n', lastTaskEnd) + 1 || text.length : lastTaskEnd;
  while (at < text.length && !endsSequence(text, at, Infinity)) at = text.indexOf('\n', at) + 1 || text.length;
  return at;
}

/** Not what the fast reader gives up on at once (fast-yaml.ts): tabs, NUL, U+2028/9, a BOM inside, a bare CR. */
function isSimple(text: string): boolean {
  if (text.includes('\t') || text.includes('\0') || text.includes('\u2028') || text.includes('\u2029') || text.includes('\ufeff')) return false;
  for (let cr = text.indexOf('\r'); cr >= 0; cr = text.indexOf('\r', cr + 1)) if (text.charCodeAt(cr + 1) !== 0x0a) return false;
  return true;
}

/** A `-` at `at` that opens an item on its line: `- `. */
function isItem(text: string, at: number): boolean {
  return text.charCodeAt(at) === 0x2d && text.charCodeAt(at + 1) === 0x20;
}

/** Whether the line starting at `at` has content at most `indent` deep (blank and comment lines have none). */
function endsSequence(text: string, at: number, indent: number): boolean {
  let i = at;
  while (text.charCodeAt(i) === 0x20) i++;
  const c = text.charCodeAt(i);
  if (c === 0x0a || c === 0x0d || c === 0x23 || i >= text.length) return false;
  return i - at <= indent;
}

/** A block read anew is one item: after its first line, every line is blank, a comment, or deeper than its dash. */
function blockIsItem(block: string, indent: number): boolean {
  for (let at = block.indexOf('\n') + 1; at > 0 && at < block.length; at = block.indexOf('\n', at) + 1) if (endsSequence(block, at, indent)) return false;
  return true;
}

/** The cache directory: $PLAN_CACHE_DIR, else $XDG_CACHE_HOME/plan, else ~/.cache/plan; none with PLAN_NO_CACHE=1. */
function cacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env.PLAN_NO_CACHE === '1') return undefined;
  if (env.PLAN_CACHE_DIR) return env.PLAN_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'plan');
}

/** The entry file of a plan file's real path (FNV-1a of the path: a name, not a check; the path is stored and compared). */
function entryFile(dir: string, path: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193) >>> 0;
  return join(dir, `${h.toString(16).padStart(8, '0')}.json`);
}

/**
 * The plan in `text` (of `file`) read through the cache: the tasks whose blocks the entry holds
 * as they were, the others parsed and checked alone, and every id checked to be unique.
 * Undefined when the cache cannot answer (no entry, another header, a block or a plan that is
 * not simple or not valid): the caller reads the whole text, and may then `remember` it.
 */
export function readCached(file: string, text: string, env: NodeJS.ProcessEnv): CachedRead | undefined {
  const dir = cacheDir(env);
  if (!dir) return undefined;
  const path = realPath(file);
  const entry = readEntry(entryFile(dir, path));
  if (!entry || entry.build !== BUILD || entry.path !== path) return undefined;
  const read = readAgainst(text, entry);
  if (!read) return undefined;
  // A few tasks read anew cost less than rewriting the entry (all the plan's text), so it
  // is rewritten only once many have changed since it was written.
  if (read.changed > Math.max(REWRITE_AFTER, read.plan.tasks.length / 20)) writeEntry(dir, { ...entry, ...read.known });
  return read;
}

/**
 * The plan in `text` read through a plan read before: the tasks whose blocks are as they were
 * taken from it, the others parsed and checked alone, and every id checked to be unique; with
 * what to keep of this read for the next. Undefined when the earlier read cannot answer
 * (another header or tail, a block or a plan that is not simple or not valid).
 */
export function readAgainst(text: string, before: Known): (CachedRead & { known: Known; changed: number }) | undefined {
  if (!text.endsWith(before.tail)) return undefined;
  const split = splitTasks(text, before.tail.length);
  if (!split || before.head !== split.head) return undefined;
  // Most blocks are where they were; one that is not, between two that are, is an edited block.
  // Only blocks moved (inserted, removed, reordered) are looked up by their text.
  let known: Map<string, number> | undefined;
  const index = () => (known ??= new Map(before.blocks.map((b, i) => [b, i])));
  const { blocks } = split;
  const tasks: Task[] = [];
  const spans: number[] = [];
  const changed: Task[] = [];
  for (const [k, block] of blocks.entries()) {
    const inPlace = before.blocks[k] === block;
    const edited = !inPlace && (k + 1 === blocks.length ? blocks.length === before.blocks.length : before.blocks[k + 1] === blocks[k + 1]);
    const i = inPlace ? k : edited ? undefined : index().get(block);
    if (i !== undefined) {
      tasks.push(before.tasks[i]!);
      spans.push(before.spans[2 * i]!, before.spans[2 * i + 1]!);
      continue;
    }
    const read = blockIsItem(block, block.indexOf('-')) ? fastParseTask(block, firstKey(block), block.length) : undefined;
    if (!read) return undefined;
    tasks.push(read.task as Task);
    changed.push(read.task as Task);
    spans.push(read.span.start, read.span.end);
  }
  // The tasks read now are checked in a plan of their own (the header is as it was, and so are
  // the other tasks); across tasks, ids must be unique (also when a block was copied as it is).
  if (changed.length) {
    const alone = { ...before.plan, tasks: changed };
    if (!matchesSchema(alone) || semanticProblems(alone).length) return undefined;
  }
  const moved = known !== undefined || blocks.length !== before.blocks.length;
  if ((changed.length || moved) && new Set(tasks.map((t) => t.id)).size !== tasks.length) return undefined;
  const plan = { ...before.plan, tasks } as Plan;
  return {
    plan,
    ranges: spans.map((s, k) => split.offsets[k >> 1]! + s),
    known: { head: before.head, tail: before.tail, plan: before.plan, tasks, spans, lengths: split.blocks.map((b) => b.length), blocks: split.blocks },
    changed: changed.length,
  };
}

/** Keeps a plan just read in full (valid, its tasks at `ranges` in `text`) for the next read. */
export function remember(file: string, text: string, plan: Plan, ranges: readonly number[], env: NodeJS.ProcessEnv): void {
  const dir = cacheDir(env);
  const known = dir && knownOf(text, plan, ranges);
  if (dir && known) writeEntry(dir, { build: BUILD, path: realPath(file), ...known });
}

/** What to keep of a plan read in full (valid, its tasks at `ranges` in `text`); undefined when its layout is not one readAgainst reads. */
export function knownOf(text: string, plan: Plan, ranges: readonly number[]): Known | undefined {
  const n = plan.tasks.length;
  const split = n ? splitTasks(text, text.length - tailStart(text, ranges[2 * n - 1]!)) : undefined;
  if (!split || split.blocks.length !== n) return undefined;
  const spans = split.offsets.flatMap((o, i) => [ranges[2 * i]! - o, ranges[2 * i + 1]! - o]);
  // A task's block must hold the task (it would not if the tasks were laid out otherwise).
  if (spans.some((s, k) => s < 0 || s > split.blocks[k >> 1]!.length)) return undefined;
  const { tasks, ...header } = plan;
  return { head: split.head, tail: split.tail, plan: header, tasks, spans, lengths: split.blocks.map((b) => b.length), blocks: split.blocks };
}

/** Where a block's task starts: its first key, after the `- `. */
function firstKey(block: string): number {
  let i = block.indexOf('-') + 1;
  while (block.charCodeAt(i) === 0x20) i++;
  return i;
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
}

function readEntry(file: string): Entry | undefined {
  try {
    const data = readFileSync(file, 'utf8');
    const nl = data.indexOf('\n');
    const entry = JSON.parse(data.slice(0, nl)) as Entry;
    const { tasks, spans, lengths } = entry;
    if (!Array.isArray(tasks) || !Array.isArray(lengths) || !Array.isArray(spans) || lengths.length !== tasks.length || spans.length !== 2 * tasks.length) return undefined;
    let at = nl + 1;
    entry.blocks = lengths.map((n) => data.slice(at, (at += n)));
    return at === data.length ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** Writes an entry whole, then renames it into place: a reader sees the old entry or the new one. */
function writeEntry(dir: string, entry: Entry): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = entryFile(dir, entry.path);
    const temp = `${file}.${process.pid}.tmp`;
    const { blocks, ...meta } = entry;
    writeFileSync(temp, `${JSON.stringify(meta)}\n${blocks.join('')}`, { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    // best effort
  }
}
