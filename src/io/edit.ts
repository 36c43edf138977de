// Minimal-diff edits of a plan's YAML text. The parsers only say where each task's block and keys
// are (TaskSpan); the change is spliced into the source text, so comments, blank lines, quoting,
// flow/block style and line endings elsewhere stay byte for byte.
import type { TaskEdit } from '../plan/edits.js';
import type { Completion, LogEntry } from '../plan/types.js';
import type { PairSpan, Span, TaskSpan } from './fast-yaml.js';
import { yamlFlowScalar, yamlScalar } from './yaml-text.js';

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

  if (e.op === 'log') {
    const log = pairOf(task, 'log');
    if (!log) return rowsAt(text, end, end, [`${indent}log:`, ...logItemRows(`${indent}${step}- `, e.entry)], eol);
    const seq = log.value;
    if (seq?.kind === 'seq' && seq.flow) return flowSeqAppend(seq, flowLogEntry(e.entry));
    const first = seq?.kind === 'seq' ? seq.items?.[0] : undefined;
    if (first === undefined) throw new UneditableError('log is not a list');
    const prefix = text.slice(lineStart(text, first), first);
    if (!/^ *- +$/.test(prefix)) throw new UneditableError('unexpected log layout');
    const at = lineEnd(text, seq!.end - 1);
    return rowsAt(text, at, at, logItemRows(prefix, e.entry), eol);
  }

  const existing = pairOf(task, 'completed');
  if (e.op === 'complete') {
    const [from, to] = existing ? pairLines(text, existing) : [end, end];
    return rowsAt(text, from, to, completionRows(indent, step, e.completion), eol);
  }
  if (!existing) throw new UneditableError('no completed key');
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

function completionRows(indent: string, step: string, c: Completion): string[] {
  const inner = indent + step;
  return [
    `${indent}completed:`,
    `${inner}date: ${c.date}`,
    ...(c.by !== undefined ? [`${inner}by: ${yamlScalar(c.by)}`] : []),
    ...(c.note !== undefined ? [`${inner}note: ${yamlScalar(c.note)}`] : []),
  ];
}

function logItemRows(prefix: string, entry: LogEntry): string[] {
  return [`${prefix}date: ${entry.date}`, `${' '.repeat(prefix.length)}note: ${yamlScalar(entry.note)}`];
}

const flowCompletion = (c: Completion) =>
  `{date: ${c.date}${c.by !== undefined ? `, by: ${yamlFlowScalar(c.by)}` : ''}${c.note !== undefined ? `, note: ${yamlFlowScalar(c.note)}` : ''}}`;
const flowLogEntry = (entry: LogEntry) => `{date: ${entry.date}, note: ${yamlFlowScalar(entry.note)}}`;

/** Edits of a task written as a flow mapping, `- {id: 1, period: …}`. */
function flowSplice(text: string, task: TaskSpan, e: TaskEdit): Splice {
  const close = task.end - 1; // the closing brace
  if (text[close] !== '}') throw new UneditableError('unexpected flow mapping layout');
  const insert = (entry: string): Splice => ({ start: close, end: close, text: `, ${entry}` });
  if (e.op === 'log') {
    const log = pairOf(task, 'log');
    if (!log) return insert(`log: [${flowLogEntry(e.entry)}]`);
    if (log.value?.kind !== 'seq' || !log.value.flow) throw new UneditableError('log is not a flow list');
    return flowSeqAppend(log.value, flowLogEntry(e.entry));
  }
  const existing = pairOf(task, 'completed');
  if (e.op === 'complete' && !existing) return insert(`completed: ${flowCompletion(e.completion)}`);
  if (!existing?.value) throw new UneditableError('no completed key');
  const { keyStart } = existing;
  const valueEnd = existing.value.end;
  if (e.op === 'complete') return { start: keyStart, end: valueEnd, text: `completed: ${flowCompletion(e.completion)}` };
  // Remove the pair with the comma before it (or after it, when it is the first pair).
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
