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
import type { PolicyEvaluationInput } from './types';

/**
 * The built-in rules. Each check is a pure function of the evaluation input (and its
 * params) that says whether the service meets the rule; severity, `appliesTo` and
 * exemptions are applied by `evaluatePolicy`.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The toolchain file the repository has now when it was read, else the one the latest
 * report saw; undefined when there is neither.
 */
function currentToolchainFile(input: PolicyEvaluationInput) {
  if (input.snapshot) return input.snapshot.toolchainFile;
  return input.reports[0]?.toolchain.file;
}

/**
 * The latest report's broken toolchain file, unless a repository snapshot read a working
 * one since (the snapshot is what the repository has now).
 */
function brokenToolchainFile(input: PolicyEvaluationInput) {
  const latest = input.reports[0];
  if (!latest || (input.snapshot && input.snapshot.toolchainFile !== null))
    return undefined;
  return toolchainFileProblem(latest);
}

/** @public */
export function checkToolchainPinnedExact(
  input: PolicyEvaluationInput,
): RuleCheck {
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
  params: { maxMinorsBehind: number },
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
  params: { runs: number },
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
  // The snapshot is preferred: `cargo build` writes a missing Cargo.lock before `collect`
  // reads it, so a report can show a lockfile that is not committed.
  if (input.snapshot)
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
  params: { maxAgeDays: number },
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
