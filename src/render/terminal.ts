// Text for a terminal: user content with control characters made visible, so that only the
// tool's own colour codes ever reach the terminal.

const UNSAFE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\t': '\\t', '\r': '\\r', '\x1b': '\\x1b', '\x07': '\\x07' };

/** Replaces C0/C1 control characters (except line feed) and bidi controls with visible escapes such as `\x1b`. */
export function escapeControls(s: string): string {
  return s.replace(UNSAFE, visible);
}

function visible(c: string): string {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/** One line for the terminal whatever it holds: control characters and line breaks (also U+2028/9) made visible. */
export function escapeLine(s: string): string {
  return escapeControls(s).replace(/[\n\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : visible(c)));
}

/** A character escapeLine makes visible: C0 and C1 controls (line feed too), bidi controls, U+2028/9. */
export const CONTROLS = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

/** True when a string holds a character escapeLine would make visible. */
export function hasControls(s: string): boolean {
  // A module constant: a regular expression literal in the function made a RegExp per call.
  return CONTROLS.test(s);
}

/** The colour level for output: --no-color, then FORCE_COLOR, then NO_COLOR, then whether it is a terminal. */
export function colorLevel(opts: { color: boolean; isTTY: boolean; env: NodeJS.ProcessEnv }): 0 | 1 | 2 | 3 {
  const { env } = opts;
  if (!opts.color) return 0;
  if (env.FORCE_COLOR !== undefined) {
    if (env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return 0;
    const n = Number(env.FORCE_COLOR);
    return n === 2 || n === 3 ? n : 1;
  }
  if (env.NO_COLOR) return 0;
  if (!opts.isTTY || env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return /-256(color)?$/.test(env.TERM ?? '') ? 2 : 1;
}

const SGR = /\x1b\[[0-9;]*m/g;
// Emoji and their modifiers: string-width (what cli-table3 measures with) counts emoji by a
// regular expression this module does not copy; text holding these is left to cli-table3.
/** An emoji or a part of an emoji sequence. */
export const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u200d\u20e3\ufe0f]/u;

/** True when `displayWidth` may disagree with string-width (emoji sequences). */
export function hasEmoji(s: string): boolean {
  return EMOJI.test(s);
}

/**
 * Columns a string takes in a terminal, colour codes aside: East Asian wide and full-width
 * characters take two, control and combining characters none (as string-width 4 counts, emoji aside).
 */
export function displayWidth(s: string): number {
  const text = s.includes('\x1b') ? s.replace(SGR, '') : s;
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i)!;
    if (c > 0xffff) i++;
    if (c < 0x7f) {
      if (c > 0x1f) width++;
      continue;
    }
    if (c <= 0x9f || (c >= 0x300 && c <= 0x36f)) continue;
    width += isWide(c) ? 2 : 1;
  }
  return width;
}

function isWide(c: number): boolean {
  return (
    c >= 0x1100 &&
    (c <= 0x115f ||
      c === 0x2329 ||
      c === 0x232a ||
      (c >= 0x2e80 && c <= 0x3247 && c !== 0x303f) ||
      (c >= 0x3250 && c <= 0x4dbf) ||
      (c >= 0x4e00 && c <= 0xa4c6) ||
      (c >= 0xa960 && c <= 0xa97c) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe10 && c <= 0xfe19) ||
      (c >= 0xfe30 && c <= 0xfe6b) ||
      (c >= 0xff01 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x1b000 && c <= 0x1b001) ||
      (c >= 0x1f200 && c <= 0x1f251) ||
      (c >= 0x20000 && c <= 0x3fffd))
  );
}

/** `label` padded with spaces to `width` terminal columns. */
export function padDisplay(label: string, width: number): string {
  return label + ' '.repeat(Math.max(0, width - displayWidth(label)));
}

// Kinsoku: closing punctuation stays on the line it closes, an opening bracket or quote on the
// line it opens; the line breaks one character earlier instead.
const NO_LINE_START = new Set('、，。；：！？）」』》】〉〕”’,.;:!?)]}');
const NO_LINE_END = new Set('（「『《【〈〔“‘([{');

/** A piece of a line that is not broken inside: a word, a wide character, or a run of spaces. */
interface Unit {
  text: string;
  width: number;
  space: boolean;
}

/** How finely a line is cut into units: words, characters with their closing punctuation, characters. */
type Level = 0 | 1 | 2;

let graphemes: Intl.Segmenter | undefined;

/** The characters of a line as a terminal draws them: emoji sequences kept whole. */
function clusters(line: string): Iterable<string> {
  if (!hasEmoji(line)) return line;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(graphemes.segment(line), (s) => s.segment);
}

/**
 * A line's units. At level 0, narrow characters (Latin letters, digits) run together into a
 * word, while Chinese breaks between any two characters, and an opening bracket joins the unit
 * after it; up to level 1, closing punctuation joins the unit before it; zero-width characters
 * always join the character before them.
 */
function units(parts: Iterable<string>, measure: (s: string) => number, level: Level): Unit[] {
  const out: Unit[] = [];
  let opens = false;
  let narrow = false;
  for (const ch of parts) {
    const width = measure(ch);
    const space = ch === ' ' || ch === '\u3000';
    const last = out[out.length - 1];
    const joins =
      last !== undefined &&
      (space ? last.space : !last.space && (width === 0 || (level < 2 && NO_LINE_START.has(ch)) || (level === 0 && (opens || (narrow && width === 1)))));
    if (joins) {
      last.text += ch;
      last.width += width;
    } else out.push({ text: ch, width, space });
    opens = !space && NO_LINE_END.has(ch);
    narrow = !space && width === 1;
  }
  return out;
}

/**
 * Breaks text into lines of at most `width` terminal columns: at spaces, between Chinese
 * characters, inside a word only when it is longer than a line, and never before closing
 * punctuation or after an opening bracket. `measure` counts a character's columns.
 */
export function wrapDisplay(text: string, width: number, measure: (s: string) => number = displayWidth): string {
  return text
    .split('\n')
    .map((line) => (measure(line) <= width ? line : lay(units(clusters(line), measure, 0), width, measure, 0).join('\n')))
    .join('\n');
}

/** The units laid out greedily in lines, spaces at a break dropped; a unit wider than a line is cut finer. */
function lay(pieces: readonly Unit[], width: number, measure: (s: string) => number, level: Level): string[] {
  const lines: string[] = [];
  let cur = '';
  let w = 0;
  let gap: Unit | undefined;
  for (const u of pieces) {
    if (u.space) {
      // Spaces that start the text are kept (an indent); elsewhere they wait for the next word.
      if (cur || !lines.length) gap = u;
      continue;
    }
    const room = gap && cur ? gap.width : 0;
    if (cur && w + room + u.width > width) {
      lines.push(cur);
      [cur, w] = ['', 0];
    } else if (gap) {
      cur += gap.text;
      w += gap.width;
    }
    gap = undefined;
    if (u.width > width && level < 2) {
      if (cur) lines.push(cur);
      const finer = lay(units(clusters(u.text), measure, (level + 1) as Level), width, measure, (level + 1) as Level);
      cur = finer.pop()!;
      w = measure(cur);
      lines.push(...finer);
      continue;
    }
    cur += u.text;
    w += u.width;
  }
  lines.push(cur);
  return lines;
}
