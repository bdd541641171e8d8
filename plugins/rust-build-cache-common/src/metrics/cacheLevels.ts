import type { SccacheStats } from '../report/schema';
import { parseCacheLocation } from '../sccache/parseCacheLocation';
import type { CacheLevelMetrics } from './types';

/**
 * The levels of a multi-level cache with their hit rates. The location is parsed again
 * when a stored report predates the parsed level fields.
 */
export function cacheLevelMetrics(
  stats: SccacheStats,
): CacheLevelMetrics[] | null {
  if (!stats.multiLevel) return null;
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
      hitRate: lookups === 0 ? null : level.hits / lookups,
      writes: level.writes,
      writeFailures: level.writeFailures,
      backfillsFrom: level.backfillsFrom ?? null,
      backfillsTo: level.backfillsTo ?? null,
    };
  });
}
