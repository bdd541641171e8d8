import type { PolicyConfig, PolicyRuleConfig } from './policySchema';
import { builtInRule } from './builtInRules';
import { toPolicyRun } from './policyRun';
import type { PolicyAppliesTo } from './ruleDefinition';
import type {
  PolicyEntity,
  PolicyEvaluationInput,
  PolicyExemption,
  RuleOutcome,
  RuleResult,
} from './types';

/** How many rules ended in each outcome. @public */
export interface PolicyResultCounts {
  passed: number;
  failed: number;
  warned: number;
  exempt: number;
  notApplicable: number;
  insufficientData: number;
}

/** @public */
export interface PolicyEvaluation extends PolicyResultCounts {
  /** In the order of the policy's rules. */
  results: RuleResult[];
  /** The highest level reached, null when not even the first one is. */
  level: string | null;
  /** The first level not reached, with the rules that keep the service from it. */
  nextLevel: { id: string; blockingRuleIds: string[] } | null;
}

/** The count each outcome adds to. */
const COUNTED_AS: ReadonlyMap<RuleOutcome, keyof PolicyResultCounts> = new Map([
  ['pass', 'passed'],
  ['fail', 'failed'],
  ['warn', 'warned'],
  ['exempt', 'exempt'],
  ['not-applicable', 'notApplicable'],
  ['insufficient-data', 'insufficientData'],
]);

/** Outcomes that do not keep a service from a level. */
const MEETS_RULE: ReadonlySet<RuleOutcome> = new Set([
  'pass',
  'exempt',
  'not-applicable',
]);

/**
 * Evaluates every rule of the policy for one service:
 * - a rule whose `appliesTo` does not match the entity is `not-applicable`;
 * - a failing rule is `fail` with severity `error` and `warn` with severity `warning`;
 * - a failing or warning rule covered by an exemption that has not expired at `input.now`
 *   is `exempt` (a passing rule stays `pass`; an unreadable `expiresAt` counts as expired).
 *
 * Levels are cumulative: the service reaches a level when every rule of that level and of
 * all levels before it passes, is exempt or is not applicable (`warn` and
 * `insufficient-data` do not count as met).
 * @public
 */
export function evaluatePolicy(options: {
  policy: PolicyConfig;
  input: PolicyEvaluationInput;
  exemptions?: PolicyExemption[];
}): PolicyEvaluation {
  const { policy, exemptions = [] } = options;
  // Every windowed rule reads the runs: computed once here when the caller has none.
  const input: PolicyEvaluationInput = options.input.runs
    ? options.input
    : {
        ...options.input,
        runs: options.input.reports.map(report => toPolicyRun(report)),
      };
  const results = policy.rules.map(rule =>
    evaluateRule(rule, policy, input, exemptions),
  );

  let level: string | null = null;
  let nextLevel: PolicyEvaluation['nextLevel'] = null;
  for (const candidate of policy.levels) {
    const blockingRuleIds = candidate.rules.filter(
      ruleId => !MEETS_RULE.has(outcomeOf(results, ruleId)),
    );
    if (blockingRuleIds.length > 0) {
      nextLevel = { id: candidate.id, blockingRuleIds };
      break;
    }
    level = candidate.id;
  }
  // Written out, not spread: a spread amid a literal took a sixth of this function's time.
  const counts = summarisePolicyResults(results);
  return {
    results,
    level,
    nextLevel,
    passed: counts.passed,
    failed: counts.failed,
    warned: counts.warned,
    exempt: counts.exempt,
    notApplicable: counts.notApplicable,
    insufficientData: counts.insufficientData,
  };
}

/**
 * The outcome of a rule (the last result of its id), insufficient data when the policy
 * does not configure it. A scan of a dozen results: a map of them per service cost more.
 */
function outcomeOf(results: RuleResult[], ruleId: string): RuleOutcome {
  for (let i = results.length - 1; i >= 0; i--) {
    if (results[i].ruleId === ruleId) return results[i].result;
  }
  return 'insufficient-data';
}

/** Counts the outcomes of rule results, e.g. to sum a team's services. @public */
export function summarisePolicyResults(
  results: Array<Pick<RuleResult, 'result'>>,
): PolicyResultCounts {
  const counts: PolicyResultCounts = {
    passed: 0,
    failed: 0,
    warned: 0,
    exempt: 0,
    notApplicable: 0,
    insufficientData: 0,
  };
  for (const { result } of results) {
    const counted = COUNTED_AS.get(result);
    if (counted) counts[counted] += 1;
  }
  return counts;
}

function evaluateRule(
  rule: PolicyRuleConfig,
  policy: PolicyConfig,
  input: PolicyEvaluationInput,
  exemptions: PolicyExemption[],
): RuleResult {
  const builtIn = builtInRule(rule.id);
  // Each result is built whole in one literal (the same keys in the same order as the
  // spread of the rule's texts and its check would give): spreading cost a copy per rule.
  const title = rule.title ?? builtIn.title;
  const description = rule.description ?? null;
  const remediation = rule.remediation ?? builtIn.remediation;
  const filter = rule.appliesTo ?? builtIn.appliesTo;
  if (filter && !appliesTo(filter, input.entity)) {
    return {
      ruleId: rule.id,
      title,
      description,
      severity: rule.severity,
      remediation,
      result: 'not-applicable',
      summary: "The rule's appliesTo does not match this entity.",
      evidence: { numbers: {}, runIds: [] },
    };
  }
  // Each configured rule's params were parsed by its own definition's schema.
  const found = builtIn.check(input, rule.params, policy);
  let result: RuleOutcome = found.result;
  let summary = found.summary;
  if (found.result === 'fail') {
    const exemption = exemptions.find(
      e =>
        e.ruleId === rule.id && Date.parse(e.expiresAt) > input.now.getTime(),
    );
    if (exemption) {
      result = 'exempt';
      summary = `Exempt until ${exemption.expiresAt} (${exemption.reason}; granted by ${exemption.author}). Without the exemption: ${found.summary}`;
    } else {
      result = rule.severity === 'error' ? 'fail' : 'warn';
    }
  }
  return {
    ruleId: rule.id,
    title,
    description,
    severity: rule.severity,
    remediation,
    result,
    summary,
    evidence: found.evidence,
  };
}

/**
 * CI reports per service that the policy's rules read: the longest window of any
 * configured rule, so the backend loads each service's reports once.
 * @public
 */
export function ciRunsNeeded(policy: PolicyConfig): number {
  let runs = 1;
  for (const rule of policy.rules) {
    const needed = builtInRule(rule.id).ciRunsNeeded?.(rule.params);
    if (needed !== undefined) runs = Math.max(runs, needed);
  }
  return runs;
}

/**
 * Every listed filter must match (an empty or absent list matches everything); within a
 * list, any value matches. Compared case-insensitively, like Backstage entity refs.
 */
function appliesTo(filter: PolicyAppliesTo, entity: PolicyEntity): boolean {
  const matches = (
    allowed: string[] | undefined,
    values: Array<string | undefined>,
  ) => {
    if (!allowed || allowed.length === 0) return true;
    const wanted = new Set(allowed.map(value => value.toLowerCase()));
    return values.some(
      value => value !== undefined && wanted.has(value.toLowerCase()),
    );
  };
  return (
    matches(filter.kinds, [entity.kind]) &&
    matches(filter.types, [entity.type]) &&
    matches(filter.tags, entity.tags) &&
    matches(filter.owners, [entity.owner]) &&
    matches(filter.lifecycles, [entity.lifecycle])
  );
}
