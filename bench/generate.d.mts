/** A deterministic pseudo-random generator (mulberry32). */
export function random(seed: number): () => number;
/** A plan of `n` tasks in the SPEC layout. */
export function generatePlan(n: number, opts?: { year?: number; seed?: number }): string;
