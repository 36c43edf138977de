// Generators of broken and hostile plan files for the property tests: valid plans mutated line
// by line and byte by byte the ways hand edits, scripts and copy-paste from Word break them.
import fc from 'fast-check';
import { miniPlan, seedPlan } from '../helpers.js';

/** How many inputs a property tries: `inTest` in `npm test`; under `npm run fuzz`, FUZZ_RUNS times `scale` (cheap properties try more). */
export const runs = (inTest: number, scale = 1) => (process.env.FUZZ_RUNS ? Math.round(Number(process.env.FUZZ_RUNS) * scale) : inTest);

/** Counts the inputs a property tried, for `npm run fuzz` to report (printed when the file's tests end). */
export function counter(): { count: (name: string) => void; report: () => void } {
  const tried: Record<string, number> = {};
  return {
    count: (name) => void (tried[name] = (tried[name] ?? 0) + 1),
    report: () => {
      if (process.env.FUZZ_RUNS) console.log(`inputs tried: ${JSON.stringify(tried)}`);
    },
  };
}

const withRecords = miniPlan().replace(
  '    departments: [甲部]\n',
  '    departments: [甲部]\n    completed:\n      date: 2024-02-20\n      by: 张三\n      note: 好\n    log:\n      - date: 2024-01-15\n        note: "开始 #1"\n',
);
const flowTasks = miniPlan(`  - {id: 1, period: 1-2月, content: 第一项, departments: [甲部]}\n  - {id: 2, period: 全年, content: 'it''s', departments: [甲部, 乙部], completed: {date: 2024-03-01}}\n`);

/** Valid plans in the layouts people write: the bundled seed, small block and flow plans, CRLF, a BOM. */
export const BASES: readonly string[] = [
  seedPlan(),
  miniPlan(),
  withRecords,
  flowTasks,
  withRecords.replace(/\n/g, '\r\n'),
  `\ufeff${miniPlan()}`,
  miniPlan(undefined, 'annexTitle: 表\nissued: 2024-02-29\nintro: |\n  多行\n  正文\nsections:\n  - no: 一\n    title: 标题\n'),
];

// Fragments of YAML syntax, of the plan's vocabulary and of hostile text, spliced in anywhere.
const FRAGMENTS = [
  ': ', '- ', '-', ':', '? ', '[', ']', '{', '}', ',', '"', "'", '#', '|', '>', '|-', '>+', '&a ', '*a', '&a [x, *a]', '!!str ', '!!binary ',
  '!<tag:x> ', '!x ', '---\n', '...\n', '%YAML 1.2\n', '%TAG ! x\n', '<<: *a', '<<: {a: 1}', '__proto__: ', 'constructor: ', 'prototype: ',
  '__proto__: {polluted: 1}\n', '{__proto__: 1}', 'toString: ', 'valueOf: ', 'hasOwnProperty: ', '{toString: 1}', '[{valueOf: 1}]', '&c [*c]', '\t', '\0', '\r', '\r\n', '\n', '\ufeff', '\u2028', '\u0085', '\x1b[31m', '\\x1b', '\\e', '\\u202e',
  '\u202e', '\u200f', '\x07', '\x9b', '~', 'null', 'true', 'yes', 'on', '1e3', '0x1F', '0o17', '.inf', '-.5', '+1', '00', '1_000', '2023-02-30',
  '13月', '4-3月', 'Q5', '全年', '  ', '    ', '\\', '\\"', "''", '""', '\\U0001F600', '"\\x1b[2J"', '=cmd|"/c calc"!A1', '@SUM(1)', '+1+1',
  '<script>alert(1)</script>', '</title><script>', '" onmouseover="x', "<img src=x onerror=alert(1)>", '${x}', '%s', '\ud800', '\udfff',
  '0', '-1', '99999999999999999999', '9007199254740993', '1.0', 'id: ', 'period: ', 'content: ', 'departments: ', 'completed: ', 'log: ',
  'date: ', 'note: ', 'by: ', 'tasks: ', 'tasks:\n  - ', 'year: ', 'schemaVersion: ', 'departments: []', '[甲部, 甲部]', '甲部',
];

/** One edit of a plan's text. */
type Edit = (text: string) => string;

const at = (text: string, p: number) => Math.floor(p * (text.length + 1));
const lines = (text: string) => text.split(/(?<=\n)/);

const lineEdit = (f: (ls: string[], i: number, extra: number) => string[]): fc.Arbitrary<Edit> =>
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.nat(12)).map(([p, extra]) => (text) => {
    const ls = lines(text);
    if (!ls.length) return text;
    return f(ls, Math.floor(p * ls.length), extra).join('');
  });

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
// Unicode beyond the basic plane, lone surrogates and controls included.
const anyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\x1b', '\0', '\t', '\r', '\n', '\u202e', '\x9b', '\x7f', '"', "'", ':', '#'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 12,
});

/** Edits that break a plan the ways it gets broken. */
const edit: fc.Arbitrary<Edit> = fc.oneof(
  lineEdit((ls, i) => ls.filter((_, k) => k !== i)), // delete a line
  lineEdit((ls, i) => [...ls.slice(0, i + 1), ls[i]!, ...ls.slice(i + 1)]), // duplicate a line
  lineEdit((ls, i, n) => ls.map((l, k) => (k === i ? ' '.repeat(n % 5) + l : l))), // indent a line
  lineEdit((ls, i, n) => ls.map((l, k) => (k === i ? l.replace(new RegExp(`^ {0,${n % 5}}`), '') : l))), // dedent a line
  lineEdit((ls, i, n) => {
    const j = (i + n) % ls.length; // swap two lines
    const out = [...ls];
    [out[i], out[j]] = [ls[j]!, ls[i]!];
    return out;
  }),
  position.map((p): Edit => (text) => text.slice(0, at(text, p))), // truncate
  fc.tuple(position, fc.constantFrom(...FRAGMENTS)).map(([p, s]): Edit => (text) => text.slice(0, at(text, p)) + s + text.slice(at(text, p))),
  fc.tuple(position, anyText).map(([p, s]): Edit => (text) => text.slice(0, at(text, p)) + s + text.slice(at(text, p))),
  fc.tuple(position, fc.nat(6)).map(([p, n]): Edit => (text) => text.slice(0, at(text, p)) + text.slice(at(text, p) + n + 1)), // delete characters
  fc.constantFrom<Edit>(
    (t) => t.replace(/\n/g, '\r\n'),
    (t) => t.replace(/\n/g, '\r'),
    (t) => t.replace(/\r?\n/g, (m, off: number) => (off % 3 === 0 ? '\r\n' : off % 3 === 1 ? '\r' : m)),
    (t) => `\ufeff${t}`,
    (t) => t.replace(/^ {2}/gm, '\t'),
    (t) => t.replace(/: /g, ':\t'),
  ),
  // A value replaced by arbitrary text, quoted as YAML does (often valid, always hostile).
  fc.tuple(fc.constantFrom('content', 'title', 'note', 'by', 'annexTitle', 'period'), anyText, fc.boolean()).map(([key, value, json]): Edit => (text) =>
    text.replace(new RegExp(`(${key}: ).*`), (_m, k: string) => `${k}${json ? JSON.stringify(value) : value}`),
  ),
);

/** A valid plan broken by one to four edits. */
export const brokenPlanText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...BASES), fc.array(edit, { minLength: 1, maxLength: 4 }))
  .map(([base, edits]) => edits.reduce((text, e) => e(text), base));

/** The bytes of a file: a broken plan, sometimes with bytes that are not UTF-8 or a stray BOM. */
export const brokenPlanBytes: fc.Arbitrary<Uint8Array> = fc
  .tuple(brokenPlanText, fc.option(fc.tuple(position, fc.uint8Array({ minLength: 1, maxLength: 4 })), { freq: 4 }))
  .map(([text, bytes]) => {
    const buf = Buffer.from(text, 'utf8');
    if (!bytes) return buf;
    const p = Math.floor(bytes[0] * (buf.length + 1));
    return Buffer.concat([buf.subarray(0, p), bytes[1], buf.subarray(p)]);
  });

// Scalars at the edges of the fast reader's subset: numbers and non-numbers, null/bool spellings,
// indicators, quotes and escapes, comments, and characters YAML treats specially.
const TRICKY_SCALARS = [
  '1', '0', '00', '09', '-0', '+0', '+1', '-1', '1_000', '0o17', '0x1f', '0X1F', '0b101', '1e3', '1E3', '12e+3', '.5', '-.5', '1.', '0.', '1.0',
  '123456789012345', '1234567890123456', '12345678901234567890', '9007199254740993', '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE',
  'tRUE', 'yes', 'no', 'on', 'off', 'y', 'n', '.inf', '-.inf', '+.inf', '.Inf', '.INF', '.nan', '.NaN', '.NAN', '.nAn', '2023-01-01', '2023-1-1',
  '1:20', '1:20:30', 'a', 'a b', 'a #b', 'a#b', 'a: b', 'a:b', 'a :b', 'http://x', '-a', '- a', '?a', '? a', ':a', '@a', '`a', '%a', '!a', '&a',
  '*a', '|', '>', 'a,b', 'a]', 'a}', '[a]', '[]', '[ ]', '[a, b]', '[a,b]', '[a, b,]', '[a,,b]', '[a #c]', '[a, [b]]', '[a, {b: 1}]', '[1, 2]',
  '["a", \'b\']', '{}', '{a: 1}', "'a'", "'a''b'", "''", "'#'", "'a' #c", "'a'b", '"a"', '""', '"a\\"b"', '"\\u00e9"', '"\\/"', '"\\x41"',
  '"\\e"', '"\\0"', '"\\t"', '"\\N"', '"\\_"', '"\\L"', '"\\P"', '"\\ "', '"\\U0001F600"', '"\\ud83d\\ude00"', '"\\ud800"', '"a" #c', '"a"b',
  '"a\tb"', "'a\tb'", '3-4月', '1-2 月', '全年', '“书香城管”读书沙龙', '甲部', 'a\u00a0b', '\u00a0', 'a\u3000', '\u3000a', 'é', 'e\u0301',
];

/** Documents of the plan's shape with tricky scalars in every value position: differential testing of the fast reader. */
export const subsetText: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...TRICKY_SCALARS) }, { weight: 5, arbitrary: fc.constantFrom('1', '2024', '甲部', '第一项', '3-4月') }), {
      minLength: 8,
      maxLength: 8,
    }),
    fc.constantFrom('\n', '\r\n'),
    fc.constantFrom('', ' ', '  ', ' # note'),
    fc.constantFrom('  ', '    ', ''),
    fc.boolean(),
  )
  .map(([v, eol, trail, seqIndent, blankBetween]) => {
    const task = (i: number) => [
      `${seqIndent}- id: ${v[i]}${trail}`,
      `${seqIndent}  period: ${v[i + 1]}`,
      `${seqIndent}  content: ${v[i + 2]}`,
      `${seqIndent}  departments: [${v[i + 3]}, 甲部]${trail}`,
      `${seqIndent}  completed:`,
      `${seqIndent}    date: ${v[i + 4]}`,
      `${seqIndent}    note: ${v[i]}`,
      ...(blankBetween ? [''] : []),
    ];
    return [`schemaVersion: ${v[5]}`, `year: ${v[6]}`, `title: ${v[7]}${trail}`, `departments: ${v[3]}`, 'tasks:', ...task(0), ...task(2), ''].join(eol);
  });

// Text that attacks what the plan is shown in: terminals, pages, markdown, spreadsheets.
const ATTACKS = [
  '\x1b[2J', '\x1b]0;title\x07', '\x1b[31m', '\x9b1A', '\u202e', '\u2066', '\x00', '\r', '\t', '\n', '\u2028', '</title><script>alert(1)</script>',
  '" onmouseover="alert(1)', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '| a | b |', '`code`', '*em*', '&lt;', '&amp;',
  '=HYPERLINK("http://x")', '+1', '-1', '@SUM(1)', '\t=1', '\r=1', '%0A', '::error::x', '\\', '"', "'",
];
const hostileText = fc
  .oneof(anyText, fc.constantFrom(...ATTACKS), fc.tuple(fc.constantFrom(...ATTACKS), anyText, fc.constantFrom(...ATTACKS)).map((p) => p.join('')))
  .filter((s) => s.length > 0);

/** A valid plan (mostly) whose texts are hostile: title, annexTitle, a department, contents, notes, the recorder. */
export const hostilePlanText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(BASES[1]!, BASES[2]!, BASES[3]!, BASES[4]!), fc.array(hostileText, { minLength: 6, maxLength: 6 }), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }))
  .map(([base, t, use]) => {
    const q = (s: string) => JSON.stringify(s);
    let text = base.replace('annexTitle: 表\n', '');
    if (use[0]) text = text.replace(/^title: .*$/m, `title: ${q(t[0]!)}\nannexTitle: ${q(t[1]!)}`);
    if (use[1] && t[2] !== '乙部') text = text.replace(/甲部/g, q(t[2]!));
    if (use[2]) text = text.replace(/content: 第一项/, `content: ${q(t[3]!)}`);
    if (use[3]) text = text.replace(/note: 好/, `note: ${q(t[4]!)}`).replace(/note: "开始 #1"/, `note: ${q(t[3]!)}`);
    if (use[4]) text = text.replace(/by: 张三/, `by: ${q(t[5]!)}`);
    if (use[5]) text = text.replace(/content: 第二项/, `content: ${q(`${t[5]}${t[0]}`)}`);
    return text;
  });
