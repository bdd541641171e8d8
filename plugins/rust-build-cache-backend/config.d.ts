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
    /**
     * Pulling reports from CI providers, for CI that cannot push them. Runs as the task
     * `rust-build-cache-pull` when at least one pull provider is active.
     */
    pull?: {
      /**
       * How often to pull. Always runs with `scope: 'global'` (one replica at a time).
       * @default { frequency: { minutes: 30 }, timeout: { minutes: 30 }, initialDelay: { minutes: 1 } }
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * Repositories pulled at the same time.
       * @default 2
       */
      concurrency?: number;
      /**
       * Pull reports uploaded as a workflow artifact from GitHub Actions, with the
       * credentials of the `integrations.github` entry of the repository's host.
       */
      githubActions?: {
        /**
         * Pull from GitHub Actions for entities whose repository host is a GitHub integration.
         * @default false
         */
        enabled?: boolean;
        /**
         * Name of the artifact holding the `*.json` reports.
         * @default rust-build-cache-report
         */
        artifactName?: string;
        /**
         * Larger artifacts (zip size) are skipped and recorded as an error of their run.
         * @default 20971520
         */
        maxArtifactBytes?: number;
        /**
         * How far back the first pull of a repository looks, in days.
         * @default 7
         */
        initialLookbackDays?: number;
        /**
         * Runs whose artifacts one pass downloads at most per repository, oldest first.
         * @default 200
         */
        maxRunsPerPass?: number;
        /**
         * Longest time from a run's creation to its completion that is still pulled: GitHub
         * lists only completed runs, so each pull looks this far back for runs that completed
         * after newer ones (without downloading done runs again).
         * @default 360
         */
        maxRunMinutes?: number;
        /** Retries of server errors (5xx), timeouts and network errors. */
        retry?: {
          /** @default 3 */
          maxAttempts?: number;
          /** Delay before the first retry, doubled for each further one. @default 1000 */
          baseDelayMs?: number;
          /** @default 30000 */
          requestTimeoutMs?: number;
        };
      };
    };
    /**
     * Repository snapshots: what each annotated entity's repository pins on its default
     * branch (toolchain file, Cargo.lock, Cargo.toml profiles, CI caching setup), read with
     * the UrlReader through the `integrations` config. Runs as the task
     * `rust-build-cache-snapshot`.
     */
    snapshot?: {
      /**
       * Read snapshots on a schedule and on refresh.
       * @default true
       */
      enabled?: boolean;
      /**
       * How often to read. Always runs with `scope: 'global'` (one replica at a time).
       * @default { frequency: { hours: 6 }, timeout: { minutes: 30 }, initialDelay: { minutes: 2 } }
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * Repository workspaces read at the same time.
       * @default 4
       */
      concurrency?: number;
    };
  };
}
