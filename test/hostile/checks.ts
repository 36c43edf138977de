// What hostile content must never do in each kind of output: shared by the example-based
// injection tests and the property-based ones.

/** The tool's own colour codes. */
export const SGR = /\x1b\[[0-9;]*m/g;
/** What a terminal acts on: control, C1 and bidi characters (the line feed aside). */
export const UNSAFE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** The first character a terminal would act on, once the tool's colour codes are taken out. */
export function terminalUnsafe(text: string): string | undefined {
  return UNSAFE.exec(text.replace(SGR, ''))?.[0];
}

const HTML_TAGS = new Set(['!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'footer', 'div', 'h1', 'h2', 'p', 'span', 'strong', 'hr', 'section', 'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tr', 'th', 'td', 'figure', 'svg', 'rect', 'text', 'g']);

/** What is wrong with a page the tool wrote: a tag it does not write, or an event handler. */
export function htmlProblem(html: string): string | undefined {
  for (const [tag, name] of html.matchAll(/<\/?([!a-zA-Z][a-zA-Z0-9-]*)[^>]*>?/g)) {
    if (!HTML_TAGS.has(name!.toLowerCase())) return `tag ${tag}`;
    if (/\son[a-z]+\s*=/i.test(tag)) return `handler in ${tag}`;
  }
  return undefined;
}

const MARKDOWN_TAGS = ['<br>', '<details>', '</details>', '<summary>', '</summary>'];

/** What is wrong with markdown the tool wrote: raw HTML of the plan's, or a control character. */
export function markdownProblem(md: string): string | undefined {
  let rest = md;
  for (const tag of MARKDOWN_TAGS) rest = rest.split(tag).join('');
  if (rest.includes('<')) return `raw HTML at ${JSON.stringify(rest.slice(rest.indexOf('<'), rest.indexOf('<') + 30))}`;
  const unsafe = UNSAFE.exec(rest)?.[0];
  return unsafe && `control character ${JSON.stringify(unsafe)}`;
}

/** Cells of CSV (RFC 4180, a file's BOM dropped) or TSV text. */
export function cells(text: string, format: 'csv' | 'tsv'): string[] {
  if (format === 'tsv') return text.trimEnd().split('\n').flatMap((l) => l.split('\t'));
  const out: string[] = [];
  const csv = text.replace(/^\ufeff/, '');
  // A field: quoted (line breaks and doubled quotes inside), or up to the next comma or line end.
  const field = /"((?:[^"]|"")*)"|([^,\r\n]*)/y;
  for (let at = 0; at < csv.length; ) {
    field.lastIndex = at;
    const [whole, quoted, plain] = field.exec(csv)!;
    out.push(quoted !== undefined ? quoted.replace(/""/g, '"') : plain!);
    at += whole.length;
    at += csv.startsWith('\r\n', at) ? 2 : 1; // the comma or the line end after it
  }
  return out;
}

/** A cell a spreadsheet would run as a formula (OWASP: CSV injection). */
export const isFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell);
