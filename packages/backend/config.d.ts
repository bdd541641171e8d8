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
    };
  };
}
