import {
  PrewarmJob,
  PrewarmRun,
  PrewarmRunState,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { PrewarmRunRecord } from './PrewarmStore';

/** The error of jobs and runs whose backend stopped while they ran. */
export const INTERRUPTED_ERROR = 'interrupted: the backend running it stopped';

/**
 * A run's state from its jobs: running while any is queued or running; then cancelled if
 * any was cancelled, failed if any failed or timed out, else succeeded (skipped duplicates
 * and an empty plan included).
 */
export function aggregateRunState(jobs: PrewarmJob[]): PrewarmRunState {
  const states = new Set(jobs.map(job => job.state));
  if (states.has('queued') || states.has('running')) return 'running';
  if (states.has('cancelled')) return 'cancelled';
  if (states.has('failed') || states.has('timed-out')) return 'failed';
  return 'succeeded';
}

/** A stored run as the API shows it. */
export function toApiRun(run: PrewarmRunRecord): PrewarmRun {
  return {
    id: run.id,
    scheduleId: run.scheduleId,
    scheduleName: run.scheduleName,
    trigger: run.trigger,
    triggeredBy: run.triggeredBy,
    executorId: run.executorId,
    state: run.state,
    scheduledFor: run.scheduledFor,
    queuedAt: run.queuedAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    jobs: run.jobs,
  };
}
