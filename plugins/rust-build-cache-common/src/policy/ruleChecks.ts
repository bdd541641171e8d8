import type { BuildCacheReport } from '../report/schema';
import type { PolicyEvaluationInput, RuleEvidence } from './types';

/** Helpers shared by the checks of `rules.ts` and `cacheRules.ts`. */

/** What a check found, before severity and exemptions. @public */
export interface RuleCheck {
  result: 'pass' | 'fail' | 'not-applicable' | 'insufficient-data';
  summary: string;
  evidence: RuleEvidence;
}

export const runIdOf = (report: BuildCacheReport) => report.source.ci.runId;

/** Pre-warm jobs fill the cache on purpose; CI health is judged on CI runs only. */
export function ciRuns(input: PolicyEvaluationInput): BuildCacheReport[] {
  return input.reports.filter(report => report.kind === 'ci');
}

export function ciRunsWithStats(input: PolicyEvaluationInput, limit: number) {
  return ciRuns(input)
    .flatMap(report =>
      report.sccache ? [{ report, sccache: report.sccache }] : [],
    )
    .slice(0, limit);
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
