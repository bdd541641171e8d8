import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { readPositiveInteger } from '@rust-build-cache/plugin-rust-build-cache-node';

/** The plugin's settings under `rustBuildCache`, with defaults applied. See config.d.ts. */
export interface RustBuildCacheConfig {
  maxReportBytes: number;
  /** Reports in one `POST /reports/batch` at most. */
  maxBatchReports: number;
  /** Largest body of `POST /reports/batch`, in bytes. */
  maxBatchBytes: number;
  reportRetentionDays: number;
  rollupRetentionDays: number;
  /** `rustBuildCache.database.preparedStatements`: see `queryPlannedOnce`. */
  preparedStatements: boolean;
  entityLinksSchedule: SchedulerServiceTaskScheduleDefinition;
  pull: PullConfig;
  snapshot: SnapshotConfig;
}

/** `rustBuildCache.snapshot`. */
export interface SnapshotConfig {
  enabled: boolean;
  schedule: SchedulerServiceTaskScheduleDefinition;
  concurrency: number;
}

/** `rustBuildCache.pull`. */
export interface PullConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  concurrency: number;
  /** Only whether it is on: the module that pulls from GitHub Actions reads the rest. */
  githubActions: { enabled: boolean };
}

const MIB = 1024 * 1024;

const DEFAULT_PULL_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 30 },
  // Let a (re)starting backend settle before calling out to CI providers.
  initialDelay: { minutes: 1 },
  scope: 'global',
};

const DEFAULT_SNAPSHOT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 6 },
  timeout: { minutes: 30 },
  // Let a (re)starting backend settle before reading repositories.
  initialDelay: { minutes: 2 },
  scope: 'global',
};

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
    maxBatchReports: readPositiveInteger(
      config,
      'rustBuildCache.ingestion.maxBatchReports',
      100,
    ),
    maxBatchBytes: readPositiveInteger(
      config,
      'rustBuildCache.ingestion.maxBatchBytes',
      8 * MIB,
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
    preparedStatements:
      config.getOptionalBoolean('rustBuildCache.database.preparedStatements') ??
      true,
    entityLinksSchedule: scheduleConfig
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
      : DEFAULT_ENTITY_LINKS_SCHEDULE,
    pull: readPullConfig(config),
    snapshot: readSnapshotConfig(config),
  };
}

function readSnapshotConfig(config: Config): SnapshotConfig {
  const scheduleConfig = config.getOptionalConfig(
    'rustBuildCache.snapshot.schedule',
  );
  return {
    enabled:
      config.getOptionalBoolean('rustBuildCache.snapshot.enabled') ?? true,
    schedule: {
      ...(scheduleConfig
        ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
        : DEFAULT_SNAPSHOT_SCHEDULE),
      // One pass across replicas: they share the snapshots and their history.
      scope: 'global',
    },
    concurrency: readPositiveInteger(
      config,
      'rustBuildCache.snapshot.concurrency',
      4,
    ),
  };
}

function readPullConfig(config: Config): PullConfig {
  const scheduleConfig = config.getOptionalConfig(
    'rustBuildCache.pull.schedule',
  );
  const github = 'rustBuildCache.pull.githubActions';
  return {
    schedule: {
      ...(scheduleConfig
        ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
        : DEFAULT_PULL_SCHEDULE),
      // One pull per repository across replicas: cursors are shared in the database.
      scope: 'global',
    },
    concurrency: readPositiveInteger(
      config,
      'rustBuildCache.pull.concurrency',
      2,
    ),
    githubActions: {
      enabled: config.getOptionalBoolean(`${github}.enabled`) ?? false,
    },
  };
}
