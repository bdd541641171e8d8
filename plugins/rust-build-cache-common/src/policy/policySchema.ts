import { z } from 'zod';
import { POLICY_RULE_IDS, type PolicyRuleId } from './types';

/**
 * The policy configuration (`rustBuildCache.policy` in app-config, or a JSON file for the
 * CLI's `check`): which built-in rules apply, how severe each is, and the levels
 * (e.g. bronze, silver, gold) a service reaches.
 *
 * Levels are cumulative: they are listed from lowest to highest, and a level requires its
 * own rules plus the rules of every level before it.
 */

const wholeNumber = (min: number) =>
  z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`);

const fraction = z
  .number({ error: 'must be a number' })
  .min(0, 'must be between 0 and 1')
  .max(1, 'must be between 0 and 1');

const text = z.string().trim().min(1, 'must not be empty').max(2000);
const nameList = z.array(text).max(200);

const appliesToSchema = z.strictObject({
  kinds: nameList.optional(),
  types: nameList.optional(),
  tags: nameList.optional(),
  owners: nameList.optional(),
  lifecycles: nameList.optional(),
});

/**
 * Params of each rule, with their defaults. Unknown keys are errors (they are likely typos).
 * `prefault({})`: a missing params object is parsed as `{}`, so the defaults fill it in.
 */
const RULE_PARAMS = {
  'toolchain-pinned-exact': z.strictObject({}).prefault({}),
  'toolchain-near-baseline': z
    .strictObject({
      /** How many minor releases the rustc used in CI may trail `baseline.rustRelease`. */
      maxMinorsBehind: wholeNumber(0).default(2),
    })
    .prefault({}),
  'toolchain-pin-matches-ci': z.strictObject({}).prefault({}),
  'rustc-wrapper-sccache': z.strictObject({}).prefault({}),
  'cargo-incremental-off': z.strictObject({}).prefault({}),
  'effective-hit-rate': z
    .strictObject({
      threshold: fraction.default(0.8),
      /** The last N CI runs that reported sccache statistics. */
      runs: wholeNumber(1).default(10),
      /** Fewer runs than this gives `insufficient-data`, not a failure. */
      minRuns: wholeNumber(1).default(3),
    })
    .prefault({}),
  'cache-errors-bounded': z
    .strictObject({
      /** Cache errors + timeouts per run, averaged over the last `runs` CI runs. */
      maxMeanPerRun: z
        .number({ error: 'must be a number' })
        .min(0, 'must be at least 0')
        .default(1),
      runs: wholeNumber(1).default(10),
    })
    .prefault({}),
  'cache-size-bounded': z.strictObject({}).prefault({}),
  'rustflags-stable': z
    .strictObject({
      runs: wholeNumber(2).default(10),
    })
    .prefault({}),
  'cargo-lock-committed': z.strictObject({}).prefault({}),
  'reports-fresh': z
    .strictObject({
      maxAgeDays: wholeNumber(1).default(7),
    })
    .prefault({}),
  'prewarm-enrolled': z.strictObject({}).prefault({}),
} satisfies Record<PolicyRuleId, z.ZodType>;

function ruleSchema<Id extends PolicyRuleId>(id: Id) {
  return z.strictObject({
    id: z.literal(id),
    title: text.optional(),
    description: text.optional(),
    severity: z.enum(['error', 'warning'], {
      error: "must be 'error' or 'warning'",
    }),
    params: RULE_PARAMS[id],
    appliesTo: appliesToSchema.optional(),
    remediation: text.optional(),
  });
}

const ruleConfigSchema = z.discriminatedUnion(
  'id',
  [
    ruleSchema('toolchain-pinned-exact'),
    ruleSchema('toolchain-near-baseline'),
    ruleSchema('toolchain-pin-matches-ci'),
    ruleSchema('rustc-wrapper-sccache'),
    ruleSchema('cargo-incremental-off'),
    ruleSchema('effective-hit-rate'),
    ruleSchema('cache-errors-bounded'),
    ruleSchema('cache-size-bounded'),
    ruleSchema('rustflags-stable'),
    ruleSchema('cargo-lock-committed'),
    ruleSchema('reports-fresh'),
    ruleSchema('prewarm-enrolled'),
  ],
  { error: `must be one of the built-in rules: ${POLICY_RULE_IDS.join(', ')}` },
);

const levelSchema = z.strictObject({
  id: text.max(100),
  title: text.max(200),
  rules: z.array(z.string()).max(POLICY_RULE_IDS.length),
});

/** @public */
export const policyConfigSchema = z
  .strictObject({
    baseline: z
      .strictObject({
        /** e.g. `1.95.0`: the Rust release the organisation currently targets. */
        rustRelease: z
          .string()
          .regex(/^\d+\.\d+(\.\d+)?$/, 'must be a Rust release such as 1.95.0')
          .optional(),
      })
      .optional(),
    rules: z.array(ruleConfigSchema).max(POLICY_RULE_IDS.length),
    levels: z.array(levelSchema).max(20),
  })
  .superRefine((policy, ctx) => {
    const configured = new Set<string>();
    policy.rules.forEach((rule, index) => {
      if (configured.has(rule.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', index, 'id'],
          message: `'${rule.id}' is configured twice; each rule may appear once`,
        });
      }
      configured.add(rule.id);
      if (
        rule.id === 'effective-hit-rate' &&
        rule.params.minRuns > rule.params.runs
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', index, 'params', 'minRuns'],
          message: `must not be more than runs (${rule.params.runs}), or the rule never has enough data`,
        });
      }
      if (
        rule.id === 'toolchain-near-baseline' &&
        !policy.baseline?.rustRelease
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['baseline', 'rustRelease'],
          message: 'is required by the rule toolchain-near-baseline',
        });
      }
    });
    const levelIds = new Set<string>();
    policy.levels.forEach((level, levelIndex) => {
      if (levelIds.has(level.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', levelIndex, 'id'],
          message: `level '${level.id}' is defined twice`,
        });
      }
      levelIds.add(level.id);
      level.rules.forEach((ruleId, ruleIndex) => {
        if (!configured.has(ruleId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['levels', levelIndex, 'rules', ruleIndex],
            message: `'${ruleId}' is not one of the configured rules`,
          });
        }
      });
    });
  });

/** A validated policy, with every rule's params defaulted. @public */
export type PolicyConfig = z.infer<typeof policyConfigSchema>;
/** @public */
export type PolicyRuleConfig = PolicyConfig['rules'][number];
/** @public */
export type PolicyLevel = PolicyConfig['levels'][number];
/** @public */
export type PolicyAppliesTo = z.infer<typeof appliesToSchema>;
/** The params of one rule after defaults. @public */
export type PolicyRuleParams<Id extends PolicyRuleId> = Extract<
  PolicyRuleConfig,
  { id: Id }
>['params'];

/** One problem in a policy, with the full config key path of the bad value. @public */
export interface PolicyIssue {
  path: string;
  message: string;
}

/** @public */
export type PolicyValidationResult =
  | { ok: true; policy: PolicyConfig }
  | { ok: false; issues: PolicyIssue[] };

/**
 * Validates an unknown value as a policy. Each issue's path starts with `rootPath`, e.g.
 * `rustBuildCache.policy.rules[2].params.threshold` for the backend's config, or is relative
 * (`rules[2].params.threshold`) when `rootPath` is empty, as for a policy file.
 * @public
 */
export function validatePolicy(
  input: unknown,
  rootPath = '',
): PolicyValidationResult {
  const parsed = policyConfigSchema.safeParse(input);
  if (parsed.success) return { ok: true, policy: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map(issue => ({
      path: formatKeyPath(rootPath, issue.path),
      message: issue.message,
    })),
  };
}

/** One line per issue: `<path>: <message>`. @public */
export function formatPolicyIssues(issues: PolicyIssue[]): string {
  return issues.map(issue => `${issue.path}: ${issue.message}`).join('\n');
}

function formatKeyPath(rootPath: string, path: PropertyKey[]): string {
  let result = rootPath;
  for (const key of path) {
    if (typeof key === 'number') result += `[${key}]`;
    else result += result ? `.${String(key)}` : String(key);
  }
  return result || '(root)';
}
