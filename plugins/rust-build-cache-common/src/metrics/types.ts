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
   * build scripts) are left out, and listed in `excludedFromEffective`. Requests that are
   * non-cacheable for a fixable reason (e.g. `incremental`) count against it.
   * Null when the denominator is 0.
   */
  effectiveHitRate: number | null;
  /** What the effective hit rate left out, reason by reason. */
  excludedFromEffective: Array<{ reason: string; count: number }>;
  /** Non-cacheable requests whose reason can be fixed by configuration. */
  avoidableNotCached: number;
  /** Total seconds the compiler ran for misses (sccache's compiler_write_duration). */
  compileSeconds: number;
  cacheWriteErrors: number;
  cacheTimeouts: number;
  /**
   * Estimated compile seconds saved by hits: hits × (mean compile seconds of a miss in this
   * run) − time spent reading hits. Null when the run had no misses to take the mean from.
   * sccache does not record what a hit would have cost to compile, so this is an estimate.
   */
  estimatedSecondsSaved: number | null;
}
