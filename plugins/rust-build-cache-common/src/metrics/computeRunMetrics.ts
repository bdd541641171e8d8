import type { DailyPoint } from '../api/types';
import type { SccacheStats } from '../report/schema';
import { describeNonCacheableReason } from './nonCacheableReasons';
import { sumCounts } from './sumCounts';
import type { RunMetrics } from './types';

/**
 * The derived numbers of one run, as documented on {@link RunMetrics}. Non-cacheable reasons
 * that {@link describeNonCacheableReason} marks `neverCacheable` (cargo's probes `-` and
 * `missing input`, `crate-type`, C `-E`) are left out of the effective hit rate; every other
 * reason counts against it as avoidable.
 * @public
 */
export function computeRunMetrics(stats: SccacheStats): RunMetrics {
  const { counters, durations } = stats;
  const hits = sumCounts(counters.hits);
  const misses = sumCounts(counters.misses);

  const excludedFromEffective: RunMetrics['excludedFromEffective'] = [];
  let avoidableNotCached = 0;
  for (const [reason, count] of Object.entries(counters.notCached)) {
    if (count === 0) continue;
    if (describeNonCacheableReason(reason).neverCacheable)
      excludedFromEffective.push({ reason, count });
    else avoidableNotCached += count;
  }
  excludedFromEffective.sort(
    (a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1),
  );

  return {
    requests: counters.compileRequests,
    hits,
    misses,
    errors: sumCounts(counters.errors),
    ...hitRates({ hits, misses, avoidableNotCached }),
    excludedFromEffective,
    avoidableNotCached,
    compileSeconds: durations.compilerWriteSeconds,
    cacheWriteErrors: counters.cacheWriteErrors,
    cacheTimeouts: counters.cacheTimeouts,
    estimatedSecondsSaved: estimateSecondsSaved(stats, hits, misses),
  };
}

/**
 * hits × mean compile seconds − seconds spent reading hits. From sccache 0.9 on the compile
 * time also covers compiles that were not cached, and sccache itself averages it over
 * `compilations`; older versions only time misses, so the mean is over misses.
 */
function estimateSecondsSaved(
  stats: SccacheStats,
  hits: number,
  misses: number,
): number | null {
  if (misses === 0) return null;
  const compiles = stats.counters.compilations ?? misses;
  const meanCompileSeconds = stats.durations.compilerWriteSeconds / compiles;
  return hits * meanCompileSeconds - stats.durations.cacheReadHitSeconds;
}

/** The sums of a day's runs (or any group of runs), as used by {@link DailyPoint}. @public */
export type CombinedRunMetrics = Pick<
  DailyPoint,
  | 'runs'
  | 'requests'
  | 'hits'
  | 'misses'
  | 'errors'
  | 'avoidableNotCached'
  | 'hitRate'
  | 'effectiveHitRate'
  | 'compileSeconds'
  | 'cacheWriteErrors'
>;

/**
 * Sums the metrics of several runs, e.g. one day's CI runs for the time series. The rates
 * are taken over the sums (a run with many compiles weighs more), not averaged.
 * @public
 */
export function combineRunMetrics(metrics: RunMetrics[]): CombinedRunMetrics {
  const sum = (pick: (run: RunMetrics) => number) =>
    metrics.reduce((total, run) => total + pick(run), 0);
  const hits = sum(run => run.hits);
  const misses = sum(run => run.misses);
  const avoidableNotCached = sum(run => run.avoidableNotCached);
  return {
    runs: metrics.length,
    requests: sum(run => run.requests),
    hits,
    misses,
    errors: sum(run => run.errors),
    avoidableNotCached,
    ...hitRates({ hits, misses, avoidableNotCached }),
    compileSeconds: sum(run => run.compileSeconds),
    cacheWriteErrors: sum(run => run.cacheWriteErrors),
  };
}

/**
 * The hit rate and the effective hit rate from counts: of one run, or summed over several
 * (then the rates are taken over the sums, so a run with many compiles weighs more).
 * The one place these formulas live; see {@link RunMetrics} for what they mean.
 * @public
 */
export function hitRates(counts: {
  hits: number;
  misses: number;
  avoidableNotCached: number;
}): Pick<RunMetrics, 'hitRate' | 'effectiveHitRate'> {
  const { hits, misses, avoidableNotCached } = counts;
  return {
    hitRate: ratio(hits, hits + misses),
    effectiveHitRate: ratio(hits, hits + misses + avoidableNotCached),
  };
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
