import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  DEFAULT_POLICY,
  formatPolicyIssues,
  PolicyResponse,
  validatePolicy,
} from '@rust-build-cache/plugin-rust-build-cache-common';

export const POLICY_CONFIG_KEY = 'rustBuildCache.policy';

/** Nightly at 02:30 UTC: after the day's CI, before the next working day. */
const DEFAULT_EVALUATION_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { cron: '30 2 * * *' },
  timeout: { minutes: 30 },
  scope: 'global',
};

/**
 * `rustBuildCache.policy`, validated (with defaults filled in), or the built-in default
 * policy when it is not set.
 *
 * @throws Error naming every bad key, e.g. `rustBuildCache.policy.rules[2].severity`.
 */
export function readPolicyConfig(config: Config): PolicyResponse {
  const raw = config.getOptional(POLICY_CONFIG_KEY);
  if (raw === undefined) return { policy: DEFAULT_POLICY, source: 'default' };
  const validation = validatePolicy(raw, POLICY_CONFIG_KEY);
  if (!validation.ok) {
    throw new Error(
      `Invalid caching policy in ${POLICY_CONFIG_KEY}:\n${formatPolicyIssues(
        validation.issues,
      )}`,
    );
  }
  return { policy: validation.policy, source: 'config' };
}

/** `rustBuildCache.scorecards.schedule`: when the full evaluation runs. */
export function readScorecardsSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  const schedule = config.getOptionalConfig(
    'rustBuildCache.scorecards.schedule',
  );
  // One replica at a time evaluates, whatever the config says.
  return schedule
    ? {
        ...readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule),
        scope: 'global',
      }
    : DEFAULT_EVALUATION_SCHEDULE;
}
