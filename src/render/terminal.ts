// Text for a terminal: user content with control characters made visible, so that only the
// tool's own colour codes ever reach the terminal.

const UNSAFE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\t': '\\t', '\r': '\\r', '\x1b': '\\x1b', '\x07': '\\x07' };

/** Replaces C0/C1 control characters (except line feed) and bidi controls with visible escapes such as `\x1b`. */
export function escapeControls(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
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

/** Columns a string takes in a terminal: East Asian wide and full-width characters take two. */
export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    width +=
      (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f) || (c >= 0x20000 && c <= 0x3fffd)
        ? 2
        : 1;
  }
  return width;
}

/** `label` padded with spaces to `width` terminal columns. */
export function padDisplay(label: string, width: number): string {
  return label + ' '.repeat(Math.max(0, width - displayWidth(label)));
}

/** Breaks text into lines of at most `width` terminal columns (Chinese has no spaces to break at). */
export function wrapDisplay(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      let cur = '';
      let w = 0;
      for (const ch of line) {
        const cw = displayWidth(ch);
        if (w + cw > width && cur) {
          out.push(cur);
          [cur, w] = ['', 0];
        }
        cur += ch;
        w += cw;
      }
      out.push(cur);
      return out.join('\n');
    })
    .join('\n');
}
