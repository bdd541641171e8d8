export interface Config {
  rustBuildCache?: {
    pull?: {
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
    prewarm?: {
      executors?: {
        /**
         * `github-actions`: dispatches the pre-warm workflow
         * (docs/prewarm/rust-build-cache-prewarm.yml) with the `integrations.github`
         * credentials of the repository's host and follows its run.
         */
        githubActions?: {
          /** @default false */
          enabled?: boolean;
          /** Workflow file name (or id). @default rust-build-cache-prewarm.yml */
          workflow?: string;
          /** Branch or tag holding the workflow. @default main */
          ref?: string;
          /** `host/owner/name` of one central repository holding the workflow; by default the warmed repository's own. */
          repository?: string;
          /** @default 30 */
          pollIntervalSeconds?: number;
          /** How long to look for the run a dispatch created. @default 300 */
          runLookupTimeoutSeconds?: number;
          /** @default 30000 */
          requestTimeoutMs?: number;
        };
      };
    };
  };
}
