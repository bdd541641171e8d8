export * from './types';
export { type PolicyReport, toPolicyReport } from './policyReport';
export {
  type PolicyRun,
  type PolicyRunCache,
  reportsReadInFull,
  toPolicyRun,
  encodePolicyRun,
  decodePolicyRun,
  type EncodedPolicyRun,
} from './policyRun';
export * from './policySchema';
export * from './rules';
export * from './evaluatePolicy';
export { DEFAULT_POLICY } from './defaultPolicy';
export {
  BUILT_IN_RULE_DEFINITIONS,
  BUILT_IN_RULES,
  builtInRule,
} from './builtInRules';
export {
  defineRule,
  type PolicyAppliesTo,
  type PolicyRuleConfigIssue,
  type PolicyRuleContext,
  type PolicyRuleDefinition,
} from './ruleDefinition';
export {
  FIX_ACTION_BY_RULE,
  FIX_ACTION_IDS,
  FIX_TEMPLATE_NAME,
  fixActionForRule,
  type FixActionId,
} from './fixActions';
