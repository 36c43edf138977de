import type { ErrorObject } from 'ajv';
import validate from '../generated/plan-validator.js';
import { m } from '../messages.js';
import { formatPath, type Problem } from '../plan/validate.js';
import { suggest } from '../plan/suggest.js';

type Path = (string | number)[];

/** Checks data against schemas/plan.schema.json (precompiled at build time, with `verbose` errors); one problem per finding. */
export function schemaProblems(data: unknown): Problem[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => describe(e, data));
}

function describe(e: ErrorObject, data: unknown): Problem {
  const path = pointerToPath(e.instancePath, data);
  const where = formatPath(path);
  const value = valueAt(data, path);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type':
      return { path, message: m.wrongType(where, typeOf(value), ([] as unknown[]).concat(p.type).map(String)) };
    case 'required':
      return { path, message: m.missingKey(where, String(p.missingProperty)) };
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const hint = suggest(key, allowed);
      return { path: [...path, key], atKey: true, message: m.unknownKey(where, key, allowed, hint ? m.didYouMean(hint) : '') };
    }
    case 'pattern':
      return { path, message: m.notADate(where, value) };
    case 'minimum':
      return { path, message: m.tooSmall(where, value, Number(p.limit)) };
    case 'maximum':
      return { path, message: m.tooLarge(where, value, Number(p.limit)) };
    case 'minLength':
      return { path, message: m.emptyText(where) };
    case 'minItems':
      return { path, message: m.emptyList(where) };
    case 'uniqueItems': {
      const at = [...path, Number(p.i)];
      return { path: at, message: m.duplicateItem(where, valueAt(data, at)) };
    }
    case 'const':
      return { path, message: m.wrongValue(where, value, JSON.stringify(p.allowedValue)) };
    default:
      return { path, message: m.schemaOther(where, e.message ?? e.keyword) };
  }
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
