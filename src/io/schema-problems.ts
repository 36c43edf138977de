import type { ErrorObject } from 'ajv';
import validate from '../generated/plan-validator.js';
import { m } from '../messages.js';
import type { Path, Problem } from '../plan/validate.js';
import { suggest } from '../plan/suggest.js';

/** Checks data against schemas/plan.schema.json (precompiled at build time, with `verbose` errors); one problem per finding. */
export function schemaProblems(data: unknown): Problem[] {
  if (validate(data)) return [];
  // The schema picks version 1 or 2 with if/then/else, and says "period or due" with anyOf:
  // the branch errors say it better than "must match then schema", and the anyOf's own
  // `required` errors are one finding, said once (semantic check: noTime).
  return (validate.errors ?? []).filter((e) => e.keyword !== 'if' && e.keyword !== 'anyOf' && !e.schemaPath.includes('/anyOf/')).map((e) => describe(e, data));
}

function describe(e: ErrorObject, data: unknown): Problem {
  const path = pointerToPath(e.instancePath, data);
  const value = valueAt(data, path);
  const p = e.params as Record<string, unknown>;
  const problem = (code: Problem['code'], ...args: unknown[]): Problem => ({ path, code, args });
  switch (e.keyword) {
    case 'type':
      return problem('wrongType', typeOf(value), ([] as unknown[]).concat(p.type).map(String));
    case 'required':
      return problem('missingKey', String(p.missingProperty));
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return { path: [...path, key], atKey: true, code: 'unknownKey', args: [key, allowed, suggest(key, allowed)] };
    }
    case 'pattern':
      return problem('notADate', value);
    case 'minimum':
      return problem('tooSmall', value, Number(p.limit));
    case 'maximum':
      return problem('tooLarge', value, Number(p.limit));
    case 'minLength':
      return problem('emptyText');
    case 'minItems':
      return problem('emptyList');
    case 'uniqueItems': {
      const at = [...path, Number(p.i)];
      return { path: at, code: 'duplicateItem', args: [valueAt(data, at)] };
    }
    case 'const':
      return problem('wrongValue', value, JSON.stringify(p.allowedValue));
    case 'enum':
      return problem('wrongValue', value, (p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(' | '));
    default:
      return problem('schemaOther', e.message ?? e.keyword);
  }
}

/** A problem's message, in the user's language, after its place (`tasks[6].period`; for a problem at a key, the mapping that has it). */
export function describeProblem(p: Problem): string {
  const say = m.problems[p.code] as (where: string, ...args: unknown[]) => string;
  return say(m.path(p.atKey ? p.path.slice(0, -1) : p.path), ...p.args);
}

function pointerToPath(pointer: string, data: unknown): Path {
  if (!pointer) return [];
  const path: Path = [];
  let node = data;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = decode(raw);
    const key = Array.isArray(node) ? Number(seg) : seg;
    path.push(key);
    node = (node as Record<string | number, unknown>)?.[key];
  }
  return path;
}

function valueAt(data: unknown, path: Path): unknown {
  let node = data;
  for (const seg of path) node = (node as Record<string | number, unknown>)?.[seg];
  return node;
}

const decode = (seg: string) => seg.replace(/~1/g, '/').replace(/~0/g, '~');

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v === 'object' ? 'object' : typeof v;
}
