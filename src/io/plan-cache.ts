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

/** A plan's text cut around its tasks: the text before them, each task's block (blank and comment lines after it included), the text after. */
export interface Split {
  head: string;
  blocks: string[];
  /** Where each block starts in the text. */
  offsets: number[];
  tail: string;
}

/**
 * What an entry keeps of a plan read. On disk: this as JSON on the first line (without
 * `blocks`), then the text of the blocks, joined, as it is (no JSON escapes to undo).
 */
interface Entry {
  build: string;
  path: string;
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

/** A plan read with the cache: the plan, and each task's [start, end) in the text. */
export interface CachedRead {
  plan: Plan;
  ranges: number[];
}

// A top-level `tasks:` line with nothing after the key (its items on the lines below).
const TASKS_KEY = /^tasks:[ ]*(?:#.*)?\r?$/gm;
/** How many tasks may have changed since the entry was written before it is written anew (see readCached). */
const REWRITE_AFTER = 16;
// The first line after `tasks:` that is neither blank nor a comment: its indentation, its first character.
const FIRST_CONTENT = /^( *)([^ \r\n#])/gm;
// What the fast reader never reads (fast-yaml.ts): such a text is not cut either.
const NOT_SIMPLE = /[\t\0\u2028\u2029\ufeff]|\r(?!\n)/;

/**
 * The text cut around its tasks, when they are a block sequence under a top-level `tasks:`
 * key whose items each start with `- ` at one indentation; undefined for any other layout.
 * Lines are found by regular expressions (native) rather than by a loop over them.
 */
export function splitTasks(text: string): Split | undefined {
  TASKS_KEY.lastIndex = 0;
  const key = TASKS_KEY.exec(text);
  if (!key || TASKS_KEY.exec(text) || NOT_SIMPLE.test(text)) return undefined;
  FIRST_CONTENT.lastIndex = key.index + key[0].length;
  const first = FIRST_CONTENT.exec(text);
  if (!first || first[2] !== '-' || !/^-(?:[ \r\n]|$)/.test(text.slice(first.index + first[1]!.length, first.index + first[1]!.length + 2))) return undefined;
  const indent = first[1]!.length;
  // The sequence ends at the first line that is neither blank, nor a comment, nor deeper than its
  // dashes, nor another item.
  const end = new RegExp(indent ? `^(?: {0,${indent - 1}}[^\\s#]| {${indent}}(?:[^\\s#-]|-\\S))` : '^(?:[^\\s#-]|-\\S)', 'gm');
  end.lastIndex = first.index;
  const stop = end.exec(text)?.index ?? text.length;
  const item = new RegExp(`^ {${indent}}-(?:[ \\r\\n]|$)`, 'gm');
  item.lastIndex = first.index;
  const offsets: number[] = [];
  for (let m = item.exec(text); m && m.index < stop; m = item.exec(text)) offsets.push(m.index);
  // Blank and comment lines go with the item above them (those before the first, with the head).
  const blocks = offsets.map((o, i) => text.slice(o, offsets[i + 1] ?? stop));
  return { head: text.slice(0, first.index), blocks, offsets, tail: text.slice(stop) };
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
 * as they were, the others parsed and checked alone, the whole plan checked across its tasks.
 * Undefined when the cache cannot answer (no entry, another header, a block or a plan that is
 * not simple or not valid): the caller reads the whole text, and may then `remember` it.
 */
export function readCached(file: string, text: string, env: NodeJS.ProcessEnv): CachedRead | undefined {
  const dir = cacheDir(env);
  const split = dir ? splitTasks(text) : undefined;
  if (!dir || !split) return undefined;
  const path = realPath(file);
  const entry = readEntry(entryFile(dir, path));
  if (!entry || entry.build !== BUILD || entry.path !== path || entry.head !== split.head || entry.tail !== split.tail) return undefined;
  const known = new Map<string, number>();
  entry.blocks.forEach((b, i) => known.set(b, i));
  const tasks: Task[] = [];
  const spans: number[] = [];
  const changed: Task[] = [];
  for (const block of split.blocks) {
    const i = known.get(block);
    if (i !== undefined) {
      tasks.push(entry.tasks[i]!);
      spans.push(entry.spans[2 * i]!, entry.spans[2 * i + 1]!);
      continue;
    }
    const read = fastParseTask(block, firstKey(block), block.length);
    if (!read) return undefined;
    tasks.push(read.task as Task);
    changed.push(read.task as Task);
    spans.push(read.span.start, read.span.end);
  }
  // The tasks read now are checked in a plan of their own (the header is as it was, and so are
  // the other tasks); across tasks, only ids must be unique.
  if (changed.length) {
    const alone = { ...entry.plan, tasks: changed };
    if (!matchesSchema(alone) || semanticProblems(alone).length) return undefined;
    if (new Set(tasks.map((t) => t.id)).size !== tasks.length) return undefined;
  }
  const plan = { ...entry.plan, tasks } as Plan;
  // A few tasks read anew cost less than rewriting the entry (2,000 tasks: half a megabyte), so it
  // is rewritten only once many have changed since it was written.
  if (changed.length > Math.max(REWRITE_AFTER, tasks.length / 20)) writeEntry(dir, { ...entry, blocks: split.blocks, lengths: split.blocks.map((b) => b.length), tasks, spans });
  return { plan, ranges: split.offsets.flatMap((o, i) => [o + spans[2 * i]!, o + spans[2 * i + 1]!]) };
}

/** Keeps a plan just read in full (valid, its tasks at `ranges` in `text`) for the next read. */
export function remember(file: string, text: string, plan: Plan, ranges: readonly number[], env: NodeJS.ProcessEnv): void {
  const dir = cacheDir(env);
  const split = dir ? splitTasks(text) : undefined;
  if (!dir || !split || split.blocks.length !== plan.tasks.length) return;
  const spans = split.offsets.flatMap((o, i) => [ranges[2 * i]! - o, ranges[2 * i + 1]! - o]);
  // A task's block must hold the task (it would not if the tasks were laid out otherwise).
  if (spans.some((s, k) => s < 0 || s > split.blocks[k >> 1]!.length)) return;
  const { tasks, ...header } = plan;
  writeEntry(dir, { build: BUILD, path: realPath(file), head: split.head, tail: split.tail, plan: header, tasks, spans, lengths: split.blocks.map((b) => b.length), blocks: split.blocks });
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
