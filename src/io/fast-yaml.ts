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
const isFlowIndicator = (c: number) => c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d;
const SPACE = 0x20;
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y;
const SPACES = / */y;
/** What ends a plain scalar outside flow collections (` #`), or makes it not one this reader reads. */
const BLOCK_PLAIN_STOP = /[\x00-\x1f\x7f-\x9f]|:(?: |$)| #/;

/**
 * The plan's data and task layout, or undefined when the text is not in the simple subset.
 * Without `pairs`, each task's layout is only where it starts and ends (what loading a plan
 * needs); with it, where each of its keys and values is (what an edit needs).
 */
export function fastParse(text: string, opts: { pairs?: boolean } = {}): FastParse | undefined {
  if (/[\t\0\u2028\u2029\ufeff]|\r(?!\n)/.test(text)) return undefined;
  try {
    return new Reader(text, opts.pairs ?? true).document();
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
  /** Where the scalar or flow collection read last ends (returned beside the value, without an array for the pair). */
  private after = 0;

  constructor(
    private readonly text: string,
    private readonly withPairs: boolean,
  ) {
    let breaks = 1;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) breaks++;
    const lines = new Int32Array(breaks * 4);
    let n = 0;
    let marked = false;
    for (let start = 0; start < text.length; ) {
      const nl = text.indexOf('\n', start);
      const next = nl < 0 ? text.length : nl + 1;
      const end = nl < 0 ? text.length : nl > start && text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
      SPACES.lastIndex = start;
      SPACES.test(text);
      const at = Math.min(SPACES.lastIndex, end);
      // Blank and comment-only lines carry nothing; a `---` before any content starts the one
      // document (yamllint asks for it), any other marker or a `%` directive is not ours.
      if (at < end && text.charCodeAt(at) !== 0x23) {
        if (at === start && (text[at] === '%' || /^(?:---|\.\.\.)(?: |$)/.test(text.slice(at, Math.min(end, at + 4))))) {
          if (n > 0 || marked || !/^--- *(?:#.*)?$/.test(text.slice(at, end))) giveUp();
          marked = true;
          start = next;
          continue;
        }
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

  document(): FastParse {
    if (this.count === 0 || this.lines[INDENT]! !== 0) giveUp();
    const data = this.map(0, 'top');
    if (this.i < this.count) giveUp();
    return { data, tasks: this.tasks };
  }

  /** Where the `:` of a `key: ` (a plain identifier, then a space or the line's end) is, else -1. */
  private keyEnd(at: number, to: number): number {
    // A sticky search (native) rather than a loop over the key's characters (interpreted).
    IDENTIFIER.lastIndex = at;
    if (!IDENTIFIER.test(this.text)) return -1;
    const i = IDENTIFIER.lastIndex;
    return i < to && this.text.charCodeAt(i) === 0x3a && (i + 1 === to || this.text.charCodeAt(i + 1) === SPACE) ? i : -1;
  }

  private isSeqItem(line: number): boolean {
    const at = this.lines[line * 4 + AT]!;
    return this.text.charCodeAt(at) === 0x2d && (at + 1 === this.lines[line * 4 + END]! || this.text.charCodeAt(at + 1) === SPACE);
  }

  /**
   * A block mapping whose keys sit at `indent`. `top` is the document (its `tasks` items are
   * recorded); `task` is one task (its pairs are recorded in `pairs`).
   */
  private map(indent: number, role: 'top' | 'task' | 'other', pairs?: PairSpan[]): Record<string, unknown> {
    const value: Record<string, unknown> = {};
    const start = this.lines[this.i * 4 + AT]!;
    let end = start;
    while (this.i < this.count) {
      const line = this.i;
      const lineIndent = this.lines[line * 4 + INDENT]!;
      if (lineIndent < indent) break;
      if (lineIndent > indent) giveUp();
      const at = this.lines[line * 4 + AT]!;
      const contentEnd = this.lines[line * 4 + END]!;
      const keyEnd = this.keyEnd(at, contentEnd);
      if (keyEnd < 0) giveUp();
      const key = this.text.slice(at, keyEnd);
      if (RESERVED_KEYS.has(key) || Object.hasOwn(value, key)) giveUp();
      let kind: Span['kind'] = 'scalar';
      let items: number[] | undefined;
      if (this.blank(keyEnd + 1, contentEnd)) {
        this.i++;
        const childIndent = this.i < this.count ? this.lines[this.i * 4 + INDENT]! : -1;
        const tasks = role === 'top' && key === 'tasks' ? this.tasks : undefined;
        if (childIndent > indent || (childIndent === indent && this.isSeqItem(this.i))) {
          if (this.isSeqItem(this.i)) {
            if (pairs) items = [];
            value[key] = this.seq(childIndent, tasks, items);
            kind = 'seq';
          } else {
            value[key] = this.map(childIndent, 'other');
            kind = 'map';
          }
        } else {
          value[key] = null;
          this.start = keyEnd + 1;
          this.end = this.lines[line * 4 + NEXT]!;
          this.flow = false;
        }
      } else {
        if (pairs) {
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
      end = kind !== 'scalar' && !this.flow ? this.end : this.lines[line * 4 + NEXT]!;
    }
    this.start = start;
    this.end = end;
    this.flow = false;
    return value;
  }

  /** A block sequence whose dashes sit at `indent`; with `tasks`, its mapping items are recorded there. */
  private seq(indent: number, tasks?: TaskSpan[], items?: number[]): unknown[] {
    const value: unknown[] = [];
    const start = this.lines[this.i * 4 + AT]!;
    let end = start;
    while (this.i < this.count) {
      const line = this.i;
      if (this.lines[line * 4 + INDENT]! < indent) break;
      if (this.lines[line * 4 + INDENT]! > indent || !this.isSeqItem(line)) giveUp();
      const contentEnd = this.lines[line * 4 + END]!;
      let at = this.lines[line * 4 + AT]! + 1;
      while (at < contentEnd && this.text.charCodeAt(at) === SPACE) at++;
      items?.push(at);
      if (at === contentEnd || this.text.charCodeAt(at) === 0x23) giveUp(); // an item on the next lines: not ours
      if (this.keyEnd(at, contentEnd) >= 0) {
        // `- key: value` opens a mapping whose keys line up with this first key.
        const column = this.lines[line * 4 + INDENT]! + at - this.lines[line * 4 + AT]!;
        this.lines[line * 4 + INDENT] = column;
        this.lines[line * 4 + AT] = at;
        const pairs: PairSpan[] | undefined = tasks && this.withPairs ? [] : undefined;
        value.push(this.map(column, tasks ? 'task' : 'other', pairs));
        tasks?.push({ start: at, end: this.end, flow: false, pairs: pairs ?? [] });
        end = this.end;
      } else {
        if (this.text.charCodeAt(at) === 0x2d && (this.text.charCodeAt(at + 1) === SPACE || at + 1 === contentEnd)) giveUp();
        // A task as a flow mapping (`- {id: 1, …}`) is left to yaml, which records its keys for edits.
        if (tasks && this.text.charCodeAt(at) === 0x7b) giveUp();
        value.push(this.inline(at, contentEnd));
        tasks?.push({ start: at, end: this.lines[line * 4 + NEXT]!, flow: true, pairs: [] });
        this.i++;
        end = this.lines[line * 4 + NEXT]!;
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
    const c = this.text.charCodeAt(at);
    const value = c === 0x5b ? this.flowSeq(at, to, items, false) : c === 0x7b ? this.flowMap(at, to, false) : this.scalar(at, to, false);
    const end = this.after;
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
  private flowSeq(open: number, to: number, items: number[] | undefined, inMap: boolean): unknown[] {
    const values: unknown[] = [];
    const t = this.text;
    let at = open + 1;
    while (t.charCodeAt(at) === SPACE) at++;
    if (t.charCodeAt(at) === 0x5d) return this.ends(values, at + 1);
    for (;;) {
      while (t.charCodeAt(at) === SPACE) at++;
      items?.push(at);
      values.push(!inMap && t.charCodeAt(at) === 0x7b ? this.flowMap(at, to, true) : this.scalar(at, to, true));
      at = this.after;
      while (t.charCodeAt(at) === SPACE) at++;
      const c = t.charCodeAt(at);
      if (c === 0x2c) at++;
      else if (c === 0x5d) return this.ends(values, at + 1);
      else giveUp();
    }
  }

  /** A value read, ending at `end`. */
  private ends<T>(value: T, end: number): T {
    this.after = end;
    return value;
  }

  /**
   * `{…}` on one line: string keys, each followed by `: ` and a scalar, or a flow sequence of
   * scalars unless `inSeq` (it is a sequence's item). A trailing comma is allowed, as in yaml.
   */
  private flowMap(open: number, to: number, inSeq: boolean): Record<string, unknown> {
    const value: Record<string, unknown> = {};
    const t = this.text;
    let at = open + 1;
    for (;;) {
      while (t.charCodeAt(at) === SPACE) at++;
      if (t.charCodeAt(at) === 0x7d) return this.ends(value, at + 1);
      const key = this.scalar(at, to, true, true);
      if (typeof key !== 'string') return giveUp();
      if (RESERVED_KEYS.has(key) || Object.hasOwn(value, key)) giveUp();
      at = this.after;
      while (t.charCodeAt(at) === SPACE) at++;
      // Only `key: value`: no `{a}`, `{a:}` or `{"a":b}`, whose readings are yaml's to give.
      if (t.charCodeAt(at) !== 0x3a || t.charCodeAt(at + 1) !== SPACE) giveUp();
      at += 2;
      while (t.charCodeAt(at) === SPACE) at++;
      value[key] = !inSeq && t.charCodeAt(at) === 0x5b ? this.flowSeq(at, to, undefined, true) : this.scalar(at, to, true);
      at = this.after;
      while (t.charCodeAt(at) === SPACE) at++;
      const c = t.charCodeAt(at);
      if (c === 0x2c) at++;
      else if (c === 0x7d) return this.ends(value, at + 1);
      else giveUp();
    }
  }

  /** A scalar starting at `at`; in a flow collection it also ends at `,[]{}`, and a `key` at `: `. */
  private scalar(at: number, to: number, inFlow: boolean, key = false): unknown {
    const t = this.text;
    const c = t[at];
    if (c === '"') {
      let end = t.indexOf('"', at + 1);
      while (end >= 0 && end < to && this.isEscaped(at + 1, end)) end = t.indexOf('"', end + 1);
      if (end < 0 || end >= to) giveUp();
      const inner = t.slice(at + 1, end);
      // JSON's escapes are a subset of YAML's; anything else goes to the full parser.
      if (/[\x00-\x1f\x7f-\x9f]/.test(inner) || inner.replace(/\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/g, '').includes('\\')) giveUp();
      return this.ends(JSON.parse(`"${inner}"`) as string, end + 1);
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
      return this.ends(inner.replace(/''/g, "'"), end + 1);
    }
    if (c === undefined || at >= to || INDICATORS.includes(c)) giveUp();
    let end = at;
    if (!inFlow) {
      // Outside flow collections a plain scalar runs to ` #` or the line's end: one search
      // (native) rather than a loop over its characters, which runs in the interpreter in a
      // short process.
      const stop = BLOCK_PLAIN_STOP.exec(t.slice(at, to));
      if (stop && stop[0] !== ' #') giveUp();
      end = stop ? at + stop.index : to;
    } else for (; end < to; end++) {
      const ch = t.charCodeAt(end);
      if (ch < SPACE || (ch >= 0x7f && ch <= 0x9f)) giveUp();
      if (isFlowIndicator(ch)) break;
      if (ch === 0x23 && t.charCodeAt(end - 1) === SPACE) break;
      if (ch === 0x3a) {
        const after = t.charCodeAt(end + 1);
        if (key && after === SPACE) break;
        if (end + 1 >= to || after === SPACE || isFlowIndicator(after)) giveUp();
      }
    }
    while (t.charCodeAt(end - 1) === SPACE) end--;
    const raw = t.slice(at, end);
    // (None of the other readings has a character beyond ASCII: `3-4月` is a string at once.)
    if (MAYBE_NOT_A_STRING.includes(c!) && raw.charCodeAt(raw.length - 1) < 0x80) {
      if (/^[0-9]{1,15}$/.test(raw)) return this.ends(Number(raw), end);
      if (NOT_A_STRING.some((re) => re.test(raw))) giveUp();
    }
    return this.ends(raw, end);
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
