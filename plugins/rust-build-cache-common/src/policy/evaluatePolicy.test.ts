import { FALSE_CLAIMS } from '../testUtils/falseClaims';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  exampleReport,
  inputOf,
  RECORDED_AT,
  realReport,
  variant,
} from '../testUtils/realReports';
import { DEFAULT_POLICY } from './defaultPolicy';
import { evaluatePolicy, summarisePolicyResults } from './evaluatePolicy';
import { validatePolicy, type PolicyConfig } from './policySchema';
import { BUILT_IN_RULES } from './builtInRules';
import { POLICY_RULE_IDS, type PolicyExemption } from './types';

function policyOf(input: unknown): PolicyConfig {
  const validation = validatePolicy(input);
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  return validation.policy;
}

const billing = realReport('billing-api-warm');
const ledger = realReport('ledger-worker-warm');
const threeRuns = (report: typeof billing) =>
  [1, 2, 3].map(i => variant(report, `run-${i}`));

const resultOf = (
  evaluation: ReturnType<typeof evaluatePolicy>,
  ruleId: string,
) => evaluation.results.find(r => r.ruleId === ruleId);

describe('evaluatePolicy', () => {
  it('grades three real ledger-worker runs with the default policy', () => {
    const evaluation = evaluatePolicy({
      policy: DEFAULT_POLICY,
      input: inputOf(threeRuns(ledger)),
    });
    expect(
      Object.fromEntries(evaluation.results.map(r => [r.ruleId, r.result])),
    ).toEqual({
      'reports-fresh': 'pass',
      'rustc-wrapper-sccache': 'pass',
      'cargo-lock-committed': 'pass',
      'cargo-incremental-off': 'fail',
      'toolchain-pinned-exact': 'fail',
      'toolchain-pin-matches-ci': 'not-applicable',
      'cache-size-bounded': 'warn',
      'cache-errors-bounded': 'pass',
      'effective-hit-rate': 'fail',
      'rustflags-stable': 'pass',
      'prewarm-enrolled': 'not-applicable',
    });
    expect(evaluation.level).toBe('bronze');
    expect(evaluation.nextLevel).toEqual({
      id: 'silver',
      blockingRuleIds: [
        'cargo-incremental-off',
        'toolchain-pinned-exact',
        'cache-size-bounded',
      ],
    });
    expect(evaluation).toMatchObject({
      passed: 5,
      failed: 3,
      warned: 1,
      exempt: 0,
      notApplicable: 2,
      insufficientData: 0,
    });
  });

  it('reaches gold when every rule is met (levels are cumulative)', () => {
    const compliant = [1, 2, 3].map(i =>
      variant(exampleReport(), `run-${i}`, r => {
        r.build.env.cargoIncremental = '0';
        if (r.sccache) delete r.sccache.counters.notCached.incremental;
      }),
    );
    const evaluation = evaluatePolicy({
      policy: DEFAULT_POLICY,
      input: inputOf(compliant),
    });
    expect(evaluation.results.filter(r => r.result !== 'pass')).toEqual([
      expect.objectContaining({
        ruleId: 'prewarm-enrolled',
        result: 'not-applicable',
      }),
    ]);
    expect(evaluation.level).toBe('gold');
    expect(evaluation.nextLevel).toBeNull();
  });

  it('does not grant a later level when an earlier one is missed', () => {
    const policy = policyOf({
      rules: [
        { id: 'cargo-incremental-off', severity: 'error' },
        { id: 'cargo-lock-committed', severity: 'error' },
      ],
      levels: [
        { id: 'bronze', title: 'Bronze', rules: ['cargo-incremental-off'] },
        { id: 'silver', title: 'Silver', rules: ['cargo-lock-committed'] },
      ],
    });
    const evaluation = evaluatePolicy({ policy, input: inputOf([ledger]) });
    expect(evaluation.level).toBeNull();
    expect(evaluation.nextLevel?.id).toBe('bronze');
  });

  it('counts insufficient data as not met for a level, but not as a failure', () => {
    const policy = policyOf({
      rules: [{ id: 'effective-hit-rate', severity: 'error' }],
      levels: [{ id: 'gold', title: 'Gold', rules: ['effective-hit-rate'] }],
    });
    const evaluation = evaluatePolicy({ policy, input: inputOf([billing]) });
    expect(resultOf(evaluation, 'effective-hit-rate')?.result).toBe(
      'insufficient-data',
    );
    expect(evaluation.failed).toBe(0);
    expect(evaluation.level).toBeNull();
  });

  it('turns a failing warning-severity rule into warn', () => {
    const policy = policyOf({
      rules: [{ id: 'cargo-incremental-off', severity: 'warning' }],
      levels: [],
    });
    const evaluation = evaluatePolicy({ policy, input: inputOf([ledger]) });
    expect(resultOf(evaluation, 'cargo-incremental-off')?.result).toBe('warn');
  });

  describe('appliesTo', () => {
    const policyFor = (appliesTo: unknown) =>
      policyOf({
        rules: [{ id: 'cargo-incremental-off', severity: 'error', appliesTo }],
        levels: [],
      });
    const entity = {
      kind: 'Component',
      type: 'service',
      tags: ['rust', 'payments'],
      owner: 'group:default/ledger',
      lifecycle: 'production',
    };
    const outcome = (appliesTo: unknown) =>
      evaluatePolicy({
        policy: policyFor(appliesTo),
        input: inputOf([ledger], { entity }),
      }).results[0].result;

    it('evaluates the rule when every filter matches (case-insensitively)', () => {
      expect(
        outcome({
          kinds: ['component'],
          types: ['service', 'library'],
          tags: ['payments'],
          owners: ['group:default/ledger'],
          lifecycles: ['production'],
        }),
      ).toBe('fail');
    });

    it('is not applicable when any filter does not match', () => {
      expect(outcome({ types: ['library'] })).toBe('not-applicable');
      expect(outcome({ tags: ['experimental'] })).toBe('not-applicable');
      expect(outcome({ owners: ['group:default/billing'] })).toBe(
        'not-applicable',
      );
      expect(outcome({ lifecycles: ['experimental'] })).toBe('not-applicable');
    });
  });

  describe('exemptions', () => {
    const policy = policyOf({
      rules: [
        { id: 'cargo-incremental-off', severity: 'error' },
        { id: 'rustc-wrapper-sccache', severity: 'error' },
      ],
      levels: [
        {
          id: 'bronze',
          title: 'Bronze',
          rules: ['cargo-incremental-off', 'rustc-wrapper-sccache'],
        },
      ],
    });
    const exemption = (expiresAt: string): PolicyExemption => ({
      ruleId: 'cargo-incremental-off',
      expiresAt,
      reason: 'migrating the dev profile',
      author: 'user:default/ana',
    });

    it('marks a failing rule exempt until it expires, keeping the evidence', () => {
      const evaluation = evaluatePolicy({
        policy,
        input: inputOf([ledger]),
        exemptions: [exemption('2026-12-01T00:00:00Z')],
      });
      const result = resultOf(evaluation, 'cargo-incremental-off');
      expect(result?.result).toBe('exempt');
      expect(result?.summary).toMatch(
        /^Exempt until 2026-12-01T00:00:00Z \(migrating the dev profile; granted by user:default\/ana\)\. Without the exemption: 1 compile request/,
      );
      expect(result?.evidence.numbers.incrementalRequests).toBe(1);
      expect(evaluation.level).toBe('bronze');
      expect(evaluation.exempt).toBe(1);
    });

    it('ignores an exemption that has expired at `now`', () => {
      const evaluation = evaluatePolicy({
        policy,
        input: inputOf([ledger]),
        exemptions: [exemption(RECORDED_AT.toISOString())],
      });
      expect(resultOf(evaluation, 'cargo-incremental-off')?.result).toBe(
        'fail',
      );
    });

    it('leaves a passing rule as pass', () => {
      const evaluation = evaluatePolicy({
        policy,
        input: inputOf([billing]),
        exemptions: [exemption('2026-12-01T00:00:00Z')],
      });
      expect(resultOf(evaluation, 'cargo-incremental-off')?.result).toBe(
        'pass',
      );
    });
  });

  it("uses the policy's title and remediation over the built-in ones", () => {
    const policy = policyOf({
      rules: [
        {
          id: 'cargo-incremental-off',
          severity: 'error',
          title: 'No incremental builds',
          description: 'Incremental compiles cannot be cached.',
          remediation: 'See the platform wiki page on CI caching.',
        },
      ],
      levels: [],
    });
    const [result] = evaluatePolicy({
      policy,
      input: inputOf([ledger]),
    }).results;
    expect(result).toMatchObject({
      title: 'No incremental builds',
      description: 'Incremental compiles cannot be cached.',
      remediation: 'See the platform wiki page on CI caching.',
      severity: 'error',
    });
  });
});

describe('summarisePolicyResults', () => {
  it('counts each outcome', () => {
    expect(
      summarisePolicyResults([
        { result: 'pass' },
        { result: 'pass' },
        { result: 'fail' },
        { result: 'warn' },
        { result: 'exempt' },
        { result: 'not-applicable' },
        { result: 'insufficient-data' },
      ]),
    ).toEqual({
      passed: 2,
      failed: 1,
      warned: 1,
      exempt: 1,
      notApplicable: 1,
      insufficientData: 1,
    });
  });
});

describe('texts shown to users', () => {
  const sources = ['rules.ts', 'evaluatePolicy.ts', 'defaultPolicy.ts'].map(
    file => readFileSync(join(__dirname, file), 'utf8'),
  );

  it.each(FALSE_CLAIMS)('never claims otherwise: %s', (_name, pattern) => {
    for (const id of POLICY_RULE_IDS) {
      expect(BUILT_IN_RULES[id].remediation).not.toMatch(pattern);
      expect(BUILT_IN_RULES[id].title).not.toMatch(pattern);
    }
    for (const source of sources) expect(source).not.toMatch(pattern);
  });
});
