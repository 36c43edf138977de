import { readFileSync } from 'node:fs';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { PlanError } from '../errors.js';
import { m } from '../messages.js';
import { SCHEMA_VERSIONS, type Plan } from '../plan/types.js';
import { semanticProblems, type Problem } from '../plan/validate.js';
import { schemaProblems } from './schema.js';

/** A plan read and validated from a file. */
export interface LoadedPlan {
  file: string;
  plan: Plan;
}

/** The result of checking a plan's text: the plan when valid, else every located problem. */
export interface CheckResult {
  plan?: Plan;
  problems: string[];
  /** The parsed document, for locating nodes when editing. */
  doc?: Document;
}

/** A plan file's text, decoded from UTF-8 without its byte-order mark, and whether it had one. */
export interface PlanSource {
  text: string;
  bom: boolean;
}

// Bounds for hostile input: alias expansion and nesting.
const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true } as const;
const MAX_ALIAS_COUNT = 100;

/** Reads, parses and validates a plan file; throws a PlanError listing every problem. */
export function loadPlan(file: string): LoadedPlan {
  const { plan, problems } = checkPlanText(file, readPlanSource(file).text);
  if (!plan) throw new PlanError(problems);
  return { file, plan };
}

/** A plan file's text; throws a PlanError when it cannot be read or is not UTF-8. */
export function readPlanSource(file: string): PlanSource {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? m.fileNotFound : code === 'EISDIR' ? m.notAFile : m.readFailed((e as Error).message);
    throw new PlanError(`${file}: ${why}`);
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), bom };
  } catch {
    const at = firstInvalidUtf8(body);
    const before = body.subarray(0, at).toString('utf8');
    const line = before.split('\n').length;
    const col = before.length - before.lastIndexOf('\n');
    throw new PlanError(`${file}:${line}:${col}: ${m.notUtf8}`);
  }
}

/** Parses and validates a plan's text; never throws for a bad plan. */
export function checkPlanText(file: string, text: string): CheckResult {
  const lineCounter = new LineCounter();
  const at = (offset: number, message: string) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col, text: `${file}:${line}:${col}: ${message}` };
  };
  const done = (found: { line: number; col: number; text: string }[]) => ({
    problems: found.sort((a, b) => a.line - b.line || a.col - b.col).map((p) => p.text),
  });

  const doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter });
  if (doc.errors.length) return done(doc.errors.map((e) => at(e.pos[0], m.yamlSyntax(e.message))));
  if (doc.contents === null) return done([at(0, m.emptyFile)]);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    return done([at(0, m.yamlSyntax((e as Error).message))]);
  }
  if (!isMap(doc.contents)) return done([at(doc.contents.range?.[0] ?? 0, m.notAMapping)]);

  const version = (data as Record<string, unknown>).schemaVersion;
  if (typeof version === 'number' && !SCHEMA_VERSIONS.includes(version)) {
    return done([at(offsetOf(doc, { path: ['schemaVersion'], message: '' }), m.unsupportedVersion(version, SCHEMA_VERSIONS))]);
  }
  const problems = [...schemaProblems(data), ...semanticProblems(data)];
  if (problems.length) return done(problems.map((p) => at(offsetOf(doc, p), p.message)));
  return { plan: data as Plan, problems: [], doc };
}

/** The source offset of a problem: its value's node, or its key for `atKey`; the nearest parent when missing. */
function offsetOf(doc: Document, problem: Problem): number {
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

/** Byte offset of the first malformed UTF-8 sequence (used only to locate the error). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const extra = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += extra + 1;
  }
  return 0;
}
