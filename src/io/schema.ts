import check from '../generated/plan-check.js';

/** True when data matches schemas/plan.schema.json (precompiled at build time; no error details). */
export function matchesSchema(data: unknown): boolean {
  return check(data);
}
