import type { CacheBackend } from '../report/schema';

/**
 * The numbers of one language group of a run, as sccache counts them (`Rust`, `C/C++`,
 * `CUDA`, `Assembler`, …). Computed by `computeRunMetrics` and nowhere else.
 * @public
 */
export interface LanguageMetrics {
  /** sccache's language group, the key of `cache_hits.counts`. */
  language: string;
  hits: number;
  misses: number;
  /** This group's `cache_errors` (of every kind; see {@link CacheFailures}). */
  errors: number;
  /**
   * Non-cacheable requests counted against this group: reasons its compiler reports that
   * are not never-cacheable. sccache does not say which compiler a reason came from: a
   * reason that rustc and the C family both report is counted against the side that
   * compiled in the run, or against both (see `RunMetrics.sharedReasons`).
   */
  avoidableNotCached: number;
  /** hits / (hits + misses); null when there were neither. */
  hitRate: number | null;
  /** hits / (hits + misses + avoidableNotCached); null when that is 0. */
  effectiveHitRate: number | null;
}

/**
 * The failures of a run's cache use, told apart by what sccache's counters imply. Run-wide:
 * sccache counts timeouts and writes for all languages together.
 * @public
 */
export interface CacheFailures {
  /** Lookups the cache did not answer within sccache's 60 s limit: compiled as misses. */
  timeouts: number;
  /**
   * Entries that could not be read (a backend read error, or a corrupt entry): cache errors
   * that came with a miss, each compiled and written again.
   */
  readErrors: number;
  /**
   * Compile results that could not be stored: `cache_write_errors`, or the write failures
   * of the levels of a multi-level cache when they are more (a failed L0 write counts in
   * both, background writes to slower levels only at their level).
   */
  writeErrors: number;
  /** False for sccache before 0.6, which counts a failed write as a write. */
  writeErrorsCounted: boolean;
  /**
   * Cache errors without a miss: the compiler failed while sccache computed the key (e.g.
   * a syntax error, a missing header), or sccache failed on the request. The cache was not
   * consulted, so these are no cache fault. Derived from the request counters:
   * executed − hits − misses − compile failures (− non-cacheable compilations from 0.9 on),
   * at most the cache errors; requests with SCCACHE_NO_CACHE (0.9+) would count here too.
   */
  errorsBeforeLookup: number;
}

/** One level of a multi-level cache (sccache 0.15+), in lookup order. @public */
export interface CacheLevelMetrics {
  /** sccache's name, e.g. `L0 (disk)`. */
  name: string;
  backend: CacheBackend;
  location: string;
  bucket: string | null;
  prefix: string | null;
  path: string | null;
  hits: number;
  /** Lookups that reached this level and did not find the entry there. */
  misses: number;
  /**
   * hits / (hits + misses) of the lookups that reached this level; null when none did, or
   * when the levels' lookups were not recorded (`countsRecorded`).
   */
  hitRate: number | null;
  /**
   * False when the run had hits or misses but sccache's server counted no lookup at any
   * level (client-side mode, `SCCACHE_CLIENT_SIDE`): the level's hits and misses are then
   * unknown, not 0. Writes are counted by the server either way.
   */
  countsRecorded: boolean;
  writes: number;
  writeFailures: number;
  /** Copies of entries found here into faster levels; null when the report lacks it. */
  backfillsFrom: number | null;
  /** Entries copied into this level from slower levels; null when the report lacks it. */
  backfillsTo: number | null;
}

/**
 * Derived numbers of one run, computed by `computeRunMetrics` and nowhere else. The
 * headline counts and rates are **Rust's**: a Rust build whose build scripts compile C
 * through sccache shows each language's own numbers in `languages`.
 * @public
 */
export interface RunMetrics {
  /**
   * sccache compile requests of every language, including probes and non-cacheable calls.
   * In client-side mode, where sccache does not count them, the sum of their outcomes.
   */
  requests: number;
  /**
   * True when sccache ran in client-side mode (`SCCACHE_CLIENT_SIDE`, 0.17+): it counted no
   * compile requests although it executed some, and a multi-level cache's per-level lookups
   * are not recorded. See `countCompileRequests`.
   */
  clientSideMode: boolean;
  /**
   * False when no Rust compilation went through sccache (no Rust hit, miss or cache error,
   * and no Rust reason other than cargo's probes): the Rust rates are then null, never 0 %.
   */
  rustCompiled: boolean;
  /** Rust hits. */
  hits: number;
  /** Rust misses. */
  misses: number;
  /** Rust cache errors (every kind; see `failures`). */
  errors: number;
  /** Rust hits / (hits + misses); null when there were neither. */
  hitRate: number | null;
  /**
   * Rust hits / (hits + misses + Rust's avoidable non-cacheable requests). Requests that can
   * never be cached (cargo's probes: `missing input` and `-`; `crate-type`: binaries,
   * proc-macros, build scripts; C/C++ preprocessing: the reasons marked `neverCacheable` in
   * `NON_CACHEABLE_REASONS`) are left out, and listed in `excludedFromEffective`. Requests
   * that are non-cacheable for any other reason (e.g. `incremental`) count against it.
   * Null when the denominator is 0.
   */
  effectiveHitRate: number | null;
  /** Rust's avoidable non-cacheable requests: fixable, or unknown. */
  avoidableNotCached: number;
  /** Every language group of the run, Rust first, then by number of requests. */
  languages: LanguageMetrics[];
  /**
   * Non-cacheable reasons counted against more than one language group, because the run
   * compiled several that can report them and sccache does not say which one did.
   */
  sharedReasons: Array<{ reason: string; count: number; languages: string[] }>;
  /** What the effective hit rates left out, reason by reason (all languages). */
  excludedFromEffective: Array<{ reason: string; count: number }>;
  /**
   * Total seconds the compiler ran (sccache's compiler_write_duration, all languages): for
   * misses, and from sccache 0.9 on also for compiles that were not cached.
   */
  compileSeconds: number;
  failures: CacheFailures;
  /** The levels of a multi-level cache; null for a single cache. */
  cacheLevels: CacheLevelMetrics[] | null;
  /**
   * Estimated compile seconds saved by the hits of every language: hits × (mean compile
   * seconds in this run: over `compilations` from sccache 0.9 on, else over misses) − time
   * spent reading hits. Null when the run had no misses to take the mean from.
   * sccache does not record what a hit would have cost to compile, so this is an estimate.
   */
  estimatedSecondsSaved: number | null;
}
