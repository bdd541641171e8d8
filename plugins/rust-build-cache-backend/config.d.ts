import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Settings of the rust-build-cache backend plugin. */
  rustBuildCache?: {
    ingestion?: {
      /**
       * Largest accepted body of `POST /api/rust-build-cache/reports`, in bytes (after
       * decompression). Larger reports are refused with 413 and nothing is stored.
       * @default 1048576
       */
      maxReportBytes?: number;
    };
    retention?: {
      /**
       * Days to keep raw reports, counted from their finish time. A daily task deletes
       * older ones; their days stay in the time series through the daily rollups.
       * @default 90
       */
      reportDays?: number;
      /**
       * Days to keep the per-workspace daily rollups behind the time series.
       * @default 730
       */
      rollupDays?: number;
    };
    entityLinks?: {
      /**
       * How often to re-read the catalog for entities with the `rust-build-cache/workspace`
       * annotation and relink reports to them.
       * @default { frequency: { minutes: 5 }, timeout: { minutes: 5 }, scope: 'global' }
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
