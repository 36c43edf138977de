/** Edit distance by code point, a swap of two neighbours counting as one edit (`lsit` → `list`). */
export function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const row = d[i]!;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[x.length]![y.length]!;
}

/** Words longer than this (in UTF-16 units) are neither suggested nor given suggestions. */
const MAX_SUGGEST_LENGTH = 200;
/** Nor is anything suggested from more words than this: each is compared with the input. */
const MAX_KNOWN = 1000;

/**
 * The known word nearest to `input`, for "did you mean": a unique one containing it or contained
 * in it (`机关` → `机关工会`), else a unique one sharing most of its beginning (`complete` →
 * `completion`), else the closest by edit distance within a third of its length.
 */
export function suggest(input: string, known: readonly string[]): string | undefined {
  const needle = input.trim().toLowerCase();
  // Nobody mistypes a paragraph; and edit distance takes time and memory as the product of the lengths.
  if (!needle || needle.length > MAX_SUGGEST_LENGTH || known.length > MAX_KNOWN) return undefined;
  known = known.filter((k) => k.length <= MAX_SUGGEST_LENGTH);
  const containing = known.filter((k) => k.toLowerCase().includes(needle) || needle.includes(k.toLowerCase()));
  if (containing.length === 1) return containing[0];
  const enough = Math.max(4, Math.ceil([...needle].length * 0.75));
  const sharing = known.filter((k) => commonPrefix(needle, k.toLowerCase()) >= enough);
  if (sharing.length === 1) return sharing[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(needle, k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  const limit = Math.max(1, Math.floor([...needle].length / 3));
  return bestDistance <= limit ? best : undefined;
}

/** How many code points two strings share at their start. */
function commonPrefix(a: string, b: string): number {
  const [x, y] = [[...a], [...b]];
  let n = 0;
  while (n < x.length && x[n] === y[n]) n++;
  return n;
}
