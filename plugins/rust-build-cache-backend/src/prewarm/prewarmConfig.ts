import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';

/** `rustBuildCache.prewarm` settings of the dispatcher (executors: see executors/). */
export interface PrewarmDispatchConfig {
  dispatchSchedule: SchedulerServiceTaskScheduleDefinition;
  heartbeatIntervalMs: number;
}

const DEFAULT_DISPATCH_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 1 },
  // Dispatching only claims and plans; the jobs run in the background.
  timeout: { minutes: 5 },
  initialDelay: { seconds: 30 },
  scope: 'global',
};

export function readPrewarmDispatchConfig(
  config: Config,
): PrewarmDispatchConfig {
  const scheduleConfig = config.getOptionalConfig(
    'rustBuildCache.prewarm.dispatchSchedule',
  );
  const key = 'rustBuildCache.prewarm.heartbeatSeconds';
  const heartbeatSeconds = config.getOptionalNumber(key) ?? 30;
  if (!Number.isInteger(heartbeatSeconds) || heartbeatSeconds < 1) {
    throw new Error(
      `Invalid config at ${key}: must be a whole number of seconds, at least 1, got ${heartbeatSeconds}`,
    );
  }
  return {
    dispatchSchedule: scheduleConfig
      ? {
          ...readSchedulerServiceTaskScheduleDefinitionFromConfig(
            scheduleConfig,
          ),
          // Exactly-once dispatch relies on one scheduler tick at a time per cluster too.
          scope: 'global',
        }
      : DEFAULT_DISPATCH_SCHEDULE,
    heartbeatIntervalMs: heartbeatSeconds * 1000,
  };
}
