import type { SccacheStats } from '../report/schema';
import { parseCacheLocation } from '../sccache/parseCacheLocation';
import { sumCounts } from './sumCounts';
import type { CacheLevelMetrics } from './types';

/**
 * The levels of a multi-level cache with their hit rates. The location is parsed again
 * when a stored report predates the parsed level fields.
 */
export function cacheLevelMetrics(
  stats: SccacheStats,
): CacheLevelMetrics[] | null {
  if (!stats.multiLevel) return null;
  const countsRecorded = levelCountsRecorded(stats);
  return stats.multiLevel.map(level => {
    const parsed =
      level.backend === undefined ? parseCacheLocation(level.location) : null;
    const lookups = level.hits + level.misses;
    return {
      name: level.name,
      backend: parsed?.backend ?? level.backend ?? 'unknown',
      location: level.location,
      bucket: parsed?.bucket ?? level.bucket ?? null,
      prefix: parsed?.prefix ?? level.prefix ?? null,
      path: parsed?.path ?? level.path ?? null,
      hits: level.hits,
      misses: level.misses,
      hitRate: lookups === 0 || !countsRecorded ? null : level.hits / lookups,
      countsRecorded,
      writes: level.writes,
      writeFailures: level.writeFailures,
      backfillsFrom: level.backfillsFrom ?? null,
      backfillsTo: level.backfillsTo ?? null,
    };
  });
}

/**
 * False when the run had cache hits or misses but no level saw a lookup: the server did not
 * do the lookups, as in client-side mode (`SCCACHE_CLIENT_SIDE`, 0.17+), where the wrappers
 * read the cache themselves and the server's level counters stay 0 (mozilla/sccache#2804).
 */
function levelCountsRecorded(stats: SccacheStats): boolean {
  const levels = stats.multiLevel ?? [];
  const levelLookups = levels.reduce(
    (total, level) => total + level.hits + level.misses,
    0,
  );
  const runLookups =
    sumCounts(stats.counters.hits) + sumCounts(stats.counters.misses);
  return levelLookups > 0 || runLookups === 0;
}
