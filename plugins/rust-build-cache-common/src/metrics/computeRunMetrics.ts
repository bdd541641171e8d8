import type { DailyPoint, LanguageTotals } from '../api/types';
import type { SccacheStats } from '../report/schema';
import { cacheFailures } from './cacheFailures';
import { cacheLevelMetrics } from './cacheLevels';
import { countCompileRequests } from './compileRequests';
import { breakDownByLanguage } from './languageMetrics';
import { RUST_LANGUAGE } from './nonCacheableReasons';
import { sumCounts } from './sumCounts';
import type { LanguageMetrics, RunMetrics } from './types';

/**
 * The version of what {@link computeRunMetrics} answers for the same statistics. The backend
 * stores each run's metrics with this version at ingestion and serves the stored metrics
 * only while the version is the same; runs stored under another version get theirs computed
 * again from their report, so a correction applies to every run, old or new. Raise it with
 * every change of the output (a test over every fixture fails until it is raised).
 * @public
 */
export const RUN_METRICS_VERSION = 1;

/**
 * The derived numbers of one run, as documented on {@link RunMetrics}: Rust's hit rates as
 * the headline, every language group's own, the failures by kind and the cache levels.
 * Non-cacheable reasons that `describeNonCacheableReason` marks `neverCacheable` (cargo's
 * probes `-` and `missing input`, `crate-type`, C `-E`) are left out of the effective hit
 * rates; every other reason counts against the language(s) whose compiler reports it.
 * @public
 */
export function computeRunMetrics(stats: SccacheStats): RunMetrics {
  const { counters, durations } = stats;
  const breakdown = breakDownByLanguage(counters);
  const languages = breakdown.counts.map(withRates);
  const rust = languages.find(l => l.language === RUST_LANGUAGE);
  const rustCounts =
    rust && breakdown.rustCompiled
      ? rust
      : { hits: 0, misses: 0, errors: 0, avoidableNotCached: 0 };
  const { requests, clientSideMode } = countCompileRequests(counters);
  return {
    requests,
    clientSideMode,
    rustCompiled: breakdown.rustCompiled,
    hits: rustCounts.hits,
    misses: rustCounts.misses,
    errors: rustCounts.errors,
    avoidableNotCached: rustCounts.avoidableNotCached,
    ...(breakdown.rustCompiled
      ? hitRates(rustCounts)
      : { hitRate: null, effectiveHitRate: null }),
    languages,
    sharedReasons: breakdown.sharedReasons,
    excludedFromEffective: breakdown.excludedFromEffective,
    compileSeconds: durations.compilerWriteSeconds,
    failures: cacheFailures(stats),
    cacheLevels: cacheLevelMetrics(stats),
    estimatedSecondsSaved: estimateSecondsSaved(stats),
  };
}

function withRates(
  counts: Omit<LanguageMetrics, 'hitRate' | 'effectiveHitRate'>,
): LanguageMetrics {
  return { ...counts, ...hitRates(counts) };
}

/**
 * hits × mean compile seconds − seconds spent reading hits, over every language (sccache
 * times compiles and reads for all of them together). From sccache 0.9 on the compile time
 * also covers compiles that were not cached, and sccache itself averages it over
 * `compilations`; older versions only time misses, so the mean is over misses.
 */
function estimateSecondsSaved(stats: SccacheStats): number | null {
  const hits = sumCounts(stats.counters.hits);
  const misses = sumCounts(stats.counters.misses);
  if (misses === 0) return null;
  const compiles = stats.counters.compilations ?? misses;
  const meanCompileSeconds = stats.durations.compilerWriteSeconds / compiles;
  return hits * meanCompileSeconds - stats.durations.cacheReadHitSeconds;
}

/** The sums of a day's runs (or any group of runs), as used by {@link DailyPoint}. @public */
export type CombinedRunMetrics = Omit<DailyPoint, 'day' | 'languagesMixed'>;

/**
 * Sums the metrics of several runs, e.g. one day's CI runs for the time series: Rust's
 * counts as the headline, the other language groups each on their own. The rates are taken
 * over the sums (a run with many compiles weighs more), not averaged.
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
    otherLanguages: combineOtherLanguages(metrics),
    compileSeconds: sum(run => run.compileSeconds),
    cacheWriteErrors: sum(run => run.failures.writeErrors),
  };
}

function combineOtherLanguages(metrics: RunMetrics[]): LanguageTotals[] {
  const totals = new Map<
    string,
    Omit<LanguageTotals, 'hitRate' | 'effectiveHitRate'>
  >();
  for (const run of metrics) {
    for (const language of run.languages) {
      if (language.language === RUST_LANGUAGE) continue;
      const total = totals.get(language.language) ?? {
        language: language.language,
        hits: 0,
        misses: 0,
        errors: 0,
        avoidableNotCached: 0,
      };
      total.hits += language.hits;
      total.misses += language.misses;
      total.errors += language.errors;
      total.avoidableNotCached += language.avoidableNotCached;
      totals.set(language.language, total);
    }
  }
  return [...totals.values()]
    .sort((a, b) => (a.language < b.language ? -1 : 1))
    .map(total => ({ ...total, ...hitRates(total) }));
}

/**
 * The hit rate and the effective hit rate from counts: of one language of one run, or summed
 * over several runs (then the rates are taken over the sums, so a run with many compiles
 * weighs more). The one place these formulas live; see {@link RunMetrics} for what they mean.
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
