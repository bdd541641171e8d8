import type { RepositorySnapshot } from '../api/types';
import type { PolicyReport } from './policyReport';
import type { PolicyRun } from './policyRun';
import type { PolicyRuleId } from './builtInRules';

export { POLICY_RULE_IDS, type PolicyRuleId } from './builtInRules';

/** @public */
export type RuleSeverity = 'error' | 'warning';

/**
 * The outcome of one rule for one service:
 * - `pass` / `fail`: the rule was checked; `fail` only for rules of severity `error`;
 * - `warn`: a rule of severity `warning` failed;
 * - `not-applicable`: the rule does not apply to this service (its `appliesTo`, or the
 *   thing it checks does not exist for it);
 * - `insufficient-data`: not enough reports to tell, which is not a failure;
 * - `exempt`: it would fail or warn, but an unexpired exemption covers it.
 * @public
 */
export const RULE_OUTCOMES = [
  'pass',
  'fail',
  'warn',
  'not-applicable',
  'insufficient-data',
  'exempt',
] as const;

/** @public */
export type RuleOutcome = (typeof RULE_OUTCOMES)[number];

/** The catalog entity the policy is evaluated for. @public */
export interface PolicyEntity {
  kind: string;
  type?: string;
  tags: string[];
  /** Entity ref of the owner, e.g. `group:default/payments`. */
  owner?: string;
  lifecycle?: string;
}

/**
 * What the rules read of the repository's default branch (as opposed to what CI reported):
 * the part of the stored {@link RepositorySnapshot} they need.
 * @public
 */
export type PolicyRepositoryFacts = Pick<
  RepositorySnapshot,
  'toolchainFile' | 'cargoLockCommitted' | 'unreadable'
>;

/** Everything a rule may look at. Rules are pure functions of it. @public */
export interface PolicyEvaluationInput {
  entity: PolicyEntity;
  /**
   * Recent reports of the service, newest first: whole reports, or their
   * {@link PolicyReport} (what the rules read). With `runs`, only those of them that
   * `reportsReadInFull(runs)` names.
   */
  reports: PolicyReport[];
  /**
   * Every recent report of the service as a {@link PolicyRun}, newest first; what the
   * windowed rules read. Absent: computed from `reports`.
   */
  runs?: PolicyRun[];
  /** Absent when nobody read the repository. */
  snapshot?: PolicyRepositoryFacts | null;
  now: Date;
  /** Null or undefined while pre-warm enrolment does not exist as a feature. */
  prewarmEnrolled?: boolean | null;
}

/** The numbers (and run ids) a result is based on, for display and audit. @public */
export interface RuleEvidence {
  numbers: Record<string, number | string | null>;
  /** `source.ci.runId` of the reports the rule looked at. */
  runIds: string[];
}

/** The result of one configured rule. @public */
export interface RuleResult {
  ruleId: PolicyRuleId;
  title: string;
  /** The policy's description of the rule, null when it sets none. */
  description: string | null;
  severity: RuleSeverity;
  result: RuleOutcome;
  summary: string;
  evidence: RuleEvidence;
  /** What to change; the policy's `remediation` when it sets one. */
  remediation: string;
}

/** An agreed, time-limited exception to one rule for one service. @public */
export interface PolicyExemption {
  ruleId: string;
  /** ISO 8601; the exemption no longer applies from this instant on. */
  expiresAt: string;
  reason: string;
  author: string;
}
