// A fast reader for the YAML that plan files are made of: block mappings and sequences, one-line
// plain, quoted and flow-sequence scalars, comments and blank lines. It gives exactly what the
// `yaml` package gives (YAML 1.2 core schema) or, for anything else (anchors, tags, block or
// multi-line scalars, flow mappings, numbers other than plain digits, …), gives up and returns
// undefined so the caller parses with `yaml`. It also records where each task's keys are, so
// that edits can be spliced without the full parser.

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

export interface FastParse {
  data: Record<string, unknown>;
  tasks: TaskSpan[];
}

interface Line {
  indent: number;
  /** Offset of the first character after the indentation. */
  at: number;
  /** Offset of the end of the content (before \r\n or \n). */
  contentEnd: number;
  /** Offset just past the line break (or the text's end). */
  next: number;
}

class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};

const KEY = /^([A-Za-z_][A-Za-z0-9_]*):(?= |$)/;
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
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);

/** The plan's data and task layout, or undefined when the text is not in the simple subset. */
export function fastParse(text: string): FastParse | undefined {
  if (/[\t\0\u2028\u2029\ufeff]/.test(text) || /\r(?!\n)/.test(text)) return undefined;
  try {
    return new Reader(text).document();
  } catch (e) {
    if (e instanceof GiveUp) return undefined;
    throw e;
  }
}

class Reader {
  private readonly lines: Line[] = [];
  private i = 0;
  readonly tasks: TaskSpan[] = [];

  constructor(private readonly text: string) {
    for (let start = 0; start < text.length; ) {
      const nl = text.indexOf('\n', start);
      const next = nl < 0 ? text.length : nl + 1;
      const contentEnd = nl < 0 ? text.length : nl > start && text[nl - 1] === '\r' ? nl - 1 : nl;
      let at = start;
      while (at < contentEnd && text[at] === ' ') at++;
      // Blank and comment-only lines carry nothing; a `%` directive or `---`/`...` marker is not ours.
      if (at < contentEnd && text[at] !== '#') {
        if (at === start && (text[at] === '%' || /^(?:---|\.\.\.)(?: |$)/.test(text.slice(at, contentEnd)))) giveUp();
        this.lines.push({ indent: at - start, at, contentEnd, next });
      }
      start = next;
    }
  }

  document(): FastParse {
    const first = this.lines[0];
    if (!first || first.indent !== 0) giveUp();
    const data = this.map(0, true).value;
    if (this.i < this.lines.length) giveUp();
    return { data: data as Record<string, unknown>, tasks: this.tasks };
  }

  private content(line: Line): string {
    return this.text.slice(line.at, line.contentEnd);
  }

  /** A block mapping whose keys sit at `indent`. */
  private map(indent: number, top = false): { value: Record<string, unknown>; span: Span; pairs: PairSpan[] } {
    const value: Record<string, unknown> = {};
    const pairs: PairSpan[] = [];
    const start = this.lines[this.i]!.at;
    let end = start;
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!;
      if (line.indent < indent) break;
      if (line.indent > indent) giveUp();
      const m = KEY.exec(this.content(line)) ?? giveUp();
      const key = m[1]!;
      if (RESERVED_KEYS.has(key) || Object.hasOwn(value, key)) giveUp();
      const rest = line.at + m[0].length;
      let span: Span | null;
      if (this.blank(rest, line.contentEnd)) {
        this.i++;
        const child = this.lines[this.i];
        let itemSpans: TaskSpan[] = [];
        if (child && child.indent > indent) ({ value: value[key], span, itemSpans } = this.block(child.indent));
        else if (child && child.indent === indent && this.isSeqItem(child)) ({ value: value[key], span, itemSpans } = this.seq(indent));
        else [value[key], span] = [null, null];
        if (top && key === 'tasks') this.tasks.push(...itemSpans);
      } else {
        ({ value: value[key], span } = this.inline(rest, line.contentEnd));
        this.i++;
      }
      pairs.push({ key, keyStart: line.at, value: span });
      end = span && !span.flow && span.kind !== 'scalar' ? span.end : line.next;
    }
    return { value, span: { start, end, kind: 'map', flow: false }, pairs };
  }

  /** A block mapping or sequence whose first line is the current one, at `indent`. */
  private block(indent: number): { value: unknown; span: Span; itemSpans: TaskSpan[] } {
    if (this.isSeqItem(this.lines[this.i]!)) return this.seq(indent);
    const { value, span } = this.map(indent);
    return { value, span, itemSpans: [] };
  }

  private isSeqItem(line: Line): boolean {
    return this.text[line.at] === '-' && (line.at + 1 === line.contentEnd || this.text[line.at + 1] === ' ');
  }

  /** A block sequence whose dashes sit at `indent`; `itemSpans` locate its mapping items. */
  private seq(indent: number): { value: unknown[]; span: Span; itemSpans: TaskSpan[] } {
    const value: unknown[] = [];
    const items: number[] = [];
    const spans: TaskSpan[] = [];
    const start = this.lines[this.i]!.at;
    let end = start;
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!;
      if (line.indent < indent) break;
      if (line.indent > indent || !this.isSeqItem(line)) giveUp();
      let at = line.at + 1;
      while (at < line.contentEnd && this.text[at] === ' ') at++;
      items.push(at);
      if (at === line.contentEnd || this.text[at] === '#') giveUp(); // an item on the next lines: not ours
      if (KEY.test(this.text.slice(at, line.contentEnd))) {
        // `- key: value` opens a mapping whose keys line up with this first key.
        const column = at - (line.at - line.indent);
        this.lines[this.i] = { ...line, indent: column, at };
        const { value: item, span, pairs } = this.map(column);
        value.push(item);
        spans.push({ start: at, end: span.end, flow: false, pairs });
        end = span.end;
      } else {
        if (this.text[at] === '-' && (this.text[at + 1] === ' ' || at + 1 === line.contentEnd)) giveUp();
        value.push(this.inline(at, line.contentEnd).value);
        spans.push({ start: at, end: line.next, flow: true, pairs: [] });
        this.i++;
        end = line.next;
      }
    }
    return { value, span: { start, end, kind: 'seq', flow: false, items }, itemSpans: spans };
  }

  private blank(from: number, to: number): boolean {
    const rest = this.text.slice(from, to).trimStart();
    return rest === '' || rest.startsWith('#');
  }

  /** A value on the rest of a line: a quoted or plain scalar, or a flow sequence of them. */
  private inline(from: number, to: number): { value: unknown; span: Span } {
    let at = from;
    while (this.text[at] === ' ') at++;
    if (this.text[at] === '[') {
      const { values, items, end } = this.flowSeq(at, to);
      this.comment(end, to);
      return { value: values, span: { start: at, end, kind: 'seq', flow: true, items } };
    }
    const { value, end } = this.scalar(at, to, false);
    this.comment(end, to);
    return { value, span: { start: at, end, kind: 'scalar', flow: false } };
  }

  /** Only spaces and a comment may follow a value on its line. */
  private comment(from: number, to: number): void {
    const rest = this.text.slice(from, to);
    if (rest.trim() && !/^ +#/.test(rest)) giveUp();
  }

  private flowSeq(open: number, to: number): { values: unknown[]; items: number[]; end: number } {
    const values: unknown[] = [];
    const items: number[] = [];
    let at = open + 1;
    const skip = () => {
      while (this.text[at] === ' ') at++;
    };
    skip();
    if (this.text[at] === ']') return { values, items, end: at + 1 };
    for (;;) {
      skip();
      items.push(at);
      const { value, end } = this.scalar(at, to, true);
      values.push(value);
      at = end;
      skip();
      if (this.text[at] === ',') {
        at++;
        continue;
      }
      if (this.text[at] === ']') return { values, items, end: at + 1 };
      return giveUp();
    }
  }

  /** A scalar starting at `at`; in a flow sequence it also ends at `,` or `]`. */
  private scalar(at: number, to: number, inFlow: boolean): { value: unknown; end: number } {
    const c = this.text[at];
    if (c === '"') {
      const close = this.text.indexOf('"', at + 1);
      let end = close;
      while (end >= 0 && end < to && this.isEscaped(at + 1, end)) end = this.text.indexOf('"', end + 1);
      if (end < 0 || end >= to) giveUp();
      const inner = this.text.slice(at + 1, end);
      // JSON's escapes are a subset of YAML's; anything else goes to the full parser.
      if (/\\(?!["\\/bfnrt]|u[0-9a-fA-F]{4})|[\x00-\x1f\x7f-\x9f]/.test(inner)) giveUp();
      return { value: JSON.parse(`"${inner}"`) as string, end: end + 1 };
    }
    if (c === "'") {
      let end = at + 1;
      for (;;) {
        end = this.text.indexOf("'", end);
        if (end < 0 || end >= to) giveUp();
        if (this.text[end + 1] === "'") end += 2;
        else break;
      }
      const inner = this.text.slice(at + 1, end);
      if (/[\x00-\x1f\x7f-\x9f]/.test(inner)) giveUp();
      return { value: inner.replace(/''/g, "'"), end: end + 1 };
    }
    if (c === undefined || at >= to || '-?:,[]{}#&*!|>%@`'.includes(c)) giveUp();
    let end = at;
    while (end < to) {
      const ch = this.text[end]!;
      if (inFlow && (ch === ',' || ch === ']' || ch === '[' || ch === '{' || ch === '}')) break;
      if (ch === '#' && this.text[end - 1] === ' ') break;
      if (ch === ':' && (this.text[end + 1] === ' ' || end + 1 >= to || (inFlow && ',[]{}'.includes(this.text[end + 1]!)))) giveUp();
      end++;
    }
    while (this.text[end - 1] === ' ') end--;
    const raw = this.text.slice(at, end);
    if (/[\x00-\x1f\x7f-\x9f]/.test(raw)) giveUp();
    if (/^[0-9]{1,15}$/.test(raw)) return { value: Number(raw), end };
    if (NOT_A_STRING.some((re) => re.test(raw))) giveUp();
    return { value: raw, end };
  }

  private isEscaped(from: number, quote: number): boolean {
    let backslashes = 0;
    for (let k = quote - 1; k >= from && this.text[k] === '\\'; k--) backslashes++;
    return backslashes % 2 === 1;
  }
}
