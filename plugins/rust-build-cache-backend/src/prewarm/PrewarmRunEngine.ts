import { randomUUID } from 'node:crypto';
import { NotFoundError } from '@backstage/errors';
import {
  executeJob,
  AbortCause,
  JobController,
  JobExecutionSettings,
} from './executeJob';
import { PrewarmContext } from './prewarmContext';
import { PrewarmExecutorRegistry } from './PrewarmExecutorRegistry';
import { PrewarmPlanner } from './PrewarmPlanner';
import { PrewarmRunRecord, PrewarmScheduleRecord } from './PrewarmStore';
import { aggregateRunState, INTERRUPTED_ERROR } from './runStates';

interface ActiveRun {
  promise: Promise<void>;
  jobs: Map<string, JobController>;
}

/**
 * Executes the runs this instance claimed: plans each into jobs, runs them with the
 * schedule's concurrency while writing the run's heartbeat, and closes the run from its
 * jobs' states. Cancel and shutdown abort the executing jobs.
 */
export class PrewarmRunEngine {
  private readonly active = new Map<string, ActiveRun>();
  private stopping = false;

  constructor(
    private readonly context: PrewarmContext,
    private readonly executors: PrewarmExecutorRegistry,
    private readonly planner: PrewarmPlanner,
    private readonly settings: JobExecutionSettings & {
      heartbeatIntervalMs: number;
    },
  ) {}

  get isStopping(): boolean {
    return this.stopping;
  }

  async requireRun(id: string): Promise<PrewarmRunRecord> {
    const run = await this.context.runStore.getRun({ id });
    if (!run) throw new NotFoundError(`No pre-warm run with id ${id}`);
    return run;
  }

  /** Plans a claimed run into jobs and starts executing it in the background. */
  async planAndStart(
    runId: string,
    schedule: PrewarmScheduleRecord,
  ): Promise<void> {
    const { runStore: store, logger, now } = this.context;
    try {
      const plan = await this.planner.plan(schedule.scope);
      const busyGroups = await store.getActiveGroupIds({ exceptRunId: runId });
      const queuedAt = now();
      await store.insertJobs(
        plan.groups.map((group, position) => {
          const duplicate = busyGroups.has(group.id);
          return {
            id: randomUUID(),
            runId,
            position,
            group,
            state: duplicate ? 'skipped-as-duplicate' : 'queued',
            queuedAt,
            finishedAt: duplicate ? queuedAt : null,
            error: duplicate
              ? 'a job of another run is already warming this group'
              : null,
          };
        }),
      );
    } catch (error) {
      logger.error(`Planning pre-warm run ${runId} failed: ${error}`);
      await store.updateRun(runId, { state: 'failed', finishedAt: now() });
      return;
    }
    const active: ActiveRun = { promise: Promise.resolve(), jobs: new Map() };
    active.promise = this.executeRun(runId, active)
      .catch(error =>
        logger.error(`Executing pre-warm run ${runId} failed: ${error}`),
      )
      .finally(() => this.active.delete(runId));
    this.active.set(runId, active);
  }

  /** Cancels a run: queued jobs at once, running ones through their abort signal. */
  async cancel(run: PrewarmRunRecord): Promise<void> {
    if (run.state !== 'queued' && run.state !== 'running') return;
    await this.context.runStore.requestCancel({
      runId: run.id,
      now: this.context.now(),
    });
    // Runs of this instance stop now; another replica's notice it at its next heartbeat.
    this.abortRun(run.id, 'cancel');
    if (!this.active.has(run.id)) await this.finishRunIfDone(run.id);
  }

  /** Resolves when every run this instance executes has ended (tests, shutdown). */
  async whenIdle(): Promise<void> {
    while (this.active.size > 0) {
      await Promise.all([...this.active.values()].map(a => a.promise));
    }
  }

  /** Stops running jobs (they end as interrupted) and waits for their runs to close. */
  async shutdown(): Promise<void> {
    this.stopping = true;
    for (const id of this.active.keys()) this.abortRun(id, 'shutdown');
    await this.whenIdle();
  }

  private async executeRun(runId: string, active: ActiveRun): Promise<void> {
    const { runStore: store, logger, now } = this.context;
    const run = await this.requireRun(runId);
    await store.updateRun(
      runId,
      { state: 'running', startedAt: now(), heartbeatAt: now() },
      { fromStates: ['queued'] },
    );
    const heartbeat = setInterval(() => {
      this.beat(runId).catch(error =>
        logger.warn(`Heartbeat of pre-warm run ${runId} failed: ${error}`),
      );
    }, this.settings.heartbeatIntervalMs);
    try {
      const executor = this.executors.get(run.executorId);
      const queue = run.jobs.filter(job => job.state === 'queued');
      const worker = async () => {
        for (let job = queue.shift(); job; job = queue.shift()) {
          if (this.stopping) {
            await store.updateJob(
              job.id,
              { state: 'failed', finishedAt: now(), error: INTERRUPTED_ERROR },
              { fromStates: ['queued'] },
            );
            continue;
          }
          await executeJob({
            context: this.context,
            settings: this.settings,
            run,
            job,
            executor,
            jobs: active.jobs,
            cancelRun: () => this.abortRun(run.id, 'cancel'),
          });
        }
      };
      await Promise.all(
        Array.from({ length: Math.max(1, run.concurrency) }, worker),
      );
    } finally {
      clearInterval(heartbeat);
      await this.finishRunIfDone(runId);
    }
  }

  private async beat(runId: string): Promise<void> {
    const { runStore: store, now } = this.context;
    await store.heartbeat({ runId, now: now() });
    const run = await store.getRun({ id: runId });
    if (run?.cancelRequested) this.abortRun(runId, 'cancel');
  }

  private abortRun(runId: string, cause: AbortCause) {
    for (const controller of this.active.get(runId)?.jobs.values() ?? []) {
      if (!controller.signal.aborted) {
        controller.cause = cause;
        controller.abort(new Error(`pre-warm job ${cause}`));
      }
    }
  }

  /** Sets the run's state from its jobs' once none is queued or running. */
  private async finishRunIfDone(runId: string): Promise<void> {
    const run = await this.context.runStore.getRun({ id: runId });
    if (!run) return;
    const state = aggregateRunState(run.jobs);
    if (state === 'running') return;
    await this.context.runStore.updateRun(
      runId,
      { state, finishedAt: this.context.now() },
      { fromStates: ['queued', 'running'] },
    );
  }
}
