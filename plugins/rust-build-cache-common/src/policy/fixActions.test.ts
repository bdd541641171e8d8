import { POLICY_RULE_IDS } from './builtInRules';
import {
  FIX_ACTION_BY_RULE,
  FIX_ACTION_IDS,
  fixActionForRule,
} from './fixActions';

describe('fix actions', () => {
  it('maps only built-in rules, each to a known action, and every action is used', () => {
    for (const [ruleId, action] of Object.entries(FIX_ACTION_BY_RULE)) {
      expect(POLICY_RULE_IDS).toContain(ruleId);
      expect(FIX_ACTION_IDS).toContain(action);
    }
    expect(new Set(Object.values(FIX_ACTION_BY_RULE))).toEqual(
      new Set(FIX_ACTION_IDS),
    );
  });

  it('has no fix for rules that need a person', () => {
    expect(fixActionForRule('effective-hit-rate')).toBeUndefined();
    expect(fixActionForRule('toolchain-pin-matches-ci')).toBeUndefined();
    expect(fixActionForRule('no-such-rule')).toBeUndefined();
    expect(fixActionForRule('cargo-incremental-off')).toBe(
      'rust-build-cache:route-through-sccache',
    );
  });
});
