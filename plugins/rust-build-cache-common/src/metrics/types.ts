/** Derived numbers of one run, computed by `computeRunMetrics` and nowhere else. @public */
export interface RunMetrics {
  /** sccache compile requests, including probes and non-cacheable calls. */
  requests: number;
  hits: number;
  misses: number;
  /** Sum of `cache_errors` over languages. */
  errors: number;
  /** hits / (hits + misses); null when there were neither. */
  hitRate: number | null;
  /**
   * hits / (hits + misses + avoidable non-cacheable requests). Requests that can never be
   * cached (cargo's probes: `missing input` and `-`; `crate-type`: binaries, proc-macros,
   * build scripts; C/C++ `-E`: the reasons marked `neverCacheable` in
   * `NON_CACHEABLE_REASONS`) are left out, and listed in `excludedFromEffective`. Requests
   * that are non-cacheable for any other reason (e.g. `incremental`) count against it.
   * Null when the denominator is 0.
   */
  effectiveHitRate: number | null;
  /** What the effective hit rate left out, reason by reason. */
  excludedFromEffective: Array<{ reason: string; count: number }>;
  /** Non-cacheable requests whose reason is not never-cacheable: fixable, or unknown. */
  avoidableNotCached: number;
  /**
   * Total seconds the compiler ran (sccache's compiler_write_duration): for misses, and from
   * sccache 0.9 on also for compiles that were not cached.
   */
  compileSeconds: number;
  cacheWriteErrors: number;
  cacheTimeouts: number;
  /**
   * Estimated compile seconds saved by hits: hits × (mean compile seconds in this run: over
   * `compilations` from sccache 0.9 on, else over misses) − time spent reading hits. Null
   * when the run had no misses to take the mean from.
   * sccache does not record what a hit would have cost to compile, so this is an estimate.
   */
  estimatedSecondsSaved: number | null;
}
