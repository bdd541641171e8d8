import { BUILT_IN_RULE_DEFINITIONS, POLICY_RULE_IDS } from './builtInRules';
import { DEFAULT_POLICY } from './defaultPolicy';
import { ciRunsNeeded } from './evaluatePolicy';
import { validatePolicy, type PolicyConfig } from './policySchema';

function policyOf(input: unknown): PolicyConfig {
  const validation = validatePolicy(input);
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  return validation.policy;
}

describe('built-in rule definitions', () => {
  it('have unique ids, listed in POLICY_RULE_IDS in the same order', () => {
    const ids = BUILT_IN_RULE_DEFINITIONS.map(rule => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...POLICY_RULE_IDS]).toEqual(ids);
  });

  it('each parse empty params into their defaults', () => {
    for (const rule of BUILT_IN_RULE_DEFINITIONS) {
      expect(rule.params.safeParse(undefined).success).toBe(true);
      expect(rule.title.length).toBeGreaterThan(0);
      expect(rule.remediation.length).toBeGreaterThan(0);
    }
  });
});

describe('ciRunsNeeded', () => {
  it('is the longest window of the configured rules', () => {
    expect(ciRunsNeeded(DEFAULT_POLICY)).toBe(10);
    expect(
      ciRunsNeeded(
        policyOf({
          rules: [
            {
              id: 'effective-hit-rate',
              severity: 'error',
              params: { runs: 5 },
            },
            {
              id: 'rustflags-stable',
              severity: 'warning',
              params: { runs: 25 },
            },
            {
              id: 'cache-errors-bounded',
              severity: 'warning',
              params: { runs: 7 },
            },
          ],
          levels: [],
        }),
      ),
    ).toBe(25);
  });

  it('is one report when no configured rule reads a window', () => {
    expect(
      ciRunsNeeded(
        policyOf({
          rules: [
            { id: 'rustc-wrapper-sccache', severity: 'error' },
            {
              id: 'reports-fresh',
              severity: 'warning',
              params: { maxAgeDays: 30 },
            },
          ],
          levels: [],
        }),
      ),
    ).toBe(1);
  });
});
