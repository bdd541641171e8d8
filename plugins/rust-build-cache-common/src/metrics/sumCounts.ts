/**
 * Sum of a map of counts, e.g. sccache's per-language `cache_hits` or `not_cached`.
 * @public
 */
export function sumCounts(counts: Record<string, number>): number {
  let total = 0;
  for (const count of Object.values(counts)) total += count;
  return total;
}
