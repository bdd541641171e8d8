import type { PolicyConfig } from './policySchema';

/**
 * The policy used when none is configured. Levels are cumulative:
 * - bronze: the build reports to Backstage, goes through sccache, and has a Cargo.lock;
 * - silver: nothing in the setup defeats the cache (incremental off, exact toolchain pin
 *   that CI uses, a bounded cache with few errors);
 * - gold: the cache pays off (effective hit rate, stable RUSTFLAGS).
 * `toolchain-near-baseline` is left out because only the organisation knows its baseline;
 * `prewarm-enrolled` is in gold but not applicable until pre-warming exists.
 * @public
 */
export const DEFAULT_POLICY: PolicyConfig = {
  rules: [
    { id: 'reports-fresh', severity: 'warning', params: { maxAgeDays: 7 } },
    { id: 'rustc-wrapper-sccache', severity: 'error', params: {} },
    { id: 'cargo-lock-committed', severity: 'error', params: {} },
    { id: 'cargo-incremental-off', severity: 'error', params: {} },
    { id: 'toolchain-pinned-exact', severity: 'error', params: {} },
    { id: 'toolchain-pin-matches-ci', severity: 'error', params: {} },
    { id: 'cache-size-bounded', severity: 'warning', params: {} },
    {
      id: 'cache-errors-bounded',
      severity: 'warning',
      params: { maxMeanPerRun: 1, runs: 10 },
    },
    {
      id: 'effective-hit-rate',
      severity: 'error',
      params: { threshold: 0.8, runs: 10, minRuns: 3 },
    },
    { id: 'rustflags-stable', severity: 'warning', params: { runs: 10 } },
    { id: 'prewarm-enrolled', severity: 'warning', params: {} },
  ],
  levels: [
    {
      id: 'bronze',
      title: 'Bronze',
      rules: ['reports-fresh', 'rustc-wrapper-sccache', 'cargo-lock-committed'],
    },
    {
      id: 'silver',
      title: 'Silver',
      rules: [
        'cargo-incremental-off',
        'toolchain-pinned-exact',
        'toolchain-pin-matches-ci',
        'cache-size-bounded',
        'cache-errors-bounded',
      ],
    },
    {
      id: 'gold',
      title: 'Gold',
      rules: ['effective-hit-rate', 'rustflags-stable', 'prewarm-enrolled'],
    },
  ],
};
