import type { RuleResult } from '@rust-build-cache/plugin-rust-build-cache-common';
import { topFailingRule } from './overviewSummary';

function result(
  ruleId: string,
  outcome: RuleResult['result'],
  severity: RuleResult['severity'],
): RuleResult {
  return {
    ruleId: ruleId as RuleResult['ruleId'],
    title: ruleId,
    description: null,
    severity,
    result: outcome,
    summary: '',
    evidence: {} as RuleResult['evidence'],
    remediation: '',
  };
}

describe('topFailingRule', () => {
  it('puts failed errors before failed warnings before warnings, then keeps the policy order', () => {
    const results = [
      result('a', 'warn', 'warning'),
      result('b', 'fail', 'warning'),
      result('c', 'pass', 'error'),
      result('d', 'fail', 'error'),
      result('e', 'fail', 'error'),
      result('f', 'exempt', 'error'),
    ];
    expect(topFailingRule(results)).toEqual({
      rule: results[3],
      othersUnmet: 3,
    });
    expect(topFailingRule([results[0], results[1]])?.rule.ruleId).toBe('b');
  });

  it('is null when every rule is met, exempt or not applicable', () => {
    expect(
      topFailingRule([
        result('a', 'pass', 'error'),
        result('b', 'exempt', 'error'),
        result('c', 'not-applicable', 'warning'),
        result('d', 'insufficient-data', 'warning'),
      ]),
    ).toBeNull();
  });
});
