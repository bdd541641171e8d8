import { DailyPoint } from '@rust-build-cache/plugin-rust-build-cache-common';
import { DailyRollup } from '../database/RustBuildCacheStore';

/**
 * A day's point from its rollup, which sums the same per-run metrics that
 * `combineRunMetrics` sums. The rates are taken over the sums, as `combineRunMetrics`
 * does; a test holds the two to the same numbers.
 */
export function toDailyPoint(rollup: DailyRollup): DailyPoint {
  const { hits, misses, avoidableNotCached } = rollup;
  return {
    ...rollup,
    hitRate: ratio(hits, hits + misses),
    effectiveHitRate: ratio(hits, hits + misses + avoidableNotCached),
  };
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
