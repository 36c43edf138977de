import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import check from '../../src/generated/plan-check.js';
import precompiled from '../../src/generated/plan-validator.js';
import { COLUMN_KEYS } from '../../src/plan/types.js';
import { TASK_FIELDS } from '../../src/plan/fields.js';
import { ROOT, miniPlan } from '../helpers.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/plan.schema.json'), 'utf8'));

describe('schemas/plan.schema.json', () => {
  it('is a valid draft 2020-12 schema with a title and a description on every property', () => {
    const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true });
    expect(ajv.validateSchema(schema)).toBe(true);
    const missing: string[] = [];
    const walk = (node: Record<string, any>, where: string) => {
      for (const [name, prop] of Object.entries<Record<string, any>>(node.properties ?? {})) {
        if (!prop.title || !prop.description) missing.push(`${where}.${name}`);
        walk(prop, `${where}.${name}`);
        if (prop.items) walk(prop.items, `${where}.${name}[]`);
      }
      if (node.items) walk(node.items, `${where}[]`);
    };
    walk(schema, '');
    for (const [name, def] of Object.entries<Record<string, any>>(schema.$defs)) walk(def, `$defs.${name}`);
    expect(missing).toEqual([]);
  });

  it('forbids unknown keys in every object', () => {
    // The root picks a version's definition (if/then/else), which forbids them; a task's fields
    // are named by the plan's own column titles.
    const open = ['#', '#/$defs/task2/properties/fields'];
    const objects: string[] = [];
    const walk = (node: unknown, where: string) => {
      if (typeof node !== 'object' || node === null) return;
      const n = node as Record<string, unknown>;
      if (n.type === 'object' && n.additionalProperties !== false && !open.includes(where)) objects.push(where);
      for (const [k, v] of Object.entries(n)) walk(v, `${where}/${k}`);
    };
    walk(schema, '#');
    expect(objects).toEqual([]);
  });

  // The precompiled validator must be the schema, not a stale copy of it.
  it('agrees with the schema compiled at run time', () => {
    const runtime = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile(schema);
    const samples = [
      parse(readFileSync(join(ROOT, 'plans/2023.yaml'), 'utf8')),
      parse(miniPlan()),
      parse(miniPlan().replace('title: 测试计划', 'title: ""')),
      parse(miniPlan().replace('id: 1', 'id: x')),
      parse(miniPlan().replace('year: 2024', 'year: 1800')),
      parse(miniPlan().replace('period: 全年', 'perod: 全年')),
      parse(miniPlan(undefined, 'issued: 2024-1-1\n')),
      parse(miniPlan().replace('schemaVersion: 1', 'schemaVersion: 2')),
      parse(miniPlan().replace('schemaVersion: 1', 'schemaVersion: 2').replace('    period: 全年\n', '    due: 6月底前\n    fields: {备注: x}\n    cancelled: {date: 2024-01-01}\n')),
      parse(miniPlan().replace('schemaVersion: 1', 'schemaVersion: 2').replace('    period: 全年\n', '')),
      { schemaVersion: 1 },
      { schemaVersion: 2 },
      { schemaVersion: 3 },
      [],
      null,
    ];
    for (const sample of samples) {
      const a = precompiled(sample);
      const b = runtime(sample);
      expect(a).toBe(b);
      const essence = (errors?: ErrorObject[] | null) => errors?.map(({ instancePath, schemaPath, keyword, params }) => ({ instancePath, schemaPath, keyword, params })) ?? null;
      expect(essence(precompiled.errors)).toEqual(essence(runtime.errors));
      expect(check(sample)).toBe(b);
    }
  });

  // The schema is written by hand; the field table is what the code iterates. They must agree.
  it("knows schema 2's task keys and column keys as the field table does", () => {
    const task = schema.$defs.task2.properties as Record<string, unknown>;
    expect(Object.keys(task).sort()).toEqual([...TASK_FIELDS.map((f) => f.key), 'fields', 'completed', 'cancelled', 'log'].sort());
    expect(schema.$defs.column.properties.key.enum).toEqual([...COLUMN_KEYS]);
    for (const f of TASK_FIELDS) {
      const kind = f.kind === 'units' || f.kind === 'names' ? 'array' : f.kind === 'id' ? 'integer' : 'string';
      expect(task[f.key], f.key).toMatchObject({ type: kind });
    }
  });
});
