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
      /**
       * Most reports accepted in one `POST /api/rust-build-cache/reports/batch`; a batch
       * with more is refused with 400 and nothing of it is stored.
       * @default 100
       */
      maxBatchReports?: number;
      /**
       * Largest accepted body of `POST /api/rust-build-cache/reports/batch`, in bytes
       * (after decompression). Larger batches are refused with 413 and nothing is stored.
       * @default 8388608
       */
      maxBatchBytes?: number;
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
    database?: {
      /**
       * Whether PostgreSQL keeps the plans of the entity pages' statements (run pages, time
       * series, latest run) per connection as named prepared statements: planning them
       * costs about as much as running them. Set to false behind a pooler that hands a
       * client a different server connection per transaction without tracking prepared
       * statements (PgBouncer's transaction mode before 1.21, or with
       * `max_prepared_statements = 0`). No effect on SQLite.
       * @default true
       */
      preparedStatements?: boolean;
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
       * Pull reports uploaded as a workflow artifact from GitHub Actions: needs the module
       * `@rust-build-cache/plugin-rust-build-cache-backend-module-github`, which documents
       * the other settings. Enabled without the module, the backend does not start.
       */
      githubActions?: {
        /** @default false */
        enabled?: boolean;
      };
    };
    /** Nightly pre-warming of the shared sccache. See the README, "Pre-warming". */
    prewarm?: {
      /**
       * How often the task `rust-build-cache-prewarm-dispatch` looks for schedules whose
       * cron slot is due. Always runs with `scope: 'global'`; a slot missed while the
       * backend was down runs once (the latest only). Each claimed run executes in the
       * background on the replica that claimed it.
       * @default { frequency: { minutes: 1 }, timeout: { minutes: 5 }, initialDelay: { seconds: 30 } }
       */
      dispatchSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * How often a replica executing a run records that it is alive (and notices a
       * cancel from another replica). Runs whose heartbeat is older than four intervals
       * are closed as failed ("interrupted: the backend running it stopped"), at start and
       * on every dispatch tick.
       * @default 30
       */
      heartbeatSeconds?: number;
      /**
       * Schedules declared in config: each is created at start unless a schedule of the
       * same name exists (edits made in the UI stay; a deleted one comes back at the next
       * start). Validated like the API's input; the executor must be enabled. Their runs
       * notify only `notifications.prewarmFailed.recipient` (there is no creating user).
       */
      schedules?: Array<{
        /** Unique among the configured schedules; how an existing schedule is recognised. */
        name: string;
        /** Five-field cron expression, e.g. `0 3 * * 1-5`. */
        cron: string;
        /** IANA time zone of `cron`. @default UTC */
        timeZone?: string;
        /**
         * Which entities: those in `entityRefs`, plus those matching both `owners` and
         * `tags` when given. An empty scope is every annotated entity.
         */
        scope?: {
          owners?: string[];
          tags?: string[];
          entityRefs?: string[];
        };
        /** An enabled executor's id, e.g. `local` or `github-actions`. */
        executorId: string;
        /** Warm jobs run at the same time. @default 1 */
        concurrency?: number;
        /** A job still running after it is stopped as timed out. @default 60 */
        timeLimitMinutes?: number;
      }>;
      /**
       * The executors of the modules, off unless enabled. Enabled without its module, the
       * backend does not start.
       */
      executors?: {
        /** `local`: needs `@rust-build-cache/plugin-rust-build-cache-backend-module-local-prewarm`. */
        local?: {
          /** @default false */
          enabled?: boolean;
        };
        /** `github-actions`: needs `@rust-build-cache/plugin-rust-build-cache-backend-module-github`. */
        githubActions?: {
          /** @default false */
          enabled?: boolean;
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
    /**
     * The organisation's caching policy, evaluated for every entity with the
     * `rust-build-cache/workspace` annotation (scorecards, exemptions, and the CLI's
     * `rust-build-cache check --url`). Validated at start: an invalid policy stops the
     * backend with a message naming each bad key, e.g.
     * `rustBuildCache.policy.rules[2].params.threshold: must be between 0 and 1`.
     * Unknown keys are errors. When not set, the built-in default policy applies
     * (bronze/silver/gold over 11 rules; see the README).
     */
    policy?: {
      baseline?: {
        /**
         * The Rust release the organisation targets, e.g. `1.95.0`. Required by the rule
         * `toolchain-near-baseline`.
         */
        rustRelease?: string;
      };
      /**
       * The built-in rules that apply, each at most once. Rules and their `params`
       * (defaults in brackets):
       * - `toolchain-pinned-exact`: rust-toolchain(.toml) pins an exact release, not `stable`.
       * - `toolchain-near-baseline`: CI's rustc is at most `maxMinorsBehind` [2] minor
       *   releases behind `baseline.rustRelease`.
       * - `toolchain-pin-matches-ci`: the committed pin equals the rustc CI used.
       * - `rustc-wrapper-sccache`: `RUSTC_WRAPPER=sccache` in CI.
       * - `cargo-incremental-off`: `CARGO_INCREMENTAL=0` in CI.
       * - `effective-hit-rate`: at least `threshold` [0.8] over the last `runs` [10] CI runs
       *   with sccache statistics; fewer than `minRuns` [3] gives insufficient-data.
       * - `cache-errors-bounded`: cache errors + timeouts per run, averaged over the last
       *   `runs` [10] CI runs, at most `maxMeanPerRun` [1].
       * - `cache-size-bounded`: `SCCACHE_CACHE_SIZE` set for a local disk cache, or a
       *   remote backend.
       * - `rustflags-stable`: one RUSTFLAGS hash over the last `runs` [10] CI runs (at least 2).
       * - `cargo-lock-committed`: Cargo.lock is committed.
       * - `reports-fresh`: the latest report is at most `maxAgeDays` [7] days old.
       * - `prewarm-enrolled`: the entity is enrolled in nightly pre-warming.
       */
      rules: Array<{
        /** One of the rule ids above. */
        id:
          | 'toolchain-pinned-exact'
          | 'toolchain-near-baseline'
          | 'toolchain-pin-matches-ci'
          | 'rustc-wrapper-sccache'
          | 'cargo-incremental-off'
          | 'effective-hit-rate'
          | 'cache-errors-bounded'
          | 'cache-size-bounded'
          | 'rustflags-stable'
          | 'cargo-lock-committed'
          | 'reports-fresh'
          | 'prewarm-enrolled';
        /** Overrides the built-in title. */
        title?: string;
        description?: string;
        /**
         * `error`: a failure is `fail` and makes the entity non-compliant (and fails
         * `rust-build-cache check`); `warning`: a failure is `warn`.
         */
        severity: 'error' | 'warning';
        /** The rule's parameters (see above); unknown ones are errors. */
        params?: {
          maxMinorsBehind?: number;
          threshold?: number;
          runs?: number;
          minRuns?: number;
          maxMeanPerRun?: number;
          maxAgeDays?: number;
        };
        /**
         * Which entities the rule applies to; others get `not-applicable`. Every listed
         * filter must match, any value within a list; compared case-insensitively.
         */
        appliesTo?: {
          /** Entity kinds, e.g. `Component`. */
          kinds?: string[];
          /** `spec.type`, e.g. `service`. */
          types?: string[];
          /** `metadata.tags`: at least one of them. */
          tags?: string[];
          /** Full owner refs, e.g. `group:default/payments`. */
          owners?: string[];
          /** `spec.lifecycle`, e.g. `production`. */
          lifecycles?: string[];
        };
        /** Overrides the built-in remediation text. */
        remediation?: string;
      }>;
      /**
       * Levels, lowest first (e.g. bronze, silver, gold). Cumulative: an entity reaches a
       * level when every rule of it and of all lower levels passes, is exempt or is not
       * applicable (`warn` and `insufficient-data` do not count).
       */
      levels: Array<{
        id: string;
        title: string;
        /** Ids of configured rules. */
        rules: string[];
      }>;
    };
    /**
     * Notifications through the notifications backend (`@backstage/plugin-notifications-backend`
     * must be installed). Each kind is off unless enabled, and has its own topic so that
     * users can mute it. At most one notification per subject (entity, or pre-warm
     * schedule), topic and UTC day, across all replicas.
     */
    notifications?: {
      /**
       * The Rust effective hit rate of the last `runs` CI runs fell below the policy's
       * `effective-hit-rate` threshold while the `runs` before them were at or above it.
       * To the owners of the entity, linking the comparison of the last good and the first
       * bad run.
       */
      hitRateRegression?: {
        /** @default false */
        enabled?: boolean;
        /**
         * CI runs with sccache statistics per window.
         * @default 3
         */
        runs?: number;
      };
      /** An entity dropped a policy level (e.g. gold → silver); to its owners. */
      policyLevelLost?: {
        /** @default false */
        enabled?: boolean;
      };
      /**
       * An active exemption ends in 7 days or in 1 day (UTC days); to the entity's owners
       * and the exemption's author. Checked hourly by the task
       * `rust-build-cache-exemption-expiry-notices`.
       */
      exemptionExpiring?: {
        /** @default false */
        enabled?: boolean;
      };
      /** A scheduled pre-warm run ended with failed or timed-out jobs. */
      prewarmFailed?: {
        /** @default false */
        enabled?: boolean;
        /**
         * Who is told: an entity ref (a group's members, a user); a bare name is a group
         * in the default namespace. Default: the user who created the schedule.
         */
        recipient?: string;
      };
    };
    /** The fleet insights (the Fleet tab of the Build cache policy page). */
    fleet?: {
      /**
       * How long a computed fleet view is served before the next request recomputes it in
       * the background (that request still gets the previous result). 0 recomputes on every
       * request after the first. From 0 to 86400.
       * @default 300
       */
      refreshSeconds?: number;
    };
    /** Scheduling of the policy scorecards' evaluation (not part of the policy itself). */
    scorecards?: {
      /**
       * When the task `rust-build-cache-policy-evaluation` evaluates every entity (besides
       * the evaluation of an entity on each of its new reports and snapshots, and a full
       * evaluation shortly after start while no results are stored). Always runs with
       * `scope: 'global'`.
       * @default { frequency: { cron: '30 2 * * *' }, timeout: { minutes: 30 } }
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
