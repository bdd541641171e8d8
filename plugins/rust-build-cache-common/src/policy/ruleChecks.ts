import { computeRunMetrics } from '../metrics/computeRunMetrics';
import type { RunMetrics } from '../metrics/types';
import type { SccacheStats } from '../report/schema';
import type { PolicyReport } from './policyReport';
import type { PolicyEvaluationInput, RuleEvidence } from './types';

/** Helpers shared by the checks of `rules.ts` and `cacheRules.ts`. */

/** What a check found, before severity and exemptions. @public */
export interface RuleCheck {
  result: 'pass' | 'fail' | 'not-applicable' | 'insufficient-data';
  summary: string;
  evidence: RuleEvidence;
}

export const runIdOf = (report: PolicyReport) => report.source.ci.runId;

/** Pre-warm jobs fill the cache on purpose; CI health is judged on CI runs only. */
export function ciRuns(input: PolicyEvaluationInput): PolicyReport[] {
  return input.reports.filter(report => report.kind === 'ci');
}

export function ciRunsWithStats(input: PolicyEvaluationInput, limit: number) {
  return ciRuns(input)
    .flatMap(report =>
      report.sccache ? [{ report, sccache: report.sccache }] : [],
    )
    .slice(0, limit);
}

/**
 * A run's metrics, computed once per statistics object: two rules read the same runs, and
 * a full evaluation computes them for every service (a fifth of its rule time before).
 * Weak keys: the cache lives as long as the loaded reports do. Read only, it is shared.
 */
const metricsByStats = new WeakMap<SccacheStats, Readonly<RunMetrics>>();

export function runMetricsOf(sccache: SccacheStats): Readonly<RunMetrics> {
  let metrics = metricsByStats.get(sccache);
  if (!metrics) {
    metrics = computeRunMetrics(sccache);
    metricsByStats.set(sccache, metrics);
  }
  return metrics;
}

export function check(
  result: RuleCheck['result'],
  summary: string,
  numbers: RuleEvidence['numbers'] = {},
  runIds: string[] = [],
): RuleCheck {
  return { result, summary, evidence: { numbers, runIds } };
}

export const NO_CI_RUN = check(
  'insufficient-data',
  'No CI report has been received yet.',
);

export const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

/**
 * A rule's check from the CI report when the repository snapshot could not read its file:
 * the summary says what could not be read, and with no report the result is
 * insufficient data instead of a judgement on a file nobody saw.
 */
export function fromReportBecauseUnreadable(
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
