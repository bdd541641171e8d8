import { cargoLockProblem, toolchainFileProblem } from '../report/problems';
import type { BuildCacheReport } from '../report/schema';
import { toolchainMatchesRustc } from '../toolchain/parseRustcVersion';
import { isExactToolchainPin } from '../toolchain/parseToolchainFile';
import {
  check,
  ciRuns,
  NO_CI_RUN,
  runIdOf,
  type RuleCheck,
} from './ruleChecks';
import type { PolicyRuleParams } from './policySchema';
import type { PolicyEvaluationInput, PolicyRuleId } from './types';

/**
 * The built-in rules. Each check is a pure function of the evaluation input (and its
 * params) that says whether the service meets the rule; severity, `appliesTo` and
 * exemptions are applied by `evaluatePolicy`.
 */

/** Default title and remediation of each built-in rule. @public */
export const BUILT_IN_RULES: Record<
  PolicyRuleId,
  { title: string; remediation: string }
> = {
  'toolchain-pinned-exact': {
    title: 'Toolchain pinned to an exact release',
    remediation:
      'Commit a rust-toolchain.toml with an exact channel, e.g. `[toolchain]` `channel = "1.95.0"` (or a dated nightly such as `nightly-2026-01-01`). sccache puts the compiler\'s `rustc -vV` output into every Rust cache key, so with `stable` or `nightly` each new release makes every crate miss. Move the pin in a pull request of its own.',
  },
  'toolchain-near-baseline': {
    title: "Toolchain close to the organisation's baseline",
    remediation:
      "Update the channel in rust-toolchain.toml to the policy's baseline release or a later one, in a pull request of its own: the first runs after the change miss on every crate, because sccache keys every compile on the rustc version.",
  },
  'toolchain-pin-matches-ci': {
    title: 'CI builds with the pinned toolchain',
    remediation:
      'Make CI build with the toolchain the file pins: run cargo through rustup inside the workspace, and do not override it with `RUSTUP_TOOLCHAIN`, a `+toolchain` argument or a toolchain installed first on PATH. If both `rust-toolchain` and `rust-toolchain.toml` exist, rustup uses the legacy `rust-toolchain`: delete one.',
  },
  'rustc-wrapper-sccache': {
    title: 'Builds go through sccache',
    remediation:
      'Set `RUSTC_WRAPPER=sccache` in the CI job\'s environment, or `build.rustc-wrapper = "sccache"` in `.cargo/config.toml`, so that cargo sends each rustc call through sccache.',
  },
  'cargo-incremental-off': {
    title: 'Incremental compilation off in CI',
    remediation:
      "Set `CARGO_INCREMENTAL=0` in the CI job's environment. sccache cannot cache incremental compiles (non-cacheable reason `incremental`), and cargo's dev profile is incremental by default since Rust 1.24. Do not set `CARGO_INCREMENTAL=1`: sccache 0.5.1 and later refuse to compile with it.",
  },
  'effective-hit-rate': {
    title: 'Effective hit rate',
    remediation:
      "Look at the non-cacheable reasons and misses of recent runs on the service's page. Common causes: the `incremental` reason (set `CARGO_INCREMENTAL=0`); a cache that is not kept between runs (check the backend and its key prefix); a checkout directory or `CARGO_HOME` that changes between runs (sccache hashes the working directory and source paths); changing `RUSTFLAGS`; and `CARGO_*` variables that differ between runs (sccache hashes every one of them).",
  },
  'cache-errors-bounded': {
    title: 'Few cache read errors, write errors and timeouts',
    remediation:
      'Read the sccache server log (`SCCACHE_ERROR_LOG`, with `SCCACHE_LOG=debug`) for the failing cache reads and writes. For a remote backend, check its credentials, endpoint, quota and network; for the disk cache, free space and permissions of `SCCACHE_DIR`. An entry that cannot be read (corrupt, or a failed backend read) counts as a read error plus a miss and is compiled again. A cache set to read-only counts every miss as a write error (sccache 0.8+). Errors before the lookup, such as a syntax error while sccache computes the key, are not counted: they are no cache fault.',
  },
  'cache-size-bounded': {
    title: 'Cache size chosen deliberately',
    remediation:
      "For sccache's local disk cache, also as a level of a multi-level cache, set `SCCACHE_CACHE_SIZE` (e.g. `2G`) to what your CI cache storage can hold: the default is 10G, as much as a repository's whole GitHub Actions cache. The disk cache evicts least recently used entries when full; it has no time-based expiry. Or use a remote backend such as S3, GCS, Redis or the GitHub Actions cache (`SCCACHE_GHA_ENABLED=on`).",
  },
  'rustflags-stable': {
    title: 'RUSTFLAGS stable across runs',
    remediation:
      'Use the same `RUSTFLAGS` in every CI job and branch that shares the cache: sccache hashes the compiler arguments, so any change in `RUSTFLAGS` makes every crate miss.',
  },
  'cargo-lock-committed': {
    title: 'Cargo.lock committed',
    remediation:
      'Commit Cargo.lock. Without it every CI run resolves the dependencies again, and each newly published version of a dependency changes what is compiled, so its cache entries miss.',
  },
  'reports-fresh': {
    title: 'Recent build-cache reports',
    remediation:
      "Run `rust-build-cache collect` and `rust-build-cache push` right after `cargo build` in the service's CI workflow (see the ci-reporter README), so that recent runs reach Backstage.",
  },
  'prewarm-enrolled': {
    title: 'Enrolled in cache pre-warming',
    remediation:
      'Enrol the service in cache pre-warming, so that a scheduled job fills the cache from the default branch.',
  },
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The toolchain file the repository has now when it was read, else the one the latest
 * report saw; undefined when there is neither.
 */
function currentToolchainFile(input: PolicyEvaluationInput) {
  if (input.snapshot && !input.snapshot.unreadable?.toolchain)
    return input.snapshot.toolchainFile;
  return input.reports[0]?.toolchain.file;
}

/**
 * A rule's check from the CI report when the repository snapshot could not read its file:
 * the summary says what could not be read, and with no report the result is
 * insufficient data instead of a judgement on a file nobody saw.
 */
function fromReportBecauseUnreadable(
  fromReport: RuleCheck,
  unreadable: string | undefined,
  file: string,
): RuleCheck {
  if (!unreadable) return fromReport;
  const note = `The repository's ${file} could not be read (${unreadable.replace(
    /\.$/,
    '',
  )}).`;
  if (fromReport.result === 'insufficient-data')
    return { ...fromReport, summary: `${note} No CI report shows it either.` };
  return {
    ...fromReport,
    summary: `${note} From the latest CI report: ${fromReport.summary}`,
  };
}

/**
 * The latest report's broken toolchain file, unless a repository snapshot read a working
 * one since (the snapshot is what the repository has now).
 */
function brokenToolchainFile(input: PolicyEvaluationInput) {
  const latest = input.reports[0];
  if (
    !latest ||
    (input.snapshot &&
      !input.snapshot.unreadable?.toolchain &&
      input.snapshot.toolchainFile !== null)
  )
    return undefined;
  return toolchainFileProblem(latest);
}

/** @public */
export function checkToolchainPinnedExact(
  input: PolicyEvaluationInput,
): RuleCheck {
  return fromReportBecauseUnreadable(
    checkToolchainFilePin(input),
    input.snapshot?.unreadable?.toolchain,
    'toolchain file',
  );
}

function checkToolchainFilePin(input: PolicyEvaluationInput): RuleCheck {
  const broken = brokenToolchainFile(input);
  if (broken)
    return check(
      'fail',
      `${broken.file} is broken: ${broken.message}. A toolchain file that cannot be read pins nothing.`,
      { channel: null, file: broken.file, problem: broken.message },
      [runIdOf(input.reports[0])],
    );
  const file = currentToolchainFile(input);
  if (file === undefined)
    return check(
      'insufficient-data',
      'Neither a repository snapshot nor a report says which toolchain file exists.',
    );
  if (file === null)
    return check(
      'fail',
      'No rust-toolchain file: CI builds with whatever toolchain the runner has.',
      { channel: null },
    );
  const pinned = file.channel ?? (file.path ? `path ${file.path}` : null);
  return isExactToolchainPin(file.channel)
    ? check('pass', `${file.file} pins ${file.channel}.`, { channel: pinned })
    : check(
        'fail',
        `${file.file} ${
          pinned ? `selects ${pinned}` : 'sets no channel'
        }, which is not an exact release.`,
        { channel: pinned },
      );
}

/** `[major, minor]` of `1.95.0`, `1.96.0-nightly` or `1.95`; null for anything else. */
function majorMinor(release: string): [number, number] | null {
  const match = /^(\d+)\.(\d+)(?:\.\d+)?(?:-[\w.-]+)?$/.exec(release);
  return match ? [Number(match[1]), Number(match[2])] : null;
}

/** @public */
export function checkToolchainNearBaseline(
  input: PolicyEvaluationInput,
  params: PolicyRuleParams<'toolchain-near-baseline'>,
  baselineRelease: string | undefined,
): RuleCheck {
  const baseline = baselineRelease ? majorMinor(baselineRelease) : null;
  if (!baselineRelease || !baseline)
    return check(
      'not-applicable',
      'The policy sets no baseline.rustRelease to compare with.',
    );
  const latest = ciRuns(input)[0];
  if (!latest) return NO_CI_RUN;
  const release = latest.toolchain.rustc?.release ?? null;
  const used = release ? majorMinor(release) : null;
  if (!release || !used)
    return check(
      'insufficient-data',
      `The latest CI run reported no rustc release that can be compared (${
        release ?? 'none'
      }).`,
      { rustc: release },
      [runIdOf(latest)],
    );
  // Minor releases only count within one major version; another major is far off either way.
  const minorsBehind =
    used[0] === baseline[0] ? Math.max(0, baseline[1] - used[1]) : null;
  const isNear =
    used[0] > baseline[0] ||
    (minorsBehind !== null && minorsBehind <= params.maxMinorsBehind);
  const numbers = {
    rustc: release,
    baseline: baselineRelease,
    minorsBehind,
    maxMinorsBehind: params.maxMinorsBehind,
  };
  return isNear
    ? check(
        'pass',
        `CI used rustc ${release}; the baseline is ${baselineRelease}.`,
        numbers,
        [runIdOf(latest)],
      )
    : check(
        'fail',
        `CI used rustc ${release}, more than ${params.maxMinorsBehind} minor releases behind the baseline ${baselineRelease}.`,
        numbers,
        [runIdOf(latest)],
      );
}

/** @public */
export function checkToolchainPinMatchesCi(
  input: PolicyEvaluationInput,
): RuleCheck {
  const latest = ciRuns(input)[0];
  if (!latest) return NO_CI_RUN;
  // The report's own file, not the snapshot's: the one CI had checked out when rustc ran.
  const { file, rustc } = latest.toolchain;
  const broken = toolchainFileProblem(latest);
  if (broken)
    return check(
      'not-applicable',
      `${broken.file} is broken (${broken.message}): there is no pin to compare with; toolchain-pinned-exact reports it.`,
      { status: 'unpinned', file: broken.file, problem: broken.message },
      [runIdOf(latest)],
    );
  const { status, detail } = toolchainMatchesRustc(file, rustc);
  const found = (result: RuleCheck['result'], summary: string) =>
    check(result, summary, { status }, [runIdOf(latest)]);
  switch (status) {
    case 'match':
      return found('pass', detail);
    case 'mismatch':
      return found('fail', detail);
    case 'unknown':
      return found('insufficient-data', detail);
    default:
      // Without an exact pin there is nothing to match; toolchain-pinned-exact reports it.
      return found(
        'not-applicable',
        `${detail} There is no exact pin to compare with.`,
      );
  }
}

const SCCACHE_BINARY = /(^|[\\/])sccache(\.exe)?$/i;

/** @public */
export function checkRustcWrapperSccache(
  input: PolicyEvaluationInput,
): RuleCheck {
  const latest = ciRuns(input)[0];
  if (!latest) return NO_CI_RUN;
  const wrapper = latest.build.env.rustcWrapper;
  const compileRequests = latest.sccache?.counters.compileRequests ?? 0;
  const numbers = { rustcWrapper: wrapper, compileRequests };
  const runIds = [runIdOf(latest)];
  if (wrapper !== null && SCCACHE_BINARY.test(wrapper))
    return check('pass', `RUSTC_WRAPPER is ${wrapper}.`, numbers, runIds);
  // The wrapper may be set in .cargo/config.toml, which the report does not read; requests
  // counted by sccache prove that cargo went through it.
  if (compileRequests > 0)
    return check(
      'pass',
      `sccache received ${compileRequests} compile requests (the wrapper is not set through RUSTC_WRAPPER).`,
      numbers,
      runIds,
    );
  return check(
    'fail',
    wrapper === null
      ? 'RUSTC_WRAPPER is not set and sccache received no compile requests.'
      : `RUSTC_WRAPPER is ${wrapper}, not sccache, and sccache received no compile requests.`,
    numbers,
    runIds,
  );
}

/** @public */
export function checkCargoIncrementalOff(
  input: PolicyEvaluationInput,
): RuleCheck {
  const latest = ciRuns(input)[0];
  if (!latest) return NO_CI_RUN;
  const cargoIncremental = latest.build.env.cargoIncremental;
  const incrementalRequests =
    latest.sccache?.counters.notCached.incremental ?? 0;
  const numbers = { cargoIncremental, incrementalRequests };
  const runIds = [runIdOf(latest)];
  if (incrementalRequests > 0)
    return check(
      'fail',
      `${incrementalRequests} compile request(s) were not cacheable because they were incremental (CARGO_INCREMENTAL is ${
        cargoIncremental ?? 'not set'
      }).`,
      numbers,
      runIds,
    );
  if (cargoIncremental !== null && cargoIncremental !== '0')
    return check(
      'fail',
      `CARGO_INCREMENTAL is ${cargoIncremental}, which turns incremental compilation on.`,
      numbers,
      runIds,
    );
  return check(
    'pass',
    cargoIncremental === '0'
      ? 'CARGO_INCREMENTAL is 0.'
      : 'No compile request was incremental.',
    numbers,
    runIds,
  );
}

/** @public */
export function checkRustflagsStable(
  input: PolicyEvaluationInput,
  params: PolicyRuleParams<'rustflags-stable'>,
): RuleCheck {
  const runs = ciRuns(input).slice(0, params.runs);
  const runIds = runs.map(runIdOf);
  const valueOf = (report: BuildCacheReport) =>
    report.build.env.rustflags.sha256 ?? '(unset)';
  const distinct = new Set(runs.map(valueOf));
  const numbers = { runs: runs.length, distinctRustflags: distinct.size };
  if (runs.length < 2)
    return check(
      'insufficient-data',
      `${runs.length} CI run(s); at least 2 are needed to compare RUSTFLAGS.`,
      numbers,
      runIds,
    );
  if (distinct.size === 1)
    return check(
      'pass',
      `The last ${runs.length} CI runs used the same RUSTFLAGS.`,
      numbers,
      runIds,
    );
  const latestValue = valueOf(runs[0]);
  return check(
    'fail',
    `The last ${runs.length} CI runs used ${distinct.size} different RUSTFLAGS values.`,
    numbers,
    // The runs whose flags differ from the newest run's: their cache entries do not match.
    runs.filter(run => valueOf(run) !== latestValue).map(runIdOf),
  );
}

/** @public */
export function checkCargoLockCommitted(
  input: PolicyEvaluationInput,
): RuleCheck {
  return fromReportBecauseUnreadable(
    checkCargoLock(input),
    input.snapshot?.unreadable?.dependencies,
    'Cargo.lock',
  );
}

function checkCargoLock(input: PolicyEvaluationInput): RuleCheck {
  // The snapshot is preferred: `cargo build` writes a missing Cargo.lock before `collect`
  // reads it, so a report can show a lockfile that is not committed.
  if (input.snapshot && !input.snapshot.unreadable?.dependencies)
    return input.snapshot.cargoLockCommitted
      ? check('pass', 'The repository has Cargo.lock committed.', {
          cargoLockCommitted: 'yes',
        })
      : check('fail', 'The repository has no committed Cargo.lock.', {
          cargoLockCommitted: 'no',
        });
  const broken = input.reports[0] && cargoLockProblem(input.reports[0]);
  if (broken)
    return check(
      'fail',
      `${broken.file} is broken: ${broken.message}. The dependencies it pins are unknown.`,
      { lockVersion: null, file: broken.file, problem: broken.message },
      [runIdOf(input.reports[0])],
    );
  const latest = input.reports.find(report => report.dependencies !== null);
  if (!latest?.dependencies)
    return check(
      'insufficient-data',
      'No repository snapshot, and no report with Cargo.lock information.',
    );
  const { lockVersion } = latest.dependencies;
  return lockVersion !== null
    ? check(
        'pass',
        `The build had a version ${lockVersion} Cargo.lock.`,
        { lockVersion },
        [runIdOf(latest)],
      )
    : check('fail', 'The build had no Cargo.lock.', { lockVersion }, [
        runIdOf(latest),
      ]);
}

/** @public */
export function checkReportsFresh(
  input: PolicyEvaluationInput,
  params: PolicyRuleParams<'reports-fresh'>,
): RuleCheck {
  const latest = input.reports.reduce<BuildCacheReport | null>(
    (newest, report) =>
      newest === null ||
      Date.parse(report.source.finishedAt) >
        Date.parse(newest.source.finishedAt)
        ? report
        : newest,
    null,
  );
  if (!latest)
    return check('fail', 'No build-cache report has been received.', {
      maxAgeDays: params.maxAgeDays,
    });
  const ageDays =
    (input.now.getTime() - Date.parse(latest.source.finishedAt)) / DAY_MS;
  const numbers = {
    latestFinishedAt: latest.source.finishedAt,
    ageDays: Math.round(ageDays * 10) / 10,
    maxAgeDays: params.maxAgeDays,
  };
  return ageDays <= params.maxAgeDays
    ? check(
        'pass',
        `The latest report is from ${latest.source.finishedAt}.`,
        numbers,
        [runIdOf(latest)],
      )
    : check(
        'fail',
        `The latest report is ${Math.floor(ageDays)} days old (from ${
          latest.source.finishedAt
        }), older than ${params.maxAgeDays} days.`,
        numbers,
        [runIdOf(latest)],
      );
}

/** @public */
export function checkPrewarmEnrolled(input: PolicyEvaluationInput): RuleCheck {
  if (input.prewarmEnrolled === null || input.prewarmEnrolled === undefined)
    return check(
      'not-applicable',
      'Cache pre-warming enrolment does not exist yet, so it cannot be checked.',
    );
  return input.prewarmEnrolled
    ? check('pass', 'The service is enrolled in cache pre-warming.')
    : check('fail', 'The service is not enrolled in cache pre-warming.');
}

export type { RuleCheck } from './ruleChecks';
export {
  checkCacheErrorsBounded,
  checkCacheSizeBounded,
  checkEffectiveHitRate,
} from './cacheRules';
