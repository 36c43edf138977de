import type { TaskView } from './view.js';

/** How many tasks a group has, and how many of them are done, overdue and cancelled. */
export interface Tally {
  key: string;
  total: number;
  done: number;
  overdue: number;
  cancelled: number;
}

/**
 * Tasks counted per key (a task counts once for each of its keys): in the order of `order`
 * (every key of it listed, with zeros), then any other key in annex order of first appearance.
 */
export function tally(tasks: readonly TaskView[], keysOf: (t: TaskView) => readonly string[], order: readonly string[] = []): Tally[] {
  const byKey = new Map(order.map((key) => [key, { key, total: 0, done: 0, overdue: 0, cancelled: 0 }]));
  for (const t of tasks) {
    for (const key of keysOf(t)) {
      let counts = byKey.get(key);
      if (!counts) byKey.set(key, (counts = { key, total: 0, done: 0, overdue: 0, cancelled: 0 }));
      counts.total++;
      if (t.status === 'done' || t.status === 'overdue' || t.status === 'cancelled') counts[t.status]++;
    }
  }
  return [...byKey.values()];
}

/** Tallies per canonical period, in annex order of first appearance. */
export const byPeriod = (tasks: readonly TaskView[]): Tally[] => tally(tasks, (t) => [t.period]);

/** Tallies per unit of the registry, in its order: as lead (responsible) unit, and apart, as co-operating unit. */
export function byUnit(tasks: readonly TaskView[], registry: readonly string[]): { lead: Tally[]; support: Tally[] } {
  return { lead: tally(tasks, (t) => t.departments, registry), support: tally(tasks, (t) => t.support, registry) };
}
