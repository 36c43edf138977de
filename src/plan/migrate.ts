import type { Plan, Section, SectionItem } from './types.js';

/** A schema 1 plan as schema 2 reads the same data: version 2, narrative numbers as `label`. */
export function migratedPlan(plan: Plan): Plan {
  const relabel = <T extends Section | SectionItem>({ no, ...rest }: T): T => ({ ...(no !== undefined && { label: no }), ...rest }) as T;
  return {
    ...plan,
    schemaVersion: 2,
    ...(plan.sections && { sections: plan.sections.map((s) => ({ ...relabel(s), ...(s.items && { items: s.items.map(relabel) }) })) }),
  };
}
