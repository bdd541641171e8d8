import { z } from 'zod';
import type { RuleCheck } from './ruleChecks';
import type { PolicyEvaluationInput } from './types';

const nameList = z
  .array(z.string().trim().min(1, 'must not be empty').max(2000))
  .max(200);

/** Which entities a rule applies to; every listed filter must match. */
export const appliesToSchema = z.strictObject({
  kinds: nameList.optional(),
  types: nameList.optional(),
  tags: nameList.optional(),
  owners: nameList.optional(),
  lifecycles: nameList.optional(),
});

/** @public */
export type PolicyAppliesTo = z.infer<typeof appliesToSchema>;

/** What a rule may read of the policy besides its own params. @public */
export interface PolicyRuleContext {
  baseline?: { rustRelease?: string };
}

/** A problem of a configured rule that its params alone cannot show. @public */
export interface PolicyRuleConfigIssue {
  /** Relative to the policy, e.g. `['baseline', 'rustRelease']`. */
  path: Array<string | number>;
  message: string;
}

/**
 * Everything about one built-in rule, in one place: evaluation, config validation and
 * the backend's window of reports all read it. Adding a rule is adding one of these (see
 * `builtInRules.ts`) plus its test. A rule sees the newest reports as `PolicyReport`s
 * (`reportsReadInFull`) and every run of its window as a `PolicyRun`: one that reads
 * another field adds it there, and the backend a migration that projects the stored
 * reports again.
 * @public
 */
export interface PolicyRuleDefinition<
  Id extends string = string,
  Params extends z.ZodType = z.ZodType,
> {
  id: Id;
  /** Default title and remediation; a policy may override both. */
  title: string;
  remediation: string;
  /** The params with their defaults. Unknown keys are errors (they are likely typos). */
  params: Params;
  /** Entities the rule applies to when the policy sets no `appliesTo`; absent: all. */
  appliesTo?: PolicyAppliesTo;
  /** How many of the newest CI reports of a service the check reads; 1 when absent. */
  ciRunsNeeded?(params: z.output<Params>): number;
  /** What the rule needs of the rest of the policy, e.g. a baseline. */
  configIssues?(policy: PolicyRuleContext): PolicyRuleConfigIssue[];
  /** Whether the service meets the rule; severity, `appliesTo` and exemptions come later. */
  check(
    input: PolicyEvaluationInput,
    params: z.output<Params>,
    policy: PolicyRuleContext,
  ): RuleCheck;
}

/** Infers a rule's params type from its schema. @public */
export function defineRule<Id extends string, Params extends z.ZodType>(
  rule: PolicyRuleDefinition<Id, Params>,
): PolicyRuleDefinition<Id, Params> {
  return rule;
}

/** The params of a rule that has none. */
export const noParams = () => z.strictObject({}).prefault({});

export const wholeNumber = (min: number) =>
  z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`);

export const fraction = z
  .number({ error: 'must be a number' })
  .min(0, 'must be between 0 and 1')
  .max(1, 'must be between 0 and 1');
