export interface Config {
  rustBuildCache?: {
    /** The demo app's seeded build-cache history (packages/backend/src/demoData). */
    demoData?: {
      /**
       * Seed the demo catalog's services with demo build-cache reports at start, through
       * the same ingestion API that CI uses. Off unless set; never enable in production.
       * @default false
       */
      enabled?: boolean;
      /**
       * With `enabled`, also run each schedule of `rustBuildCache.prewarm.schedules` once
       * on a fresh database, with the `local` executor (real cargo builds through sccache,
       * about a minute of CPU), and build one consumer on the warmed cache, so that the
       * pre-warm page shows runs and their effect. Needs cargo and sccache; skipped with a
       * log line without them.
       * @default true
       */
      prewarmRuns?: boolean;
    };
  };
}
