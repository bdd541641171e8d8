import { z } from 'zod';
import {
  BUILT_IN_RULE_DEFINITIONS,
  builtInRule,
  POLICY_RULE_IDS,
  type PolicyRuleId,
} from './builtInRules';
import {
  appliesToSchema,
  type PolicyAppliesTo,
  type PolicyRuleDefinition,
} from './ruleDefinition';

/**
 * The policy configuration (`rustBuildCache.policy` in app-config, or a JSON file for the
 * CLI's `check`): which built-in rules apply, how severe each is, and the levels
 * (e.g. bronze, silver, gold) a service reaches.
 *
 * Levels are cumulative: they are listed from lowest to highest, and a level requires its
 * own rules plus the rules of every level before it.
 */

const text = z.string().trim().min(1, 'must not be empty').max(2000);

function ruleSchema<Id extends PolicyRuleId, Params extends z.ZodType>(
  rule: PolicyRuleDefinition<Id, Params>,
) {
  return z.strictObject({
    id: z.literal(rule.id),
    title: text.optional(),
    description: text.optional(),
    severity: z.enum(['error', 'warning'], {
      error: "must be 'error' or 'warning'",
    }),
    params: rule.params,
    appliesTo: appliesToSchema.optional(),
    remediation: text.optional(),
  });
}

/** A configured rule of one definition, after defaults. */
type RuleConfigOf<Rule> = Rule extends {
  id: infer Id;
  params: infer Params extends z.ZodType;
}
  ? {
      id: Id;
      title?: string;
      description?: string;
      severity: 'error' | 'warning';
      params: z.output<Params>;
      appliesTo?: PolicyAppliesTo;
      remediation?: string;
    }
  : never;

/** One configured rule: a union over the built-in rules, discriminated by `id`. @public */
export type PolicyRuleConfig = RuleConfigOf<
  (typeof BUILT_IN_RULE_DEFINITIONS)[number]
>;

// zod cannot type a union built from a list; each option is `ruleSchema` of one
// definition, so its output is exactly `PolicyRuleConfig`.
const ruleConfigSchema = z.discriminatedUnion(
  'id',
  BUILT_IN_RULE_DEFINITIONS.map(rule => ruleSchema(rule)) as unknown as [
    ReturnType<typeof ruleSchema>,
  ],
  { error: `must be one of the built-in rules: ${POLICY_RULE_IDS.join(', ')}` },
) as unknown as z.ZodType<PolicyRuleConfig>;

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
      for (const issue of builtInRule(rule.id).configIssues?.(policy) ?? []) {
        ctx.addIssue({ code: 'custom', ...issue });
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
export type PolicyLevel = PolicyConfig['levels'][number];
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
