import { countCompileRequests } from '../metrics/compileRequests';
import { cargoLockProblem } from '../report/problems';
import type { PolicyRun } from './policyRun';
import {
  check,
  ciRuns,
  fromReportBecauseUnreadable,
  newestCiReport,
  NO_CI_RUN,
  runIdOf,
  runsOf,
  type RuleCheck,
} from './ruleChecks';
import type { PolicyEvaluationInput } from './types';

/**
 * The built-in rules. Each check is a pure function of the evaluation input (and its
 * params) that says whether the service meets the rule; severity, `appliesTo` and
 * exemptions are applied by `evaluatePolicy`.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

const SCCACHE_BINARY = /(^|[\\/])sccache(\.exe)?$/i;

/** @public */
export function checkRustcWrapperSccache(
  input: PolicyEvaluationInput,
): RuleCheck {
  const latest = newestCiReport(input);
  if (!latest) return NO_CI_RUN;
  const wrapper = latest.build.env.rustcWrapper;
  const compileRequests = latest.sccache
    ? countCompileRequests(latest.sccache.counters).requests
    : 0;
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
  const latest = newestCiReport(input);
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
  const runIds = runs.map(run => run.runId);
  const valueOf = (run: PolicyRun) => run.rustflagsSha256 ?? '(unset)';
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
    runs.filter(run => valueOf(run) !== latestValue).map(run => run.runId),
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
  const latest = runsOf(input).find(run => run.dependencies !== null);
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
        [latest.runId],
      )
    : check('fail', 'The build had no Cargo.lock.', { lockVersion }, [
        latest.runId,
      ]);
}

/** @public */
export function checkReportsFresh(
  input: PolicyEvaluationInput,
  params: { maxAgeDays: number },
): RuleCheck {
  const latest = runsOf(input).reduce<PolicyRun | null>(
    (newest, run) =>
      newest === null ||
      Date.parse(run.finishedAt) > Date.parse(newest.finishedAt)
        ? run
        : newest,
    null,
  );
  if (!latest)
    return check('fail', 'No build-cache report has been received.', {
      maxAgeDays: params.maxAgeDays,
    });
  const ageDays =
    (input.now.getTime() - Date.parse(latest.finishedAt)) / DAY_MS;
  const numbers = {
    latestFinishedAt: latest.finishedAt,
    ageDays: Math.round(ageDays * 10) / 10,
    maxAgeDays: params.maxAgeDays,
  };
  return ageDays <= params.maxAgeDays
    ? check(
        'pass',
        `The latest report is from ${latest.finishedAt}.`,
        numbers,
        [latest.runId],
      )
    : check(
        'fail',
        `The latest report is ${Math.floor(ageDays)} days old (from ${
          latest.finishedAt
        }), older than ${params.maxAgeDays} days.`,
        numbers,
        [latest.runId],
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
  checkToolchainNearBaseline,
  checkToolchainPinMatchesCi,
  checkToolchainPinnedExact,
} from './toolchainRules';
export {
  checkCacheErrorsBounded,
  checkCacheSizeBounded,
  checkEffectiveHitRate,
} from './cacheRules';
