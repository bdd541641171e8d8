export interface Config {
  rustBuildCache?: {
    prewarm?: {
      executors?: {
        /**
         * `local`: builds on the Backstage host into a local sccache directory — to try
         * pre-warming out, or when that directory is the consumers' cache.
         */
        local?: {
          /** @default false */
          enabled?: boolean;
          /** Each warm job checks out into a fresh directory under it (removed after). Relative to the backend's working directory. */
          workDirectory?: string;
          /** SCCACHE_DIR of the warm builds: the shared cache to fill. */
          sccacheDir?: string;
          /** @default cargo (on PATH) */
          cargoPath?: string;
          /** @default sccache (on PATH) */
          sccachePath?: string;
          /**
           * Where each repository comes from: a git URL, a local git repository, or a
           * plain directory (copied; the commit is not checked). Repositories not listed
           * are cloned from `https://<host>/<owner>/<name>.git`.
           */
          sources?: Array<{
            /** `host/owner/name`, e.g. `github.com/acme/billing`. */
            repository: string;
            location: string;
          }>;
          /**
           * Extra environment of the warm builds, e.g. the consumers' RUSTFLAGS and CARGO_*
           * values: sccache hashes them, and reports only carry their names and hashes.
           * RUSTC_WRAPPER, CARGO_INCREMENTAL, SCCACHE_DIR, SCCACHE_SERVER_PORT, SCCACHE_PATH
           * and CARGO_TARGET_DIR are set by the executor.
           * @visibility secret
           */
          env?: { [name: string]: string };
          /** Seconds a private sccache server lives idle if the backend stops mid-job. @default 600 */
          sccacheIdleTimeoutSeconds?: number;
        };
      };
    };
  };
}
