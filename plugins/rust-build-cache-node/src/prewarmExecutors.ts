import {
  createExtensionPoint,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type {
  WarmGroupKey,
  WarmGroup,
} from '@rust-build-cache/plugin-rust-build-cache-common';

/**
 * One warm job handed to a {@link PrewarmExecutor}: build the dependencies of
 * `representative` once, with exactly the settings in `key`, into the shared sccache.
 *
 * @public
 */
export interface PrewarmJobSpec {
  jobId: string;
  runId: string;
  groupId: string;
  key: WarmGroupKey;
  representative: WarmGroup['representative'];
  /** The entities whose builds the job warms. */
  entityRefs: string[];
}

/**
 * What an executor gets for one warm job.
 *
 * @public
 */
export interface PrewarmExecutionContext {
  job: PrewarmJobSpec;
  /** Aborted when the job's time limit passes or a user cancels the run. */
  signal: AbortSignal;
  logger: LoggerService;
  /** Appends build output; the backend keeps the last lines as the job's log tail. */
  appendLog(text: string): void;
  /** Records the executor's own run (e.g. a GitHub Actions run URL) as soon as it is known. */
  setExternalRun(run: { id: string; url: string | null }): Promise<void>;
  /**
   * Validates and stores a `kind: prewarm` report exactly like a pushed one (idempotent per
   * CI job run). Rejects with an `InputError` for an invalid report.
   */
  ingest(report: unknown): Promise<{ id: string; created: boolean }>;
}

/**
 * How a warm job ended. `cacheWrites` and `reportId` come from the warm build's report
 * when the executor has it; executors whose build pushes its own report leave them out and
 * the backend matches the report by `externalRun`.
 *
 * @public
 */
export interface PrewarmExecutionResult {
  outcome: 'succeeded' | 'failed';
  error?: string;
  cacheWrites?: number | null;
  reportId?: string | null;
}

/**
 * What an executor gets to clean up after jobs of a backend that stopped without shutting
 * down (a crash, a killed pod).
 *
 * @public
 */
export interface PrewarmExecutorRecoveryContext {
  logger: LoggerService;
  /**
   * Whether the database still has the job queued or running. Such a job may be running
   * on a live replica: leave it alone unless the executor can prove its owner is gone.
   */
  isJobUnfinished(jobId: string): Promise<boolean>;
}

/**
 * Runs warm builds somewhere: on the Backstage host (`local`), in GitHub Actions
 * (`github-actions`), or wherever a module's executor sends them.
 *
 * @public
 */
export interface PrewarmExecutor {
  /** Unique among the registered executors; stored in schedules. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /**
   * Runs one warm job to its end. Resolve with `failed` (not a rejection) for build
   * failures; when `context.signal` aborts, stop the build and resolve or reject promptly.
   */
  execute(context: PrewarmExecutionContext): Promise<PrewarmExecutionResult>;
  /**
   * Optional: releases what jobs of a stopped backend left behind (work directories,
   * processes). Called when the backend starts, after runs whose backend stopped beating
   * are closed, and again whenever the dispatch task closes such runs.
   */
  recoverStaleJobs?(context: PrewarmExecutorRecoveryContext): Promise<void>;
}

/**
 * Lets backend modules add {@link PrewarmExecutor}s to the rust-build-cache backend.
 *
 * @public
 */
export interface RustBuildCachePrewarmExecutorsExtensionPoint {
  addPrewarmExecutor(...executors: PrewarmExecutor[]): void;
}

/**
 * Extension point for {@link PrewarmExecutor}s.
 *
 * @public
 */
export const rustBuildCachePrewarmExecutorsExtensionPoint =
  createExtensionPoint<RustBuildCachePrewarmExecutorsExtensionPoint>({
    id: 'rust-build-cache.prewarm-executors',
  });
