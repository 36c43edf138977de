import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The `$schema` path for a plan written to `file`: from the file's folder to
 * schemas/plan.schema.json in the nearest folder above that has one (the repository the plan
 * lives in); undefined outside such a tree, where a relative path would point nowhere.
 */
export function schemaRefFor(file: string): string | undefined {
  const dir = dirname(resolve(file));
  for (let d = dir; ; d = dirname(d)) {
    const schema = join(d, 'schemas', 'plan.schema.json');
    if (existsSync(schema)) return relative(dir, schema).split(sep).join('/');
    if (dirname(d) === d) return undefined;
  }
}
