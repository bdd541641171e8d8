import { computeRunMetrics } from '../metrics/computeRunMetrics';
import type { CacheFailures, RunMetrics } from '../metrics/types';
import type { PolicyReport } from './policyReport';

/**
 * What the rules read of every report in their window: a few numbers (the cache rules' from
 * `computeRunMetrics`) instead of the report's sccache statistics, toolchain and environment.
 * The backend stores it next to each report's {@link PolicyReport} (written at ingestion),
 * so that an evaluation parses whole policy reports only for the few newest ones the rules
 * read in full ({@link reportsReadInFull}).
 * @public
 */
export interface PolicyRun {
  kind: PolicyReport['kind'];
  finishedAt: string;
  runId: string;
  /** `build.env.rustflags.sha256`. */
  rustflagsSha256: string | null;
  /** The report's `dependencies.lockVersion`; null without a dependencies section. */
  dependencies: { lockVersion: number | null } | null;
  /** The run's cache numbers; null when it has no sccache statistics. */
  cache: PolicyRunCache | null;
}

/** What the cache rules sum over their window of runs, from `computeRunMetrics`. @public */
export interface PolicyRunCache {
  rustCompiled: boolean;
  hits: number;
  misses: number;
  avoidableNotCached: number;
  failures: Pick<
    CacheFailures,
    'readErrors' | 'writeErrors' | 'timeouts' | 'errorsBeforeLookup'
  >;
}

/**
 * The {@link PolicyRun} of a report or policy report. `metrics`: the run metrics of its
 * sccache statistics when the caller has computed them already (ingestion does).
 * @public
 */
export function toPolicyRun(
  report: PolicyReport,
  metrics?: RunMetrics | null,
): PolicyRun {
  const { sccache } = report;
  const numbers = sccache ? metrics ?? computeRunMetrics(sccache) : null;
  return {
    kind: report.kind,
    finishedAt: report.source.finishedAt,
    runId: report.source.ci.runId,
    rustflagsSha256: report.build.env.rustflags.sha256,
    dependencies: report.dependencies
      ? { lockVersion: report.dependencies.lockVersion }
      : null,
    cache: numbers
      ? {
          rustCompiled: numbers.rustCompiled,
          hits: numbers.hits,
          misses: numbers.misses,
          avoidableNotCached: numbers.avoidableNotCached,
          failures: {
            readErrors: numbers.failures.readErrors,
            writeErrors: numbers.failures.writeErrors,
            timeouts: numbers.failures.timeouts,
            errorsBeforeLookup: numbers.failures.errorsBeforeLookup,
          },
        }
      : null,
  };
}

/**
 * A {@link PolicyRun} as the backend stores it, one JSON array per report (a quarter of the
 * object's text): its kind, finish time, run id and RUSTFLAGS hash, then
 * `dependencies` as a one-element array of the lock version and `cache` as the eight
 * numbers in the order of the type (`rustCompiled` as 1 or 0), each null where the run's
 * is. An evaluation parses each service's window of them (the last 10 CI runs by
 * default). The text ends in `,null]` exactly when the run has no cache numbers (the
 * backend's query relies on that).
 * @public
 */
export type EncodedPolicyRun = [
  kind: PolicyRun['kind'],
  finishedAt: string,
  runId: string,
  rustflagsSha256: string | null,
  dependencies: [lockVersion: number | null] | null,
  cache:
    | [
        rustCompiled: 0 | 1,
        hits: number,
        misses: number,
        avoidableNotCached: number,
        readErrors: number,
        writeErrors: number,
        timeouts: number,
        errorsBeforeLookup: number,
      ]
    | null,
];

/** The stored form of a {@link PolicyRun}; {@link decodePolicyRun} reverses it. @public */
export function encodePolicyRun(run: PolicyRun): EncodedPolicyRun {
  const { dependencies, cache } = run;
  return [
    run.kind,
    run.finishedAt,
    run.runId,
    run.rustflagsSha256,
    dependencies ? [dependencies.lockVersion] : null,
    cache
      ? [
          cache.rustCompiled ? 1 : 0,
          cache.hits,
          cache.misses,
          cache.avoidableNotCached,
          cache.failures.readErrors,
          cache.failures.writeErrors,
          cache.failures.timeouts,
          cache.failures.errorsBeforeLookup,
        ]
      : null,
  ];
}

/** The {@link PolicyRun} of its stored form ({@link encodePolicyRun}). @public */
export function decodePolicyRun(encoded: EncodedPolicyRun): PolicyRun {
  const [kind, finishedAt, runId, rustflagsSha256, dependencies, cache] =
    encoded;
  return {
    kind,
    finishedAt,
    runId,
    rustflagsSha256,
    dependencies: dependencies ? { lockVersion: dependencies[0] } : null,
    cache: cache
      ? {
          rustCompiled: cache[0] === 1,
          hits: cache[1],
          misses: cache[2],
          avoidableNotCached: cache[3],
          failures: {
            readErrors: cache[4],
            writeErrors: cache[5],
            timeouts: cache[6],
            errorsBeforeLookup: cache[7],
          },
        }
      : null,
  };
}

/**
 * Which of a service's recent runs (newest first) the rules read as whole
 * {@link PolicyReport}s, by index: the newest report (its toolchain file and problems), the
 * newest CI run (its environment, counters and rustc) and the newest CI run with sccache
 * statistics (its cache locations). Evaluating with these reports and every run as
 * {@link PolicyRun}s gives the same results as with every report in full.
 * @public
 */
export function reportsReadInFull(runs: PolicyRun[]): number[] {
  const indices = new Set<number>();
  if (runs.length > 0) indices.add(0);
  const newestCi = runs.findIndex(run => run.kind === 'ci');
  if (newestCi >= 0) indices.add(newestCi);
  const newestCiWithStats = runs.findIndex(
    run => run.kind === 'ci' && run.cache !== null,
  );
  if (newestCiWithStats >= 0) indices.add(newestCiWithStats);
  return [...indices].sort((a, b) => a - b);
}
