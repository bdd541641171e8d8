import { z } from 'zod';
import {
  checkCacheErrorsBounded,
  checkCacheSizeBounded,
  checkEffectiveHitRate,
} from './cacheRules';
import {
  defineRule,
  fraction,
  noParams,
  PolicyRuleDefinition,
  wholeNumber,
} from './ruleDefinition';
import {
  checkCargoIncrementalOff,
  checkCargoLockCommitted,
  checkPrewarmEnrolled,
  checkReportsFresh,
  checkRustcWrapperSccache,
  checkRustflagsStable,
} from './rules';
import {
  checkToolchainNearBaseline,
  checkToolchainPinMatchesCi,
  checkToolchainPinnedExact,
} from './toolchainRules';

/**
 * The built-in rules, in the order the ids are listed everywhere. Each is one object:
 * texts, params, the reports it needs and its check.
 * @public
 */
export const BUILT_IN_RULE_DEFINITIONS = [
  defineRule({
    id: 'toolchain-pinned-exact',
    title: 'Toolchain pinned to an exact release',
    remediation:
      'Commit a rust-toolchain.toml with an exact channel, e.g. `[toolchain]` `channel = "1.95.0"` (or a dated nightly such as `nightly-2026-01-01`). sccache puts the compiler\'s `rustc -vV` output into every Rust cache key, so with `stable` or `nightly` each new release makes every crate miss. Move the pin in a pull request of its own.',
    params: noParams(),
    check: input => checkToolchainPinnedExact(input),
  }),
  defineRule({
    id: 'toolchain-near-baseline',
    title: "Toolchain close to the organisation's baseline",
    remediation:
      "Update the channel in rust-toolchain.toml to the policy's baseline release or a later one, in a pull request of its own: the first runs after the change miss on every crate, because sccache keys every compile on the rustc version.",
    params: z
      .strictObject({
        /** How many minor releases the rustc used in CI may trail `baseline.rustRelease`. */
        maxMinorsBehind: wholeNumber(0).default(2),
      })
      .prefault({}),
    configIssues: policy =>
      policy.baseline?.rustRelease
        ? []
        : [
            {
              path: ['baseline', 'rustRelease'],
              message: 'is required by the rule toolchain-near-baseline',
            },
          ],
    check: (input, params, policy) =>
      checkToolchainNearBaseline(input, params, policy.baseline?.rustRelease),
  }),
  defineRule({
    id: 'toolchain-pin-matches-ci',
    title: 'CI builds with the pinned toolchain',
    remediation:
      'Make CI build with the toolchain the file pins: run cargo through rustup inside the workspace, and do not override it with `RUSTUP_TOOLCHAIN`, a `+toolchain` argument or a toolchain installed first on PATH. If both `rust-toolchain` and `rust-toolchain.toml` exist, rustup uses the legacy `rust-toolchain`: delete one.',
    params: noParams(),
    check: input => checkToolchainPinMatchesCi(input),
  }),
  defineRule({
    id: 'rustc-wrapper-sccache',
    title: 'Builds go through sccache',
    remediation:
      'Set `RUSTC_WRAPPER=sccache` in the CI job\'s environment, or `build.rustc-wrapper = "sccache"` in `.cargo/config.toml`, so that cargo sends each rustc call through sccache.',
    params: noParams(),
    check: input => checkRustcWrapperSccache(input),
  }),
  defineRule({
    id: 'cargo-incremental-off',
    title: 'Incremental compilation off in CI',
    remediation:
      "Set `CARGO_INCREMENTAL=0` in the CI job's environment. sccache cannot cache incremental compiles (non-cacheable reason `incremental`), and cargo's dev profile is incremental by default since Rust 1.24. Do not set `CARGO_INCREMENTAL=1`: sccache 0.5.1 and later refuse to compile with it.",
    params: noParams(),
    check: input => checkCargoIncrementalOff(input),
  }),
  defineRule({
    id: 'effective-hit-rate',
    title: 'Effective hit rate',
    remediation:
      "Look at the non-cacheable reasons and misses of recent runs on the service's page. Common causes: the `incremental` reason (set `CARGO_INCREMENTAL=0`); a cache that is not kept between runs (check the backend and its key prefix); a checkout directory or `CARGO_HOME` that changes between runs (sccache hashes the working directory and source paths); changing `RUSTFLAGS`; and `CARGO_*` variables that differ between runs (sccache hashes every one of them).",
    params: z
      .strictObject({
        threshold: fraction.default(0.8),
        /** The last N CI runs that reported sccache statistics. */
        runs: wholeNumber(1).default(10),
        /** Fewer runs than this gives `insufficient-data`, not a failure. */
        minRuns: wholeNumber(1).default(3),
      })
      .superRefine((params, ctx) => {
        if (params.minRuns > params.runs) {
          ctx.addIssue({
            code: 'custom',
            path: ['minRuns'],
            message: `must not be more than runs (${params.runs}), or the rule never has enough data`,
          });
        }
      })
      .prefault({}),
    ciRunsNeeded: params => params.runs,
    check: (input, params) => checkEffectiveHitRate(input, params),
  }),
  defineRule({
    id: 'cache-errors-bounded',
    title: 'Few cache read errors, write errors and timeouts',
    remediation:
      'Read the sccache server log (`SCCACHE_ERROR_LOG`, with `SCCACHE_LOG=debug`) for the failing cache reads and writes. For a remote backend, check its credentials, endpoint, quota and network; for the disk cache, free space and permissions of `SCCACHE_DIR`. An entry that cannot be read (corrupt, or a failed backend read) counts as a read error plus a miss and is compiled again. A cache set to read-only counts every miss as a write error (sccache 0.8+). Errors before the lookup, such as a syntax error while sccache computes the key, are not counted: they are no cache fault.',
    params: z
      .strictObject({
        /** Cache errors + timeouts per run, averaged over the last `runs` CI runs. */
        maxMeanPerRun: z
          .number({ error: 'must be a number' })
          .min(0, 'must be at least 0')
          .default(1),
        runs: wholeNumber(1).default(10),
      })
      .prefault({}),
    ciRunsNeeded: params => params.runs,
    check: (input, params) => checkCacheErrorsBounded(input, params),
  }),
  defineRule({
    id: 'cache-size-bounded',
    title: 'Cache size chosen deliberately',
    remediation:
      "For sccache's local disk cache, also as a level of a multi-level cache, set `SCCACHE_CACHE_SIZE` (e.g. `2G`) to what your CI cache storage can hold: the default is 10G, as much as a repository's whole GitHub Actions cache. The disk cache evicts least recently used entries when full; it has no time-based expiry. Or use a remote backend such as S3, GCS, Redis or the GitHub Actions cache (`SCCACHE_GHA_ENABLED=on`).",
    params: noParams(),
    check: input => checkCacheSizeBounded(input),
  }),
  defineRule({
    id: 'rustflags-stable',
    title: 'RUSTFLAGS stable across runs',
    remediation:
      'Use the same `RUSTFLAGS` in every CI job and branch that shares the cache: sccache hashes the compiler arguments, so any change in `RUSTFLAGS` makes every crate miss.',
    params: z
      .strictObject({
        runs: wholeNumber(2).default(10),
      })
      .prefault({}),
    ciRunsNeeded: params => params.runs,
    check: (input, params) => checkRustflagsStable(input, params),
  }),
  defineRule({
    id: 'cargo-lock-committed',
    title: 'Cargo.lock committed',
    remediation:
      'Commit Cargo.lock. Without it every CI run resolves the dependencies again, and each newly published version of a dependency changes what is compiled, so its cache entries miss.',
    params: noParams(),
    check: input => checkCargoLockCommitted(input),
  }),
  defineRule({
    id: 'reports-fresh',
    title: 'Recent build-cache reports',
    remediation:
      "Run `rust-build-cache collect` and `rust-build-cache push` right after `cargo build` in the service's CI workflow (see the ci-reporter README), so that recent runs reach Backstage.",
    params: z
      .strictObject({
        maxAgeDays: wholeNumber(1).default(7),
      })
      .prefault({}),
    check: (input, params) => checkReportsFresh(input, params),
  }),
  defineRule({
    id: 'prewarm-enrolled',
    title: 'Enrolled in cache pre-warming',
    remediation:
      'Enrol the service in cache pre-warming, so that a scheduled job fills the cache from the default branch.',
    params: noParams(),
    check: input => checkPrewarmEnrolled(input),
  }),
] as const;

/** @public */
export type PolicyRuleId = (typeof BUILT_IN_RULE_DEFINITIONS)[number]['id'];

/** The ids of the built-in rules; a policy can only configure these. @public */
export const POLICY_RULE_IDS = BUILT_IN_RULE_DEFINITIONS.map(
  rule => rule.id,
) as unknown as readonly [PolicyRuleId, ...PolicyRuleId[]];

const BUILT_IN_RULES_BY_ID = new Map<
  string,
  PolicyRuleDefinition<PolicyRuleId>
>(
  BUILT_IN_RULE_DEFINITIONS.map(rule => [
    rule.id,
    rule as PolicyRuleDefinition<PolicyRuleId>,
  ]),
);

/** The definition of a built-in rule by id. @public */
export function builtInRule(
  id: PolicyRuleId,
): PolicyRuleDefinition<PolicyRuleId> {
  return BUILT_IN_RULES_BY_ID.get(id)!;
}

/** Default title and remediation of each built-in rule. @public */
export const BUILT_IN_RULES = Object.fromEntries(
  BUILT_IN_RULE_DEFINITIONS.map(rule => [
    rule.id,
    { title: rule.title, remediation: rule.remediation },
  ]),
) as Record<PolicyRuleId, { title: string; remediation: string }>;
