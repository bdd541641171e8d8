import type { SccacheStats } from '../report/schema';
import type { PolicyReport } from './policyReport';
import { toPolicyRun, type PolicyRun, type PolicyRunCache } from './policyRun';
import type { PolicyEvaluationInput, RuleEvidence } from './types';

/** Helpers shared by the checks of `rules.ts`, `toolchainRules.ts` and `cacheRules.ts`. */

/** What a check found, before severity and exemptions. @public */
export interface RuleCheck {
  result: 'pass' | 'fail' | 'not-applicable' | 'insufficient-data';
  summary: string;
  evidence: RuleEvidence;
}

export const runIdOf = (report: PolicyReport) => report.source.ci.runId;

/** The service's recent runs, newest first (`evaluatePolicy` computes them once). */
export function runsOf(input: PolicyEvaluationInput): PolicyRun[] {
  return input.runs ?? input.reports.map(report => toPolicyRun(report));
}

/** Pre-warm jobs fill the cache on purpose; CI health is judged on CI runs only. */
export function ciRuns(input: PolicyEvaluationInput): PolicyRun[] {
  return runsOf(input).filter(run => run.kind === 'ci');
}

export function ciRunsWithStats(
  input: PolicyEvaluationInput,
  limit: number,
): Array<PolicyRun & { cache: PolicyRunCache }> {
  return ciRuns(input)
    .filter((run): run is PolicyRun & { cache: PolicyRunCache } => !!run.cache)
    .slice(0, limit);
}

/** The newest CI run as a whole policy report: its environment, counters and toolchain. */
export function newestCiReport(
  input: PolicyEvaluationInput,
): PolicyReport | undefined {
  return input.reports.find(report => report.kind === 'ci');
}

/** The newest CI run with sccache statistics, as a whole policy report. */
export function newestCiReportWithStats(
  input: PolicyEvaluationInput,
): (PolicyReport & { sccache: SccacheStats }) | undefined {
  return input.reports.find(
    (report): report is PolicyReport & { sccache: SccacheStats } =>
      report.kind === 'ci' && !!report.sccache,
  );
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
