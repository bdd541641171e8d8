import { DEFAULT_POLICY } from './defaultPolicy';
import { formatPolicyIssues, validatePolicy } from './policySchema';

const ROOT = 'rustBuildCache.policy';

function issuesOf(input: unknown, rootPath = ROOT) {
  const validation = validatePolicy(input, rootPath);
  if (validation.ok) throw new Error('expected the policy to be rejected');
  return formatPolicyIssues(validation.issues);
}

describe('validatePolicy', () => {
  it('accepts the default policy unchanged', () => {
    expect(validatePolicy(DEFAULT_POLICY)).toEqual({
      ok: true,
      policy: DEFAULT_POLICY,
    });
  });

  it('fills in the defaults of each rule', () => {
    const validation = validatePolicy({
      rules: [
        { id: 'effective-hit-rate', severity: 'error' },
        { id: 'reports-fresh', severity: 'warning', params: {} },
      ],
      levels: [],
    });
    expect(validation.ok && validation.policy.rules).toEqual([
      {
        id: 'effective-hit-rate',
        severity: 'error',
        params: { threshold: 0.8, runs: 10, minRuns: 3 },
      },
      { id: 'reports-fresh', severity: 'warning', params: { maxAgeDays: 7 } },
    ]);
  });

  it('names the full config key path of a bad param', () => {
    const input = {
      rules: [
        { id: 'rustc-wrapper-sccache', severity: 'error' },
        { id: 'cargo-incremental-off', severity: 'error' },
        {
          id: 'effective-hit-rate',
          severity: 'error',
          params: { threshold: 80 },
        },
      ],
      levels: [],
    };
    expect(issuesOf(input)).toBe(
      'rustBuildCache.policy.rules[2].params.threshold: must be between 0 and 1',
    );
    expect(issuesOf(input, '')).toBe(
      'rules[2].params.threshold: must be between 0 and 1',
    );
  });

  it('rejects unknown rules, unknown params and bad severities', () => {
    expect(
      issuesOf({
        rules: [
          { id: 'sccache-namespace', severity: 'error' },
          {
            id: 'reports-fresh',
            severity: 'fatal',
            params: { maxAgeDays: 7, maxAgeHours: 1 },
          },
        ],
        levels: [],
      }),
    ).toBe(
      [
        'rustBuildCache.policy.rules[0].id: must be one of the built-in rules: toolchain-pinned-exact, toolchain-near-baseline, toolchain-pin-matches-ci, rustc-wrapper-sccache, cargo-incremental-off, effective-hit-rate, cache-errors-bounded, cache-size-bounded, rustflags-stable, cargo-lock-committed, reports-fresh, prewarm-enrolled',
        "rustBuildCache.policy.rules[1].severity: must be 'error' or 'warning'",
        'rustBuildCache.policy.rules[1].params: Unrecognized key: "maxAgeHours"',
      ].join('\n'),
    );
  });

  it('checks that levels name configured rules and ids are unique', () => {
    expect(
      issuesOf({
        rules: [
          { id: 'reports-fresh', severity: 'warning' },
          { id: 'reports-fresh', severity: 'error' },
        ],
        levels: [
          { id: 'bronze', title: 'Bronze', rules: ['reports-fresh'] },
          { id: 'bronze', title: 'Again', rules: ['effective-hit-rate'] },
        ],
      }),
    ).toBe(
      [
        "rustBuildCache.policy.rules[1].id: 'reports-fresh' is configured twice; each rule may appear once",
        "rustBuildCache.policy.levels[1].id: level 'bronze' is defined twice",
        "rustBuildCache.policy.levels[1].rules[0]: 'effective-hit-rate' is not one of the configured rules",
      ].join('\n'),
    );
  });

  it('rejects an effective-hit-rate that could never have enough runs', () => {
    expect(
      issuesOf({
        rules: [
          {
            id: 'effective-hit-rate',
            severity: 'error',
            params: { runs: 2, minRuns: 3 },
          },
        ],
        levels: [],
      }),
    ).toBe(
      'rustBuildCache.policy.rules[0].params.minRuns: must not be more than runs (2), or the rule never has enough data',
    );
  });

  it('requires a baseline release for toolchain-near-baseline', () => {
    const rules = [{ id: 'toolchain-near-baseline', severity: 'warning' }];
    expect(issuesOf({ rules, levels: [] })).toBe(
      'rustBuildCache.policy.baseline.rustRelease: is required by the rule toolchain-near-baseline',
    );
    expect(
      validatePolicy({ baseline: { rustRelease: '1.95.0' }, rules, levels: [] })
        .ok,
    ).toBe(true);
    expect(
      issuesOf({ baseline: { rustRelease: 'stable' }, rules, levels: [] }),
    ).toBe(
      'rustBuildCache.policy.baseline.rustRelease: must be a Rust release such as 1.95.0',
    );
  });

  it('names the root for a value that is not an object', () => {
    expect(issuesOf('gold', '')).toMatch(/^\(root\): /);
  });
});
