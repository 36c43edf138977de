// A fast reader for the YAML that plan files are made of: block mappings and sequences, one-line
// plain and quoted scalars, one-line flow sequences and mappings of them (`[a, b]`, `{a: x, b: [y]}`,
// `[{a: x}]`), comments and blank lines. It gives exactly what the `yaml` package gives (YAML 1.2
// core schema) or, for anything else (anchors, tags, block or multi-line scalars, multi-line or
// deeper flow collections, flow keys that are not strings or are not followed by `: `, empty flow
// values, tasks written as flow mappings, numbers other than plain digits, …), gives up and returns
// undefined so the caller parses with `yaml`. It also records where each task's keys are, so
// that edits can be spliced without the full parser. It allocates little besides the data
// (lines live in one typed array): on big plans, garbage collection was most of its time.

/** Where a value sits in the text; `end` is like yaml's range[1] (past the line break for blocks). */
export interface Span {
  start: number;
  end: number;
  kind: 'scalar' | 'map' | 'seq';
  flow: boolean;
  /** For sequences: where each item starts. */
  items?: number[];
}

/** A key of a task's mapping: where the key starts and the span of its value. */
export interface PairSpan {
  key: string;
  keyStart: number;
  value: Span | null;
}

/** A task's block or flow mapping, with its direct keys. */
export interface TaskSpan {
  start: number;
  end: number;
  flow: boolean;
  pairs: PairSpan[];
}

/** [start, end) of each task, flat: what a plan's cache keeps of its layout. */
export const rangesOf = (tasks: readonly TaskSpan[]): number[] => tasks.flatMap((t) => [t.start, t.end]);

export interface FastParse {
  data: Record<string, unknown>;
  tasks: TaskSpan[];
}

class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};

const NOT_A_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
];
// Only a plain scalar starting with one of these can be anything but a string.
const MAYBE_NOT_A_STRING = '~nNtTfF.+-0123456789';
const INDICATORS = '-?:,[]{}#&*!|>%@`';
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);
const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isFlowIndicator = (c: number) => c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d;
const SPACE = 0x20;

/** The plan's data and task layout, or undefined when the text is not in the simple subset. */
export function fastParse(text: string): FastParse | undefined {
  if (/[\t\0\u2028\u2029\ufeff]|\r(?!\n)/.test(text)) return undefined;
  try {
    return new Reader(text).document();
  } catch (e) {
    if (e instanceof GiveUp) return undefined;
    throw e;
  }
}

// Each content line (blank and comment-only lines are skipped) is four numbers in `lines`:
const INDENT = 0; // its indentation
const AT = 1; // where its content starts
const END = 2; // where its content ends (before \r\n or \n)
const NEXT = 3; // just past its line break

class Reader {
  private readonly lines: Int32Array;
  private readonly count: number;
  private i = 0;
  private readonly tasks: TaskSpan[] = [];
  // The extent of the value parsed last (yaml's range[1] for `end`).
  private start = 0;
  private end = 0;
  private flow = false;

  constructor(private readonly text: string) {
    let breaks = 1;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) breaks++;
    const lines = new Int32Array(breaks * 4);
    let n = 0;
    for (let start = 0; start < text.length; ) {
      const nl = text.indexOf('\n', start);
      const next = nl < 0 ? text.length : nl + 1;
      const end = nl < 0 ? text.length : nl > start && text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
      let at = start;
      while (at < end && text.charCodeAt(at) === SPACE) at++;
      // Blank and comment-only lines carry nothing; a `%` directive or `---`/`...` marker is not ours.
      if (at < end && text.charCodeAt(at) !== 0x23) {
        if (at === start && (text[at] === '%' || /^(?:---|\.\.\.)(?: |$)/.test(text.slice(at, Math.min(end, at + 4))))) giveUp();
        lines[n * 4 + INDENT] = at - start;
        lines[n * 4 + AT] = at;
        lines[n * 4 + END] = end;
        lines[n * 4 + NEXT] = next;
        n++;
      }
      start = next;
    }
    this.lines = lines;
    this.count = n;
  }

  private get(line: number, field: number): number {
    return this.lines[line * 4 + field]!;
  }

  document(): FastParse {
    if (this.count === 0 || this.get(0, INDENT) !== 0) giveUp();
    const data = this.map(0, 'top');
    if (this.i < this.count) giveUp();
    return { data, tasks: this.tasks };
  }

  /** Where the `:` of a `key: ` (a plain identifier, then a space or the line's end) is, else -1. */
  private keyEnd(at: number, to: number): number {
    const t = this.text;
    const first = t.charCodeAt(at);
    if (!(isLetter(first) || first === 0x5f)) return -1;
    let i = at + 1;
    for (; i < to; i++) {
      const c = t.charCodeAt(i);
      if (!(isLetter(c) || c === 0x5f || (c >= 0x30 && c <= 0x39))) break;
    }
    return i < to && t.charCodeAt(i) === 0x3a && (i + 1 === to || t.charCodeAt(i + 1) === SPACE) ? i : -1;
  }

  private isSeqItem(line: number): boolean {
    const at = this.get(line, AT);
    return this.text.charCodeAt(at) === 0x2d && (at + 1 === this.get(line, END) || this.text.charCodeAt(at + 1) === SPACE);
  }

  /**
   * A block mapping whose keys sit at `indent`. `top` is the document (its `tasks` items are
   * recorded); `task` is one task (its pairs are recorded in `pairs`).
   */
  private map(indent: number, role: 'top' | 'task' | 'other', pairs?: PairSpan[]): Record<string, unknown> {
    const value: Record<string, unknown> = {};
    const start = this.get(this.i, AT);
    let end = start;
    while (this.i < this.count) {
      const line = this.i;
      const lineIndent = this.get(line, INDENT);
      if (lineIndent < indent) break;
      if (lineIndent > indent) giveUp();
      const at = this.get(line, AT);
      const contentEnd = this.get(line, END);
      const keyEnd = this.keyEnd(at, contentEnd);
      if (keyEnd < 0) giveUp();
      const key = this.text.slice(at, keyEnd);
      if (RESERVED_KEYS.has(key) || Object.hasOwn(value, key)) giveUp();
      let kind: Span['kind'] = 'scalar';
      let items: number[] | undefined;
      if (this.blank(keyEnd + 1, contentEnd)) {
        this.i++;
        const childIndent = this.i < this.count ? this.get(this.i, INDENT) : -1;
        const tasks = role === 'top' && key === 'tasks' ? this.tasks : undefined;
        if (childIndent > indent || (childIndent === indent && this.isSeqItem(this.i))) {
          if (this.isSeqItem(this.i)) {
            if (role === 'task') items = [];
            value[key] = this.seq(childIndent, tasks, items);
            kind = 'seq';
          } else {
            value[key] = this.map(childIndent, 'other');
            kind = 'map';
          }
        } else {
          value[key] = null;
          this.start = keyEnd + 1;
          this.end = this.get(line, NEXT);
          this.flow = false;
        }
      } else {
        if (role === 'task') {
          let v = keyEnd + 1;
          while (this.text.charCodeAt(v) === SPACE) v++;
          if (this.text.charCodeAt(v) === 0x5b) items = [];
        }
        const v = this.inline(keyEnd + 1, contentEnd, items);
        // Tasks in a flow sequence (`tasks: [{id: 1}]`) have no recorded layout: yaml's to read.
        if (role === 'top' && key === 'tasks' && Array.isArray(v) && v.length > 0) giveUp();
        value[key] = v;
        if (this.flow) kind = Array.isArray(v) ? 'seq' : 'map';
        this.i++;
      }
      pairs?.push({ key, keyStart: at, value: { start: this.start, end: this.end, kind, flow: this.flow, ...(items && { items }) } });
      end = kind !== 'scalar' && !this.flow ? this.end : this.get(line, NEXT);
    }
    this.start = start;
    this.end = end;
    this.flow = false;
    return value;
  }

  /** A block sequence whose dashes sit at `indent`; with `tasks`, its mapping items are recorded there. */
  private seq(indent: number, tasks?: TaskSpan[], items?: number[]): unknown[] {
    const value: unknown[] = [];
    const start = this.get(this.i, AT);
    let end = start;
    while (this.i < this.count) {
      const line = this.i;
      if (this.get(line, INDENT) < indent) break;
      if (this.get(line, INDENT) > indent || !this.isSeqItem(line)) giveUp();
      const contentEnd = this.get(line, END);
      let at = this.get(line, AT) + 1;
      while (at < contentEnd && this.text.charCodeAt(at) === SPACE) at++;
      items?.push(at);
      if (at === contentEnd || this.text.charCodeAt(at) === 0x23) giveUp(); // an item on the next lines: not ours
      if (this.keyEnd(at, contentEnd) >= 0) {
        // `- key: value` opens a mapping whose keys line up with this first key.
        const column = this.get(line, INDENT) + at - this.get(line, AT);
        this.lines[line * 4 + INDENT] = column;
        this.lines[line * 4 + AT] = at;
        const pairs: PairSpan[] | undefined = tasks ? [] : undefined;
        value.push(this.map(column, tasks ? 'task' : 'other', pairs));
        tasks?.push({ start: at, end: this.end, flow: false, pairs: pairs! });
        end = this.end;
      } else {
        if (this.text.charCodeAt(at) === 0x2d && (this.text.charCodeAt(at + 1) === SPACE || at + 1 === contentEnd)) giveUp();
        // A task as a flow mapping (`- {id: 1, …}`) is left to yaml, which records its keys for edits.
        if (tasks && this.text.charCodeAt(at) === 0x7b) giveUp();
        value.push(this.inline(at, contentEnd));
        tasks?.push({ start: at, end: this.get(line, NEXT), flow: true, pairs: [] });
        this.i++;
        end = this.get(line, NEXT);
      }
    }
    this.start = start;
    this.end = end;
    this.flow = false;
    return value;
  }

  private blank(from: number, to: number): boolean {
    let i = from;
    while (i < to && this.text.charCodeAt(i) === SPACE) i++;
    return i === to || this.text.charCodeAt(i) === 0x23;
  }

  /** A value on the rest of a line: a quoted or plain scalar, or a flow sequence or mapping (sequence item starts into `items`). */
  private inline(from: number, to: number, items?: number[]): unknown {
    let at = from;
    while (this.text.charCodeAt(at) === SPACE) at++;
    let value: unknown;
    let end: number;
    const c = this.text.charCodeAt(at);
    if (c === 0x5b) [value, end] = this.flowSeq(at, to, items, false);
    else if (c === 0x7b) [value, end] = this.flowMap(at, to, false);
    else [value, end] = this.scalar(at, to, false);
    // Only spaces and a comment may follow a value on its line.
    let i = end;
    while (i < to && this.text.charCodeAt(i) === SPACE) i++;
    if (i < to && (i === end || this.text.charCodeAt(i) !== 0x23)) giveUp();
    this.start = at;
    this.end = end;
    this.flow = typeof value === 'object';
    return value;
  }

  /** `[…]` on one line: scalars, and flow mappings unless `inMap` (it is a mapping's value). */
  private flowSeq(open: number, to: number, items: number[] | undefined, inMap: boolean): [unknown[], number] {
    const values: unknown[] = [];
    const t = this.text;
    let at = open + 1;
    while (t.charCodeAt(at) === SPACE) at++;
    if (t.charCodeAt(at) === 0x5d) return [values, at + 1];
    for (;;) {
      while (t.charCodeAt(at) === SPACE) at++;
      items?.push(at);
      const [value, end] = !inMap && t.charCodeAt(at) === 0x7b ? this.flowMap(at, to, true) : this.scalar(at, to, true);
      values.push(value);
      at = end;
      while (t.charCodeAt(at) === SPACE) at++;
      const c = t.charCodeAt(at);
      if (c === 0x2c) at++;
      else if (c === 0x5d) return [values, at + 1];
      else giveUp();
    }
  }

  /**
   * `{…}` on one line: string keys, each followed by `: ` and a scalar, or a flow sequence of
   * scalars unless `inSeq` (it is a sequence's item). A trailing comma is allowed, as in yaml.
   */
  private flowMap(open: number, to: number, inSeq: boolean): [Record<string, unknown>, number] {
    const value: Record<string, unknown> = {};
    const t = this.text;
    let at = open + 1;
    for (;;) {
      while (t.charCodeAt(at) === SPACE) at++;
      if (t.charCodeAt(at) === 0x7d) return [value, at + 1];
      const [key, keyEnd] = this.scalar(at, to, true, true);
      if (typeof key !== 'string') return giveUp();
      if (RESERVED_KEYS.has(key) || Object.hasOwn(value, key)) giveUp();
      at = keyEnd;
      while (t.charCodeAt(at) === SPACE) at++;
      // Only `key: value`: no `{a}`, `{a:}` or `{"a":b}`, whose readings are yaml's to give.
      if (t.charCodeAt(at) !== 0x3a || t.charCodeAt(at + 1) !== SPACE) giveUp();
      at += 2;
      while (t.charCodeAt(at) === SPACE) at++;
      const [v, end] = !inSeq && t.charCodeAt(at) === 0x5b ? this.flowSeq(at, to, undefined, true) : this.scalar(at, to, true);
      value[key] = v;
      at = end;
      while (t.charCodeAt(at) === SPACE) at++;
      const c = t.charCodeAt(at);
      if (c === 0x2c) at++;
      else if (c === 0x7d) return [value, at + 1];
      else giveUp();
    }
  }

  /** A scalar starting at `at`; in a flow collection it also ends at `,[]{}`, and a `key` at `: `. */
  private scalar(at: number, to: number, inFlow: boolean, key = false): [unknown, number] {
    const t = this.text;
    const c = t[at];
    if (c === '"') {
      let end = t.indexOf('"', at + 1);
      while (end >= 0 && end < to && this.isEscaped(at + 1, end)) end = t.indexOf('"', end + 1);
      if (end < 0 || end >= to) giveUp();
      const inner = t.slice(at + 1, end);
      // JSON's escapes are a subset of YAML's; anything else goes to the full parser.
      if (/[\x00-\x1f\x7f-\x9f]/.test(inner) || inner.replace(/\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/g, '').includes('\\')) giveUp();
      return [JSON.parse(`"${inner}"`) as string, end + 1];
    }
    if (c === "'") {
      let end = at + 1;
      for (;;) {
        end = t.indexOf("'", end);
        if (end < 0 || end >= to) giveUp();
        if (t.charCodeAt(end + 1) === 0x27) end += 2;
        else break;
      }
      const inner = t.slice(at + 1, end);
      if (/[\x00-\x1f\x7f-\x9f]/.test(inner)) giveUp();
      return [inner.replace(/''/g, "'"), end + 1];
    }
    if (c === undefined || at >= to || INDICATORS.includes(c)) giveUp();
    let end = at;
    for (; end < to; end++) {
      const ch = t.charCodeAt(end);
      if (ch < SPACE || (ch >= 0x7f && ch <= 0x9f)) giveUp();
      if (inFlow && isFlowIndicator(ch)) break;
      if (ch === 0x23 && t.charCodeAt(end - 1) === SPACE) break;
      if (ch === 0x3a) {
        const after = t.charCodeAt(end + 1);
        if (key && after === SPACE) break;
        if (end + 1 >= to || after === SPACE || (inFlow && isFlowIndicator(after))) giveUp();
      }
    }
    while (t.charCodeAt(end - 1) === SPACE) end--;
    const raw = t.slice(at, end);
    if (MAYBE_NOT_A_STRING.includes(c!)) {
      if (/^[0-9]{1,15}$/.test(raw)) return [Number(raw), end];
      if (NOT_A_STRING.some((re) => re.test(raw))) giveUp();
    }
    return [raw, end];
  }

  private isEscaped(from: number, quote: number): boolean {
    let backslashes = 0;
    for (let k = quote - 1; k >= from && this.text.charCodeAt(k) === 0x5c; k--) backslashes++;
    return backslashes % 2 === 1;
  }
}

/**
 * One task read alone from its block, `start` being its first key and `end` the end of its
 * block (as in TaskSpan), with offsets into the whole text; undefined when it is not simple.
 */
export function fastParseTask(text: string, start: number, end: number): { task: unknown; span: TaskSpan } | undefined {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const head = 'tasks:\n';
  const parsed = fastParse(head + text.slice(from, end));
  const tasks = parsed?.data.tasks;
  if (!parsed || !Array.isArray(tasks) || tasks.length !== 1 || parsed.tasks.length !== 1) return undefined;
  const span = shiftSpan(parsed.tasks[0]!, from - head.length);
  return { task: tasks[0], span };
}

/** A task's span with every offset moved by `by`. */
export function shiftSpan(s: TaskSpan, by: number): TaskSpan {
  const at = (n: number) => n + by;
  return {
    start: at(s.start),
    end: at(s.end),
    flow: s.flow,
    pairs: s.pairs.map((p) => ({
      key: p.key,
      keyStart: at(p.keyStart),
      value: p.value && { ...p.value, start: at(p.value.start), end: at(p.value.end), ...(p.value.items && { items: p.value.items.map(at) }) },
    })),
  };
}
