import {
  PrewarmJob,
  PrewarmJobState,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import {
  PrewarmExecutionResult,
  PrewarmExecutor,
} from '@rust-build-cache/plugin-rust-build-cache-node';
import { normaliseRepository, normaliseWorkspacePath } from '../catalog';
import { withAbortGrace } from './abortGrace';
import { JobLog } from './jobLog';
import { PrewarmContext } from './prewarmContext';
import { PrewarmRunRecord } from './PrewarmStore';
import { INTERRUPTED_ERROR } from './runStates';

/** Why a job's signal was aborted. */
export type AbortCause = 'timeout' | 'cancel' | 'shutdown';

export type JobController = AbortController & { cause?: AbortCause };

/** How jobs are run, the same for every job of this backend instance. */
export interface JobExecutionSettings {
  instanceId: string;
  /** A schedule's time limit in milliseconds. */
  timeLimitMs(minutes: number): number;
  logFlushIntervalMs: number;
  abortGraceMs: number;
  ingest(report: unknown): Promise<{ id: string; created: boolean }>;
}

/**
 * Runs one queued job with its executor: claims it, enforces the time limit, streams the
 * log tail to the store, and closes it with the state its outcome gives. `jobs` holds the
 * abort controllers of the run's executing jobs (cancel and shutdown abort them).
 */
export async function executeJob(options: {
  context: PrewarmContext;
  settings: JobExecutionSettings;
  run: PrewarmRunRecord;
  job: PrewarmJob;
  executor: PrewarmExecutor | undefined;
  jobs: Map<string, JobController>;
  cancelRun(): void;
}): Promise<void> {
  const { context, settings, run, job, executor, jobs } = options;
  const { runStore: store, logger, now } = context;
  const claimed = await store.updateJob(
    job.id,
    {
      state: 'running',
      startedAt: now(),
      heartbeatAt: now(),
      claimedBy: settings.instanceId,
    },
    { fromStates: ['queued'] },
  );
  if (!claimed) return; // cancelled meanwhile
  if (!executor) {
    await store.updateJob(job.id, {
      state: 'failed',
      finishedAt: now(),
      error: `the pre-warm executor '${run.executorId}' is not registered`,
    });
    return;
  }

  const controller: JobController = new AbortController();
  jobs.set(job.id, controller);
  const timer = setTimeout(() => {
    controller.cause = 'timeout';
    controller.abort(new Error('pre-warm job timed out'));
  }, settings.timeLimitMs(run.timeLimitMinutes));
  const log = new JobLog(store, job.id, settings.logFlushIntervalMs, error =>
    logger.warn(`Writing the log of job ${job.id} failed: ${error}`),
  );
  let externalRunId: string | undefined;

  let result: PrewarmExecutionResult | undefined;
  let failure: unknown;
  try {
    if (run.cancelRequested) options.cancelRun();
    result = await withAbortGrace(
      executor.execute({
        job: {
          jobId: job.id,
          runId: run.id,
          groupId: job.groupId,
          key: job.key,
          representative: job.representative,
          entityRefs: job.entityRefs,
        },
        signal: controller.signal,
        logger: logger.child({ prewarmRun: run.id, prewarmJob: job.id }),
        appendLog: text => log.append(text),
        setExternalRun: async external => {
          externalRunId = external.id;
          await store.updateJob(job.id, {
            externalId: external.id,
            externalUrl: external.url,
          });
        },
        ingest: report => settings.ingest(report),
      }),
      controller.signal,
      settings.abortGraceMs,
    );
  } catch (error) {
    failure = error;
  } finally {
    clearTimeout(timer);
    log.stop();
    jobs.delete(job.id);
  }
  await log.flushed();

  const { state, error } = jobOutcome(run, controller, result, failure);
  let cacheWrites = result?.cacheWrites ?? null;
  let reportId = result?.reportId ?? null;
  if (!reportId && externalRunId) {
    // Executors whose build pushes its own report: match it by the external run id.
    const found = await context.reports.findPrewarmReport({
      source: {
        repository: normaliseRepository(job.representative.repository),
        workspacePath: normaliseWorkspacePath(job.representative.workspacePath),
      },
      ciRunId: externalRunId,
    });
    if (found) {
      reportId = found.id;
      cacheWrites ??= found.cacheWrites;
    }
  }
  await store.updateJob(
    job.id,
    {
      state,
      finishedAt: now(),
      error,
      cacheWrites,
      reportId,
      logTail: log.toString(),
    },
    { fromStates: ['running'] },
  );
}

/** A job's final state and error, from why it was aborted or what the executor returned. */
function jobOutcome(
  run: PrewarmRunRecord,
  controller: JobController,
  result: PrewarmExecutionResult | undefined,
  failure: unknown,
): { state: PrewarmJobState; error: string | null } {
  switch (controller.signal.aborted ? controller.cause : undefined) {
    case 'timeout':
      return {
        state: 'timed-out',
        error: `stopped after the time limit of ${run.timeLimitMinutes} minutes`,
      };
    case 'cancel':
      return { state: 'cancelled', error: null };
    case 'shutdown':
      return { state: 'failed', error: INTERRUPTED_ERROR };
    default:
      if (failure !== undefined || !result) {
        return {
          state: 'failed',
          error: `the executor failed: ${
            failure instanceof Error ? failure.message : String(failure)
          }`,
        };
      }
      return {
        state: result.outcome,
        error:
          result.outcome === 'failed'
            ? result.error ?? 'the warm build failed'
            : null,
      };
  }
}
