// The full YAML path: for plans outside the fast reader's subset and for every invalid plan,
// whose problems it locates at FILE:LINE:COL.
import { Lexer, LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';
import { m } from '../messages.js';
import { TIME_FIELDS } from '../plan/fields.js';
import { SCHEMA_VERSIONS, type Plan, type SchemaVersion } from '../plan/types.js';
import { semanticProblems, type Problem } from '../plan/validate.js';
import { rangesOf, type PairSpan, type Span, type TaskSpan } from './fast-yaml.js';
import { conflictMarkerLines } from './conflict.js';
import type { CheckResult } from './load.js';
import { describeProblem, schemaProblems } from './schema-problems.js';

// Bounds for hostile input. A plan nests five deep; yaml recurses (and allocates) per level, so
// deeper flow collections are refused before parsing (a long run of `[` would take gigabytes), and an
// overflow of yaml's own recursion on deep block nesting is reported as such. Aliases expand at
// most 100 times ("billion laughs"). Warnings are off: yaml would print file content to stderr.
const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error' } as const;
const MAX_ALIAS_COUNT = 100;
const MAX_FLOW_DEPTH = 64;
/**
 * yaml holds many times a text's size in memory while it parses: larger texts, which
 * only the fast reader handles (up to MAX_INPUT_BYTES), are refused here rather than risk
 * running out of memory.
 */
const MAX_YAML_BYTES = 8 * 1024 * 1024;
/** After this many YAML syntax errors the rest (mostly echoes of the first) are only counted. */
const MAX_SYNTAX_ERRORS = 20;

/**
 * Parses and validates a plan's text with `yaml`; never throws for a bad plan. A bad plan left
 * with git's conflict markers is one problem, at the first marker, instead of what YAML makes of them.
 */
export function checkWithYaml(file: string, text: string): CheckResult {
  const result = checkYaml(file, text);
  if (result.plan) return result;
  const markers = conflictMarkerLines(text);
  return markers.length ? { problems: [`${file}:${markers[0]}:1: ${m.mergeConflict(markers)}`] } : result;
}

function checkYaml(file: string, text: string): CheckResult {
  const lineCounter = new LineCounter();
  const at = (offset: number, message: string) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col, text: `${file}:${line}:${col}: ${message}` };
  };
  const done = (found: { line: number; col: number; text: string }[]) => ({
    problems: found.sort((a, b) => a.line - b.line || a.col - b.col).map((p) => p.text),
  });

  const size = Buffer.byteLength(text);
  if (size > MAX_YAML_BYTES) return { problems: [`${file}: ${m.tooLargeForYaml(size, MAX_YAML_BYTES)}`] };
  const deep = flowTooDeep(text);
  if (deep !== undefined) {
    const before = text.slice(0, deep);
    const line = before.split('\n').length;
    return { problems: [`${file}:${line}:${deep - before.lastIndexOf('\n')}: ${m.tooDeep}`] };
  }
  const doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter });
  if (doc.errors.length) {
    // Nesting too deep is said once: how often yaml's recursion overflows depends on Node's stack.
    const exhausted = doc.errors.findIndex((e) => e.code === 'RESOURCE_EXHAUSTION');
    const errors = doc.errors.filter((e, i) => e.code !== 'RESOURCE_EXHAUSTION' || i === exhausted);
    const shown = errors.slice(0, MAX_SYNTAX_ERRORS).map((e) => at(e.pos[0], e.code === 'RESOURCE_EXHAUSTION' ? m.tooDeep : m.yamlSyntax(e.message)));
    const rest = errors.length - shown.length;
    return { problems: [...done(shown).problems, ...(rest > 0 ? [`${file}: ${m.moreSyntaxErrors(rest)}`] : [])] };
  }
  if (doc.contents === null) return done([at(0, m.emptyFile)]);
  timesAsWritten(doc, text);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    return done([at(0, m.yamlSyntax((e as Error).message))]);
  }
  if (!isMap(doc.contents)) return done([at(doc.contents.range?.[0] ?? 0, m.notAMapping)]);

  const version = (data as Record<string, unknown>).schemaVersion;
  if (typeof version === 'number' && !SCHEMA_VERSIONS.includes(version as SchemaVersion)) {
    return done([at(offsetOf(doc, { path: ['schemaVersion'] }), m.unsupportedVersion(version, SCHEMA_VERSIONS))]);
  }
  const problems = [...schemaProblems(data), ...semanticProblems(data)];
  if (problems.length) return done(problems.map((p) => at(offsetOf(doc, p), describeProblem(p))));
  const tasks = taskSpans(doc);
  return { plan: data as Plan, problems: [], ranges: rangesOf(tasks) };
}

/**
 * A time written as a number (`due: 2024.09`, as in a 完成时限 column) is the text written:
 * YAML would read a float, and 2024.10 as 2024.1.
 */
function timesAsWritten(doc: Document, text: string): void {
  const tasks = doc.get('tasks', true);
  if (!isSeq(tasks)) return;
  for (const task of tasks.items) {
    if (!isMap(task)) continue;
    for (const key of TIME_FIELDS) {
      const node = task.get(key, true);
      if (isScalar(node) && typeof node.value === 'number' && node.range) node.value = text.slice(node.range[0], node.range[1]);
    }
  }
}

// Tokens the lexer emits that are not source text: start of document, end of flow, scalar next.
const LEXER_MARKERS = ['\x02', '\x18', '\x1f'];

/** Where flow collections (`[`, `{`) first nest deeper than MAX_FLOW_DEPTH, from yaml's own lexer (so quotes are honoured). */
function flowTooDeep(text: string): number | undefined {
  let brackets = 0;
  for (let i = text.indexOf('['); i >= 0 && brackets <= MAX_FLOW_DEPTH; i = text.indexOf('[', i + 1)) brackets++;
  for (let i = text.indexOf('{'); i >= 0 && brackets <= MAX_FLOW_DEPTH; i = text.indexOf('{', i + 1)) brackets++;
  if (brackets <= MAX_FLOW_DEPTH) return undefined;
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') {
      if (++depth > MAX_FLOW_DEPTH) return offset;
    } else if (token === ']' || token === '}') depth = Math.max(0, depth - 1);
    if (!LEXER_MARKERS.includes(token)) offset += token.length;
  }
  return undefined;
}

/** The source offset of a problem: its value's node, or its key for `atKey`; the nearest parent when missing. */
function offsetOf(doc: Document, problem: Pick<Problem, 'path' | 'atKey'>): number {
  let node: Node | null | undefined = doc.contents;
  let offset = node?.range?.[0] ?? 0;
  for (const [i, seg] of problem.path.entries()) {
    const last = i === problem.path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const key = pair.key as Node;
      if (last && problem.atKey) return key.range?.[0] ?? offset;
      node = pair.value as Node | null;
      offset = node?.range?.[0] ?? key.range?.[0] ?? offset;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg] as Node | undefined;
      if (!node) break;
      offset = node.range?.[0] ?? offset;
    } else break;
  }
  return offset;
}

/** Where each task of a plan's text is (the text must parse). */
export function taskSpansOf(text: string): TaskSpan[] {
  return taskSpans(parseDocument(text, PARSE_OPTIONS));
}

/** Where each task is, from the parsed document's node ranges. */
export function taskSpans(doc: Document): TaskSpan[] {
  const tasks = doc.get('tasks', true);
  if (!isSeq(tasks)) return [];
  return tasks.items.filter(isMap).map((item: YAMLMap) => ({
    start: item.range![0],
    end: item.range![1],
    flow: Boolean(item.flow),
    pairs: item.items.filter(isPair).map(
      (p): PairSpan => ({
        key: String((p.key as { value?: unknown }).value),
        keyStart: (p.key as Node).range![0],
        value: p.value ? span(p.value as Node) : null,
      }),
    ),
  }));
}

function span(node: Node): Span {
  const kind = isSeq(node) ? 'seq' : isMap(node) ? 'map' : 'scalar';
  return {
    start: node.range![0],
    end: node.range![1],
    kind,
    flow: Boolean((node as { flow?: boolean }).flow),
    ...(isSeq(node) && { items: node.items.map((n) => (n as Node).range![0]) }),
  };
}
