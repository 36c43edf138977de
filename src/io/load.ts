import { isPlanError, PlanError } from '../errors.js';
import { m } from '../messages.js';
import { SCHEMA_VERSIONS, type Plan, type SchemaVersion } from '../plan/types.js';
import { semanticProblems } from '../plan/validate.js';
import { fastParse, rangesOf } from './fast-yaml.js';
import { readFileBounded } from './read-bounded.js';
import { matchesSchema } from './schema.js';

/** Plans shorter than this (in characters) parse faster than a cache entry reads: they are not cached. */
const CACHE_MIN_CHARS = 32 * 1024;

/** A plan read and validated from a file, with where each task's block is in its bytes. */
export interface LoadedPlan {
  file: string;
  plan: Plan;
  /** Where each task's block is in the file's bytes (byte-order mark included), as [start, end) pairs; worked out when first asked for (by a write). */
  readonly ranges: readonly number[];
}

/** The result of checking a plan's text: the plan when valid, else every located problem. */
export interface CheckResult {
  plan?: Plan;
  problems: string[];
  /** Where each task's block is in the text, as [start, end) pairs (TaskSpan's); present with `plan`. */
  ranges?: number[];
  /** The fast reader read it (the text is in its simple subset). */
  simple?: boolean;
}

/** A plan file, read when its bytes or text are first asked for. */
export interface PlanSource {
  readonly bytes: Buffer;
  readonly bom: boolean;
  /** Decoded from UTF-8 without the mark. */
  readonly text: string;
}

/**
 * Reads, parses and validates a plan file (or the source read from it); throws a PlanError
 * listing every problem. A big plan is read through the cache of its tasks (plan-cache.ts),
 * which parses only the tasks whose text changed since the file was last read.
 */
export async function loadPlan(file: string, source: PlanSource = readPlanSource(file), env: NodeJS.ProcessEnv = process.env): Promise<LoadedPlan> {
  const { text } = source;
  const cache = text.length >= CACHE_MIN_CHARS ? await import('./plan-cache.js') : undefined;
  const cached = cache?.readCached(file, text, env);
  if (cached) return loaded(file, source, cached.plan, cached.ranges);
  const { plan, ranges, problems, simple } = await checkPlanText(file, text);
  if (!plan || !ranges) throw new PlanError(problems);
  if (cache && simple) cache.remember(file, text, plan, ranges, env);
  return loaded(file, source, plan, ranges);
}

/** A plan read, its tasks at these offsets of the text (byte offsets worked out when first asked for). */
function loaded(file: string, source: PlanSource, plan: Plan, offsets: readonly number[]): LoadedPlan {
  let bytes: number[] | undefined;
  return {
    file,
    plan,
    get ranges() {
      return (bytes ??= byteRanges(source, offsets));
    },
  };
}

/** Offsets in the text (ascending) as offsets in the file's bytes. */
function byteRanges(source: PlanSource, offsets: readonly number[]): number[] {
  const { text } = source;
  const bom = source.bom ? 3 : 0;
  if (source.bytes.length - bom === text.length) return offsets.map((o) => o + bom); // ASCII
  let bytes = bom;
  let chars = 0;
  return offsets.map((o) => {
    bytes += Buffer.byteLength(text.slice(chars, o));
    chars = o;
    return bytes;
  });
}

/**
 * A plan file, read when first asked for (with `now`, at once); reading throws a PlanError when
 * it cannot be read, or (when its text is first asked for) when it is not UTF-8.
 */
export function readPlanSource(file: string, opts: { now?: boolean } = {}): PlanSource {
  let read: Buffer | undefined;
  let text: string | undefined;
  const bytes = () => (read ??= readBytes(file));
  const bom = () => bytes()[0] === 0xef && bytes()[1] === 0xbb && bytes()[2] === 0xbf;
  if (opts.now) bytes();
  return {
    get bytes() {
      return bytes();
    },
    get bom() {
      return bom();
    },
    get text() {
      return (text ??= decodeUtf8(file, bom() ? bytes().subarray(3) : bytes()));
    },
  };
}

/** The file's bytes (at most MAX_INPUT_BYTES); a failure to read it is a PlanError naming the file. */
export function readBytes(file: string): Buffer {
  try {
    return readFileBounded(file);
  } catch (e) {
    if (isPlanError(e)) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? m.fileNotFound : code === 'EISDIR' ? m.notAFile : m.readFailed((e as Error).message);
    throw new PlanError(`${file}: ${why}`);
  }
}

/** UTF-8 text; throws a PlanError locating the first malformed byte sequence. */
function decodeUtf8(file: string, body: Buffer): string {
  // Decoding without checks is several times faster; it marks bad bytes with U+FFFD, and only then
  // (or for a file that really holds U+FFFD) does the strict decoder have to decide.
  const loose = body.toString('utf8');
  if (!loose.includes('\ufffd')) return loose;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const at = firstInvalidUtf8(body);
    const before = body.subarray(0, at).toString('utf8');
    const line = before.split('\n').length;
    const col = before.length - before.lastIndexOf('\n');
    throw new PlanError(`${file}:${line}:${col}: ${m.notUtf8}`);
  }
}

/**
 * Parses and validates a plan's text; never throws for a bad plan. Valid plans in the simple
 * subset take the fast reader; anything else, and every invalid plan, is parsed with `yaml`
 * (loaded only then), which also locates each problem in the file.
 */
export async function checkPlanText(file: string, text: string): Promise<CheckResult> {
  const fast = fastParse(text, { pairs: false });
  if (fast && SCHEMA_VERSIONS.includes(fast.data.schemaVersion as SchemaVersion)) {
    const problems = !matchesSchema(fast.data) || semanticProblems(fast.data).length > 0;
    if (!problems) return { plan: fast.data as unknown as Plan, problems: [], ranges: rangesOf(fast.tasks), simple: true };
  }
  return (await import('./yaml-check.js')).checkWithYaml(file, text);
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
