import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';

/** The plugin's settings under `rustBuildCache`, with defaults applied. See config.d.ts. */
export interface RustBuildCacheConfig {
  maxReportBytes: number;
  reportRetentionDays: number;
  rollupRetentionDays: number;
  entityLinksSchedule: SchedulerServiceTaskScheduleDefinition;
}

const MIB = 1024 * 1024;

const DEFAULT_ENTITY_LINKS_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 5 },
  scope: 'global',
};

export function readRustBuildCacheConfig(config: Config): RustBuildCacheConfig {
  const scheduleConfig = config.getOptionalConfig(
    'rustBuildCache.entityLinks.schedule',
  );
  return {
    maxReportBytes: readPositiveInteger(
      config,
      'rustBuildCache.ingestion.maxReportBytes',
      MIB,
    ),
    reportRetentionDays: readPositiveInteger(
      config,
      'rustBuildCache.retention.reportDays',
      90,
    ),
    rollupRetentionDays: readPositiveInteger(
      config,
      'rustBuildCache.retention.rollupDays',
      730,
    ),
    entityLinksSchedule: scheduleConfig
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
      : DEFAULT_ENTITY_LINKS_SCHEDULE,
  };
}

function readPositiveInteger(
  config: Config,
  key: string,
  fallback: number,
): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(
      `Invalid config ${key}: expected a positive integer, got ${value}`,
    );
  }
  return value;
}
