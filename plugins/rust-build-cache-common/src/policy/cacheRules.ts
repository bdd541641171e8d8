import { cacheLevelMetrics as computeCacheLevels } from '../metrics/cacheLevels';
import { hitRates } from '../metrics/computeRunMetrics';
import type { CacheBackend, SccacheStats } from '../report/schema';
import {
  check,
  ciRunsWithStats,
  newestCiReportWithStats,
  percent,
  runIdOf,
  type RuleCheck,
} from './ruleChecks';
import type { PolicyEvaluationInput } from './types';

/** The checks of the rules about the cache itself: hit rate, failures and size. */

/** @public */
export function checkEffectiveHitRate(
  input: PolicyEvaluationInput,
  params: { threshold: number; runs: number; minRuns: number },
): RuleCheck {
  const runs = ciRunsWithStats(input, params.runs);
  const runIds = runs.map(run => run.runId);
  // Rust's counts: C/C++ compiled by build scripts has its own rate and does not count here.
  const totals = { hits: 0, misses: 0, avoidableNotCached: 0 };
  let runsWithoutRust = 0;
  for (const run of runs) {
    const metrics = run.cache;
    if (!metrics.rustCompiled) runsWithoutRust += 1;
    totals.hits += metrics.hits;
    totals.misses += metrics.misses;
    totals.avoidableNotCached += metrics.avoidableNotCached;
  }
  // Over the sums, so that a run with many compiles weighs more than a tiny one.
  const { effectiveHitRate } = hitRates(totals);
  // Written out, not spread: a spread amid a literal took most of this rule's time.
  const numbers = {
    runs: runs.length,
    minRuns: params.minRuns,
    runsWithoutRust,
    hits: totals.hits,
    misses: totals.misses,
    avoidableNotCached: totals.avoidableNotCached,
    effectiveHitRate,
    threshold: params.threshold,
  };
  if (runs.length < params.minRuns)
    return check(
      'insufficient-data',
      `${runs.length} CI run(s) with sccache statistics; at least ${params.minRuns} are needed.`,
      numbers,
      runIds,
    );
  if (effectiveHitRate === null)
    return check(
      'insufficient-data',
      runsWithoutRust === runs.length
        ? `No Rust compilations went through sccache in the last ${runs.length} CI run(s).`
        : `The last ${runs.length} CI run(s) had no cacheable Rust compile requests.`,
      numbers,
      runIds,
    );
  const measured = `Rust effective hit rate ${percent(
    effectiveHitRate,
  )} over the last ${runs.length} CI run(s)`;
  return effectiveHitRate >= params.threshold
    ? check(
        'pass',
        `${measured}, at least ${percent(params.threshold)}.`,
        numbers,
        runIds,
      )
    : check(
        'fail',
        `${measured}, below ${percent(params.threshold)}.`,
        numbers,
        runIds,
      );
}

/** @public */
export function checkCacheErrorsBounded(
  input: PolicyEvaluationInput,
  params: { maxMeanPerRun: number; runs: number },
): RuleCheck {
  const runs = ciRunsWithStats(input, params.runs);
  if (runs.length === 0)
    return check(
      'insufficient-data',
      'No CI run with sccache statistics has been received yet.',
    );
  const totals = {
    readErrors: 0,
    writeErrors: 0,
    timeouts: 0,
    errorsBeforeLookup: 0,
  };
  const runsWithProblems: string[] = [];
  for (const run of runs) {
    // Write errors include every level of a multi-level cache.
    const failures = run.cache.failures;
    totals.readErrors += failures.readErrors;
    totals.writeErrors += failures.writeErrors;
    totals.timeouts += failures.timeouts;
    totals.errorsBeforeLookup += failures.errorsBeforeLookup;
    if (failures.readErrors + failures.writeErrors + failures.timeouts > 0)
      runsWithProblems.push(run.runId);
  }
  // Errors before the lookup (e.g. a syntax error) are compile failures, not cache faults.
  const counted = totals.readErrors + totals.writeErrors + totals.timeouts;
  const meanPerRun = counted / runs.length;
  const numbers = {
    runs: runs.length,
    readErrors: totals.readErrors,
    writeErrors: totals.writeErrors,
    timeouts: totals.timeouts,
    errorsBeforeLookup: totals.errorsBeforeLookup,
    meanPerRun,
    maxMeanPerRun: params.maxMeanPerRun,
  };
  const measured = `${totals.readErrors} read error(s), ${
    totals.writeErrors
  } write error(s) and ${totals.timeouts} timeout(s) in the last ${
    runs.length
  } CI run(s), ${meanPerRun.toFixed(2)} per run${
    totals.errorsBeforeLookup > 0
      ? ` (not counted: ${totals.errorsBeforeLookup} error(s) before the cache lookup, e.g. compile errors)`
      : ''
  }`;
  return meanPerRun <= params.maxMeanPerRun
    ? check(
        'pass',
        `${measured}, at most ${params.maxMeanPerRun}.`,
        numbers,
        runsWithProblems,
      )
    : check(
        'fail',
        `${measured}, more than ${params.maxMeanPerRun}.`,
        numbers,
        runsWithProblems,
      );
}

/**
 * Each cache the run used: the levels of a multi-level cache, or the single cache. A local
 * disk cache (also as a level) is bounded only by SCCACHE_CACHE_SIZE.
 */
function cachesOf(sccache: SccacheStats): Array<{
  name: string;
  backend: CacheBackend;
  location: string;
}> {
  const levels = computeCacheLevels(sccache);
  if (levels) return levels;
  return [{ name: 'cache', ...sccache.cache }];
}

/** @public */
export function checkCacheSizeBounded(input: PolicyEvaluationInput): RuleCheck {
  const latest = newestCiReportWithStats(input);
  if (!latest)
    return check(
      'insufficient-data',
      'No CI run with sccache statistics has been received yet.',
    );
  const { backend, maxSize } = latest.sccache.cache;
  const caches = cachesOf(latest.sccache);
  const cacheSize = latest.build.env.sccacheCacheSize;
  const numbers = {
    backend,
    levels: latest.sccache.multiLevel
      ? caches.map(c => `${c.name}: ${c.backend}`).join(', ')
      : null,
    sccacheCacheSize: cacheSize,
    maxSize,
  };
  const runIds = [runIdOf(latest)];
  const unknown = caches.filter(c => c.backend === 'unknown');
  if (unknown.length > 0)
    return check(
      'insufficient-data',
      `sccache's cache location is not recognised: ${unknown
        .map(c => c.location || c.name)
        .join('; ')}`,
      numbers,
      runIds,
    );
  const local = caches.filter(c => c.backend === 'local');
  const where = latest.sccache.multiLevel
    ? `The multi-level cache's disk level (${local
        .map(c => c.name)
        .join(', ')})`
    : 'Local disk cache';
  if (local.length === 0)
    return check(
      'pass',
      latest.sccache.multiLevel
        ? `Every level of the multi-level cache is a remote backend (${caches
            .map(c => c.backend)
            .join(', ')}).`
        : `The cache is a remote backend (${backend}).`,
      numbers,
      runIds,
    );
  return cacheSize !== null
    ? check(
        'pass',
        `${where} with SCCACHE_CACHE_SIZE=${cacheSize}.`,
        numbers,
        runIds,
      )
    : check(
        'fail',
        `${where} without SCCACHE_CACHE_SIZE: it grows to the 10G default.`,
        numbers,
        runIds,
      );
}
