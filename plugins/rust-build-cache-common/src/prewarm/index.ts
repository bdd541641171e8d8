export { cronExpressionError, isValidTimeZone } from './cron';
export {
  PREWARM_LIMITS,
  prewarmScopeSchema,
  prewarmScheduleInputSchema,
  validatePrewarmScheduleInput,
  matchesPrewarmScope,
  type PrewarmScheduleIssue,
  type PrewarmScheduleValidation,
  type PrewarmScopeEntity,
} from './scheduleInput';
export {
  planWarmGroups,
  warmGroupKeyOf,
  warmGroupId,
  DEFAULT_CARGO_PROFILE,
  WARM_PLAN_SKIP_REASONS,
  type WarmPlanEntity,
} from './planWarmGroups';
