// Minimal-diff edits of a plan's YAML text. The parsers only say where each task's block and keys
// are (TaskSpan); the change is spliced into the source text, so comments, blank lines, quoting,
// flow/block style and line endings elsewhere stay byte for byte.
import { KEY_ORDER, type TaskEdit } from '../plan/edits.js';
import type { LogEntry, Task } from '../plan/types.js';
import type { PairSpan, Span, TaskSpan } from './fast-yaml.js';
import { yamlFlowList, yamlFlowMap, yamlFlowScalar, yamlScalar } from './yaml-text.js';

/** Text put in place of [start, end) of the original. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Thrown when a task's layout is one the splicer does not handle (the caller reports it). */
export class UneditableError extends Error {}

/**
 * The text with each edit spliced into its task's block (edits of different tasks do not
 * overlap), and the splices, in text order. `spanOf(index)` says where a task is; new lines
 * end with `eol`, the text's own line break unless told (the text may be part of a file).
 */
export function spliceEdits(
  text: string,
  spanOf: (index: number) => TaskSpan | undefined,
  edits: readonly TaskEdit[],
  eol = lineBreak(text),
): { text: string; splices: Splice[] } {
  const splices = edits
    .map((e) => {
      const task = spanOf(e.index);
      if (!task) throw new UneditableError(`task ${e.index} is not a mapping`);
      return task.flow ? flowSplice(text, task, e) : blockSplice(text, task, e, eol);
    })
    .sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of splices) {
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return { text: out + text.slice(at), splices };
}

/** The line break a file uses: its first one's (`\n` when it has none). */
export function lineBreak(text: string): string {
  const first = text.indexOf('\n');
  return first > 0 && text[first - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * Where offsets of the original text (ascending, as task ranges are) are after the splices. An
 * offset where text was inserted moves past the insertion when it is a block's end (odd index in
 * `ranges`), stays before it when a start.
 */
export function shiftRanges(splices: readonly Splice[], ranges: readonly number[]): number[] {
  let shift = 0;
  let next = 0;
  return ranges.map((offset, i) => {
    const after = i % 2 === 1;
    for (; next < splices.length; next++) {
      const s = splices[next]!;
      if (s.start > offset || (s.start === offset && !after && s.end === s.start)) break;
      shift += s.text.length - (s.end - s.start);
    }
    return offset + shift;
  });
}

const RECORD_KEYS = ['completed', 'cancelled', 'log'];

const pairOf = (task: TaskSpan, key: string): PairSpan | undefined => task.pairs.find((p) => p.key === key);

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;

/** Just past the line break that ends the line holding `at` (the text's end when there is none). */
function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}

/** [start, end) of a block mapping pair's whole lines, from its key to the end of its value. */
function pairLines(text: string, pair: PairSpan): [number, number] {
  const valueEnd = pair.value?.end ?? pair.keyStart + pair.key.length + 1;
  return [lineStart(text, pair.keyStart), lineEnd(text, Math.max(pair.keyStart, valueEnd - 1))];
}

function blockSplice(text: string, task: TaskSpan, e: TaskEdit, eol: string): Splice {
  const indent = ' '.repeat(task.start - lineStart(text, task.start));
  const step = indentStep(text, task);
  // The task's own block ends after the line break of its last value; comments and blank lines after it are not its.
  const end = task.end;
  /** The pair's whole lines replaced by `rows`; a key the task lacks is added before the first key that follows it in KEY_ORDER. */
  const put = (key: string, rows: string[]): Splice => {
    const existing = pairOf(task, key);
    if (existing) {
      const [from, to] = pairLines(text, existing);
      return rowsAt(text, from, to, rows, eol);
    }
    const at = insertionPoint(task, key);
    const from = at === undefined ? end : lineStart(text, at);
    return rowsAt(text, from, from, rows, eol);
  };

  switch (e.op) {
    case 'log': {
      const log = pairOf(task, 'log');
      if (!log) return put('log', [`${indent}log:`, ...logItemRows(`${indent}${step}- `, e.entry)]);
      const seq = log.value;
      if (seq?.kind === 'seq' && seq.flow) return flowSeqAppend(seq, flowLogEntry(e.entry));
      const prefix = itemPrefix(text, seq);
      const at = lineEnd(text, seq!.end - 1);
      return rowsAt(text, at, at, logItemRows(prefix, e.entry), eol);
    }
    case 'unlog': {
      const seq = pairOf(task, 'log')?.value;
      if (seq?.kind !== 'seq' || !seq.items || e.position >= seq.items.length) throw new UneditableError('no such log entry');
      if (seq.items.length === 1) return removePair(text, task, 'log', eol);
      if (seq.flow) return flowSeqRemove(text, seq, e.position);
      itemPrefix(text, seq);
      const next = seq.items[e.position + 1];
      const from = lineStart(text, seq.items[e.position]!);
      return { start: from, end: next === undefined ? lineEnd(text, seq.end - 1) : lineStart(text, next), text: '' };
    }
    case 'complete':
      return put('completed', keyRows('completed', e.completion, { indent, step, block: true, prefix: '' }));
    case 'cancel':
      return put('cancelled', keyRows('cancelled', e.cancellation, { indent, step, block: true, prefix: '' }));
    case 'uncomplete':
      return removePair(text, task, 'completed', eol);
    case 'uncancel':
      return removePair(text, task, 'cancelled', eol);
    case 'unset':
      return removePair(text, task, e.key, eol);
    case 'set': {
      const existing = pairOf(task, e.key)?.value;
      // A one-line scalar is replaced where it stands: a comment after it stays.
      if (typeof e.value === 'string' && existing?.kind === 'scalar' && !text.slice(existing.start, existing.end).includes('\n')) {
        return { start: existing.start, end: existing.end, text: yamlScalar(e.value) };
      }
      const block = existing ? existing.kind !== 'scalar' && !existing.flow && existing.items?.length !== 0 : !listsAreFlow(task);
      const prefix = existing?.kind === 'seq' && block ? itemPrefix(text, existing) : `${indent}${step}- `;
      return put(e.key, keyRows(e.key, e.value, { indent, step, block, prefix }));
    }
  }
}

/** How a task's block writes its keys: indentation, one step, block or flow collections, a block list item's prefix. */
interface BlockStyle {
  indent: string;
  step: string;
  block: boolean;
  prefix: string;
}

/** A key and its value as the lines of a block mapping. */
function keyRows(key: string, value: unknown, style: BlockStyle): string[] {
  const { indent, step, block, prefix } = style;
  if (typeof value === 'string' || typeof value === 'number') return [`${indent}${key}: ${typeof value === 'number' ? value : yamlScalar(value)}`];
  if (Array.isArray(value)) {
    if (key === 'log') return [`${indent}${key}:`, ...value.flatMap((entry: LogEntry) => logItemRows(`${indent}${step}- `, entry))];
    if (!block || !value.length) return [`${indent}${key}: ${flowValue(value)}`];
    return [`${indent}${key}:`, ...value.map((v: string) => `${prefix}${yamlScalar(v)}`)];
  }
  const entries = Object.entries(value as Record<string, string>);
  if (!block || !entries.length) return [`${indent}${key}: ${flowValue(value)}`];
  return [`${indent}${key}:`, ...entries.map(([k, v]) => `${indent}${step}${yamlScalar(k)}: ${yamlScalar(v)}`)];
}

/**
 * A new task's lines in the layout of `like` (a task of the same file, with its text): its
 * indentation, block or flow mapping, block or flow lists. Keys in KEY_ORDER; records in block
 * style, as the write commands add them.
 */
export function newTaskRows(task: Task, like: { text: string; span: TaskSpan } | undefined): string[] {
  const keys = KEY_ORDER.filter((k) => k !== 'id' && task[k as keyof Task] !== undefined) as (keyof Task)[];
  const dash = like ? like.text.slice(lineStart(like.text, like.span.start), like.span.start) : '  - ';
  if (like?.span.flow) return [`${dash}{id: ${task.id}${keys.map((k) => `, ${k}: ${flowValue(task[k])}`).join('')}}`];
  const indent = ' '.repeat(dash.length);
  const step = like ? indentStep(like.text, like.span) : '  ';
  const list = like?.span.pairs.find((p) => p.key !== 'log' && p.value?.kind === 'seq' && !p.value.flow && p.value.items?.length);
  const style = { indent, step, block: list !== undefined, prefix: list ? itemPrefix(like!.text, list.value) : `${indent}${step}- ` };
  const records = { ...style, block: true };
  return [`${dash}id: ${task.id}`, ...keys.flatMap((k) => keyRows(k, task[k], k === 'completed' || k === 'cancelled' ? records : style))];
}

/**
 * Where a key the task lacks goes: the start of the first key that follows it in KEY_ORDER
 * (undefined: the block's end). Records (completed, cancelled, log) always go at the end, as
 * SPEC "Writing the plan file" has it.
 */
function insertionPoint(task: TaskSpan, key: string): number | undefined {
  if (RECORD_KEYS.includes(key)) return undefined;
  const rank = KEY_ORDER.indexOf(key);
  return task.pairs.find((p) => KEY_ORDER.indexOf(p.key) > rank)?.keyStart;
}

/** Whether the task writes its lists in flow style (`[甲, 乙]`): as its departments are, else yes. */
function listsAreFlow(task: TaskSpan): boolean {
  const list = task.pairs.find((p) => p.value?.kind === 'seq' && p.key !== 'log' && p.value.items?.length);
  return list?.value?.flow ?? true;
}

/** The text before the first item of a block sequence (`    - `). */
function itemPrefix(text: string, seq: Span | null | undefined): string {
  const first = seq?.kind === 'seq' ? seq.items?.[0] : undefined;
  if (first === undefined) throw new UneditableError('not a list');
  const prefix = text.slice(lineStart(text, first), first);
  if (!/^ *- +$/.test(prefix)) throw new UneditableError('unexpected list layout');
  return prefix;
}

/** A block mapping pair's whole lines removed. */
function removePair(text: string, task: TaskSpan, key: string, eol: string): Splice {
  const existing = pairOf(task, key);
  if (!existing) throw new UneditableError(`no ${key} key`);
  let [from, to] = pairLines(text, existing);
  // At the end of a file without a final line break, take the break before the pair instead.
  if (to === text.length && !text.endsWith('\n')) from = Math.max(0, from - eol.length);
  return { start: from, end: to, text: '' };
}

/** Whole lines replacing [from, to); at the end of a file without a final line break, none is added. */
function rowsAt(text: string, from: number, to: number, rows: string[], eol: string): Splice {
  if (to < text.length || text.endsWith('\n')) return { start: from, end: to, text: rows.map((r) => r + eol).join('') };
  return { start: from, end: to, text: (from === to ? eol : '') + rows.join(eol) };
}

/**
 * The file's indentation step as the task's own line shows it: how far its dash is indented under
 * `tasks:` (2 when it is not), so that new nested lines indent as the rest of the file (yamllint's
 * `indentation` rule wants one step throughout).
 */
function indentStep(text: string, task: TaskSpan): string {
  const dash = text.slice(lineStart(text, task.start), task.start).indexOf('-');
  return ' '.repeat(dash > 0 ? dash : 2);
}

function logItemRows(prefix: string, entry: LogEntry): string[] {
  return [`${prefix}date: ${entry.date}`, `${' '.repeat(prefix.length)}note: ${yamlScalar(entry.note)}`];
}

/** A value as it is written inside a flow mapping. */
function flowValue(value: unknown): string {
  if (typeof value === 'string') return yamlFlowScalar(value);
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string') ? yamlFlowList(value) : `[${value.map(flowValue).join(', ')}]`;
  return `{${Object.entries(value as Record<string, string>)
    .map(([k, v]) => `${yamlFlowScalar(k)}: ${yamlFlowScalar(v)}`)
    .join(', ')}}`;
}
const flowLogEntry = (entry: LogEntry) => flowValue(entry);

/** Edits of a task written as a flow mapping, `- {id: 1, period: …}`. */
function flowSplice(text: string, task: TaskSpan, e: TaskEdit): Splice {
  const close = task.end - 1; // the closing brace
  if (text[close] !== '}') throw new UneditableError('unexpected flow mapping layout');
  /** `key: value` in place of the key's pair, or added before the first key that follows it in KEY_ORDER. */
  const put = (key: string, value: unknown): Splice => {
    const pair = `${key}: ${flowValue(value)}`;
    const existing = pairOf(task, key);
    if (existing?.value) return { start: existing.keyStart, end: existing.value.end, text: pair };
    const at = insertionPoint(task, key);
    if (at !== undefined) return { start: at, end: at, text: `${pair}, ` };
    let last = close; // after the last pair, before any space ahead of the brace
    while (/\s/.test(text[last - 1]!)) last--;
    return { start: last, end: last, text: `, ${pair}` };
  };
  switch (e.op) {
    case 'log': {
      const log = pairOf(task, 'log');
      if (!log) return put('log', [e.entry]);
      if (log.value?.kind !== 'seq' || !log.value.flow) throw new UneditableError('log is not a flow list');
      return flowSeqAppend(log.value, flowLogEntry(e.entry));
    }
    case 'unlog': {
      const seq = pairOf(task, 'log')?.value;
      if (seq?.kind !== 'seq' || !seq.flow || !seq.items || e.position >= seq.items.length) throw new UneditableError('no such log entry');
      return seq.items.length === 1 ? flowRemovePair(text, task, 'log') : flowSeqRemove(text, seq, e.position);
    }
    case 'complete':
      return put('completed', e.completion);
    case 'cancel':
      return put('cancelled', e.cancellation);
    case 'set':
      return put(e.key, e.value);
    case 'uncomplete':
      return flowRemovePair(text, task, 'completed');
    case 'uncancel':
      return flowRemovePair(text, task, 'cancelled');
    case 'unset':
      return flowRemovePair(text, task, e.key);
  }
}

/** A pair removed from a flow mapping with the comma before it (or after it, when it is the first pair). */
function flowRemovePair(text: string, task: TaskSpan, key: string): Splice {
  const existing = pairOf(task, key);
  if (!existing?.value) throw new UneditableError(`no ${key} key`);
  const { keyStart } = existing;
  const valueEnd = existing.value.end;
  let before = keyStart;
  while (before > 0 && /\s/.test(text[before - 1]!)) before--;
  if (text[before - 1] === ',') return { start: before - 1, end: valueEnd, text: '' };
  const after = /^\s*,\s*/.exec(text.slice(valueEnd))?.[0].length ?? 0;
  return { start: keyStart, end: valueEnd + after, text: '' };
}

function flowSeqAppend(seq: Span, entry: string): Splice {
  const close = seq.end - 1;
  return { start: close, end: close, text: seq.items?.length ? `, ${entry}` : entry };
}

/** The item at `position` of a flow sequence of two or more removed, with the comma after it (before it, when it is the last). */
function flowSeqRemove(text: string, seq: Span, position: number): Splice {
  const items = seq.items!;
  const next = items[position + 1];
  if (next !== undefined) return { start: items[position]!, end: next, text: '' };
  let comma = items[position]!;
  while (comma > seq.start && text[comma - 1] !== ',') comma--;
  let close = seq.end - 1;
  while (close > comma && /\s/.test(text[close - 1]!)) close--;
  return { start: comma - 1, end: close, text: '' };
}
