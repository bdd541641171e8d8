import { randomUUID } from 'node:crypto';
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  combineRunMetrics,
  ConsumerRunStats,
  matchesPrewarmScope,
  planWarmGroups,
  PrewarmExecutorInfo,
  PrewarmJob,
  PrewarmJobState,
  PrewarmRun,
  PrewarmRunPage,
  PrewarmRunState,
  PrewarmSchedule,
  PrewarmScheduleInput,
  PrewarmScope,
  RunMetrics,
  validatePrewarmScheduleInput,
  WarmGroupEffect,
  WarmPlan,
  WarmPlanEntity,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import {
  PrewarmExecutionResult,
  PrewarmExecutor,
} from '@rust-build-cache/plugin-rust-build-cache-node';
import {
  ReportSourceKey,
  RustBuildCacheStore,
} from '../database/RustBuildCacheStore';
import {
  ownerRef,
  streamAnnotatedEntities,
} from '../service/annotatedEntities';
import { toEntityRef } from '../service/EntityLinkService';
import {
  entitySourceKey,
  normaliseRepository,
  normaliseWorkspacePath,
} from '../service/reportSources';
import { latestDueSlot, nextSlot, scheduleTimesError } from './cronSlots';
import { LogTail } from './logTail';
import {
  PrewarmRunRecord,
  PrewarmScheduleRecord,
  PrewarmStore,
} from './PrewarmStore';

/** The error of jobs and runs whose backend stopped while they ran. */
export const INTERRUPTED_ERROR = 'interrupted: the backend running it stopped';

/** Consumers after a warm job below this effective hit rate: their keys do not match. */
export const KEY_MISMATCH_THRESHOLD = 0.5;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Why a job's signal was aborted. */
type AbortCause = 'timeout' | 'cancel' | 'shutdown';

export interface PrewarmServiceOptions {
  store: PrewarmStore;
  reports: RustBuildCacheStore;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  executors: PrewarmExecutor[];
  /** Stores a `kind: prewarm` report like a pushed one. */
  ingest(report: unknown): Promise<{ id: string; created: boolean }>;
  /** Names this backend instance in `claimed_by`. */
  instanceId?: string;
  /** How often a running run writes its heartbeat (and checks for cancellation). */
  heartbeatIntervalMs?: number;
  /** Runs whose heartbeat is older than this are taken as interrupted; default 4 heartbeats. */
  staleAfterMs?: number;
  /** How long an aborted executor gets to stop before its job is closed anyway. */
  abortGraceMs?: number;
  /** Minimum time between two log tail writes of one job. */
  logFlushIntervalMs?: number;
  /** A schedule's time limit in milliseconds (tests shorten minutes). */
  timeLimitMs?: (minutes: number) => number;
  now?: () => Date;
}

interface ActiveRun {
  promise: Promise<void>;
  jobs: Map<string, AbortController & { cause?: AbortCause }>;
}

/**
 * Pre-warm schedules, plans, runs and their execution. Scheduled runs are claimed by
 * inserting the run of a cron slot (unique per schedule and slot), so with several
 * replicas each slot runs once; the claiming replica plans and executes it, writing a
 * heartbeat, and any replica closes runs whose heartbeat stopped.
 */
export class PrewarmService {
  private readonly executors = new Map<string, PrewarmExecutor>();
  private readonly active = new Map<string, ActiveRun>();
  private readonly instanceId: string;
  private readonly heartbeatIntervalMs: number;
  private readonly staleAfterMs: number;
  private readonly abortGraceMs: number;
  private readonly logFlushIntervalMs: number;
  private readonly timeLimitMs: (minutes: number) => number;
  private readonly now: () => Date;
  private stopping = false;

  constructor(private readonly options: PrewarmServiceOptions) {
    for (const executor of options.executors) {
      if (this.executors.has(executor.id)) {
        throw new Error(
          `A pre-warm executor with id '${executor.id}' is already registered`,
        );
      }
      this.executors.set(executor.id, executor);
    }
    this.instanceId = options.instanceId ?? randomUUID();
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 30_000;
    this.staleAfterMs = options.staleAfterMs ?? 4 * this.heartbeatIntervalMs;
    this.abortGraceMs = options.abortGraceMs ?? 30_000;
    this.logFlushIntervalMs = options.logFlushIntervalMs ?? 2_000;
    this.timeLimitMs = options.timeLimitMs ?? (minutes => minutes * 60_000);
    this.now = options.now ?? (() => new Date());
  }

  listExecutors(): PrewarmExecutorInfo[] {
    return [...this.executors.values()].map(({ id, title, description }) => ({
      id,
      title,
      description,
    }));
  }

  // Schedules

  async listSchedules(): Promise<PrewarmSchedule[]> {
    const schedules = await this.readSchedules();
    const lastRuns = await this.options.store.getLastRuns({
      scheduleIds: schedules.map(s => s.id),
    });
    return schedules.map(s => this.toSchedule(s, lastRuns.get(s.id)));
  }

  async getSchedule(id: string): Promise<PrewarmSchedule> {
    const schedule = await this.requireSchedule(id);
    const lastRuns = await this.options.store.getLastRuns({
      scheduleIds: [id],
    });
    return this.toSchedule(schedule, lastRuns.get(id));
  }

  async createSchedule(
    input: unknown,
    createdBy: string,
  ): Promise<PrewarmSchedule> {
    const value = this.validateInput(input);
    const id = randomUUID();
    await this.options.store.createSchedule({
      id,
      input: value,
      createdBy,
      now: this.now(),
    });
    return this.getSchedule(id);
  }

  async updateSchedule(id: string, input: unknown): Promise<PrewarmSchedule> {
    const value = this.validateInput(input);
    const existing = await this.requireSchedule(id);
    await this.options.store.updateSchedule({
      id,
      input: value,
      now: this.now(),
      resetDispatchFrom:
        existing.cron !== value.cron || existing.timeZone !== value.timeZone,
    });
    return this.getSchedule(id);
  }

  async setPaused(id: string, paused: boolean): Promise<PrewarmSchedule> {
    if (!paused) requireRunnable(await this.requireSchedule(id), 'resume');
    const updated = await this.options.store.setPaused({
      id,
      paused,
      now: this.now(),
    });
    if (!updated) throw scheduleNotFound(id);
    return this.getSchedule(id);
  }

  /** Deletes a schedule; its runs stay in the history. */
  async deleteSchedule(id: string): Promise<void> {
    if (!(await this.options.store.deleteSchedule({ id }))) {
      throw scheduleNotFound(id);
    }
  }

  // Plans

  async plan(
    options: { scheduleId: string } | { scope: PrewarmScope },
  ): Promise<WarmPlan> {
    const scope =
      'scheduleId' in options
        ? requireRunnable(
            await this.requireSchedule(options.scheduleId),
            'plan',
          ).scope
        : options.scope;
    return planWarmGroups({ entities: await this.entitiesInScope(scope) });
  }

  /** Entities in the scope of a schedule that is not paused (policy rule `prewarm-enrolled`). */
  async enrolledEntityRefs(): Promise<Set<string>> {
    const scopes = (await this.readSchedules())
      .filter(s => !s.paused)
      .map(s => s.scope);
    const enrolled = new Set<string>();
    if (scopes.length === 0) return enrolled;
    for (const entity of await this.annotatedEntities()) {
      if (scopes.some(scope => matchesPrewarmScope(entity, scope))) {
        enrolled.add(entity.entityRef);
      }
    }
    return enrolled;
  }

  // Runs

  async listRuns(filter: {
    scheduleId?: string;
    state?: PrewarmRunState;
    limit: number;
    offset: number;
  }): Promise<PrewarmRunPage> {
    const page = await this.options.store.listRuns(filter);
    return { items: page.items.map(toApiRun), total: page.total };
  }

  async getRun(id: string): Promise<PrewarmRun> {
    return toApiRun(await this.requireRun(id));
  }

  /** "Run now": a manual run, planned now and executed in the background. */
  async runNow(scheduleId: string, triggeredBy: string): Promise<PrewarmRun> {
    const schedule = requireRunnable(
      await this.requireSchedule(scheduleId),
      'run',
    );
    this.requireExecutor(schedule.executorId);
    const id = randomUUID();
    await this.options.store.insertRun({
      id,
      schedule,
      trigger: 'manual',
      triggeredBy,
      scheduledFor: null,
      queuedAt: this.now(),
      claimedBy: this.instanceId,
    });
    await this.planAndStart(id, schedule);
    return this.getRun(id);
  }

  /** Cancels a run: queued jobs at once, running ones through their abort signal. */
  async cancelRun(id: string): Promise<PrewarmRun> {
    const run = await this.requireRun(id);
    if (run.state === 'queued' || run.state === 'running') {
      await this.options.store.requestCancel({ runId: id, now: this.now() });
      // Runs of this instance stop now; another replica's notice it at its next heartbeat.
      this.abortRun(id, 'cancel');
      const active = this.active.get(id);
      if (!active) await this.finishRunIfDone(id);
    }
    return this.getRun(id);
  }

  // Dispatch

  /**
   * One tick of the dispatch task: closes interrupted runs, then claims the latest due
   * cron slot of each active schedule (a replica that loses the race for a slot skips
   * it), plans it and starts executing it in the background. Returns the claimed runs.
   */
  async dispatch(): Promise<{ runIds: string[] }> {
    const interrupted = await this.recoverInterruptedRuns();
    if (interrupted.runs.length > 0) await this.recoverExecutors();
    const runIds: string[] = [];
    if (this.stopping) return { runIds };
    const now = this.now();
    for (const schedule of await this.readSchedules()) {
      if (schedule.paused) continue;
      if (!this.executors.has(schedule.executorId)) {
        this.options.logger.warn(
          `Pre-warm schedule '${schedule.name}' (${schedule.id}) names the executor '${schedule.executorId}', which is not registered; it is not run`,
        );
        continue;
      }
      try {
        const last = await this.options.store.getLastScheduledSlot({
          scheduleId: schedule.id,
        });
        const after =
          last && last > schedule.dispatchFrom ? last : schedule.dispatchFrom;
        const slot = latestDueSlot(
          schedule.cron,
          schedule.timeZone,
          after,
          now,
        );
        if (!slot) continue;
        const id = randomUUID();
        const { created } = await this.options.store.insertRun({
          id,
          schedule,
          trigger: 'schedule',
          triggeredBy: null,
          scheduledFor: slot,
          queuedAt: now,
          claimedBy: this.instanceId,
        });
        if (!created) continue;
        runIds.push(id);
        await this.planAndStart(id, schedule);
      } catch (error) {
        this.options.logger.error(
          `Dispatching pre-warm schedule '${schedule.name}' (${schedule.id}) failed: ${error}`,
        );
      }
    }
    return { runIds };
  }

  /**
   * Closes runs and jobs left queued or running by a backend that stopped: those whose
   * heartbeat is older than a few heartbeat intervals. Live runs of any replica beat in
   * time and are left alone.
   */
  async recoverInterruptedRuns(): Promise<{ runs: string[] }> {
    const now = this.now();
    const result = await this.options.store.closeStaleRuns({
      staleBefore: new Date(now.getTime() - this.staleAfterMs),
      now,
      error: INTERRUPTED_ERROR,
    });
    if (result.runs.length > 0) {
      this.options.logger.warn(
        `Closed ${
          result.runs.length
        } interrupted pre-warm runs: ${result.runs.join(', ')}`,
      );
    }
    return result;
  }

  /**
   * Lets each executor release what jobs of stopped backends left behind (work
   * directories, processes): at start, after `recoverInterruptedRuns`, and whenever the
   * dispatch task closes interrupted runs. A failure is logged, never thrown.
   */
  async recoverExecutors(): Promise<void> {
    const { store, logger } = this.options;
    for (const executor of this.executors.values()) {
      try {
        await executor.recoverStaleJobs?.({
          logger,
          isJobUnfinished: jobId => store.isJobUnfinished({ jobId }),
        });
      } catch (error) {
        logger.warn(
          `Pre-warm executor '${executor.id}' could not clean up after jobs of a stopped backend: ${error}`,
        );
      }
    }
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

  // Measured effect

  async effect(options: { days: number }): Promise<WarmGroupEffect[]> {
    const now = this.now();
    const windowMs = options.days * DAY_MS;
    const warmJobs = await this.options.store.getLatestSucceededJobs({
      since: new Date(now.getTime() - windowMs),
    });
    const effects: WarmGroupEffect[] = [];
    for (const { job, finishedAt } of warmJobs) {
      const sources = await this.sourcesOf(job.entityRefs);
      const warmStart = job.startedAt ? new Date(job.startedAt) : finishedAt;
      // The same length on both sides: from the warm job until now, at most `days`.
      const lengthMs = Math.max(
        1,
        Math.min(now.getTime() - finishedAt.getTime(), windowMs),
      );
      const [before, after] = await Promise.all([
        this.options.store.listConsumerRuns({
          sources,
          from: new Date(warmStart.getTime() - lengthMs),
          to: warmStart,
        }),
        this.options.store.listConsumerRuns({
          sources,
          from: finishedAt,
          to: new Date(finishedAt.getTime() + lengthMs + 1),
        }),
      ]);
      const afterStats = consumerStats(after);
      let keyMismatch: WarmGroupEffect['keyMismatch'] = null;
      if (
        afterStats.effectiveHitRate !== null &&
        afterStats.effectiveHitRate < KEY_MISMATCH_THRESHOLD
      ) {
        const worst = [...after]
          .filter(run => run.metrics?.effectiveHitRate !== null && run.metrics)
          .sort(
            (a, b) =>
              a.metrics!.effectiveHitRate! - b.metrics!.effectiveHitRate!,
          )[0];
        keyMismatch = {
          message: `After the warm job, ${
            afterStats.runs
          } consumer CI runs still had an effective hit rate of ${Math.round(
            afterStats.effectiveHitRate * 100,
          )}%: their cache keys do not match the warm build's (toolchain, target, profile, RUSTFLAGS, CARGO_* variables, cache location or Cargo.lock differ). Compare a consumer run with the warm build to see which.`,
          compare:
            job.reportId && worst
              ? { base: job.reportId, head: worst.id }
              : null,
        };
      }
      effects.push({
        groupId: job.groupId,
        key: job.key,
        entityRefs: job.entityRefs,
        lastWarmJob: {
          id: job.id,
          finishedAt: job.finishedAt,
          cacheWrites: job.cacheWrites,
          reportId: job.reportId,
        },
        before: consumerStats(before),
        after: afterStats,
        keyMismatch,
      });
    }
    return effects.sort(
      (a, b) =>
        (b.lastWarmJob?.finishedAt ?? '').localeCompare(
          a.lastWarmJob?.finishedAt ?? '',
        ) || a.groupId.localeCompare(b.groupId),
    );
  }

  // Internals

  private validateInput(input: unknown): PrewarmScheduleInput {
    const validation = validatePrewarmScheduleInput(input);
    if (!validation.ok) {
      throw new InputError(
        `Invalid pre-warm schedule: ${validation.issues
          .map(issue => `${issue.path}: ${issue.message}`)
          .join('; ')}`,
      );
    }
    const value = validation.value;
    this.requireExecutor(value.executorId);
    const timesError = scheduleTimesError(
      value.cron,
      value.timeZone,
      this.now(),
    );
    if (timesError) {
      throw new InputError(`Invalid pre-warm schedule: ${timesError}`);
    }
    return value;
  }

  private requireExecutor(id: string): PrewarmExecutor {
    const executor = this.executors.get(id);
    if (!executor) {
      const known = [...this.executors.keys()];
      throw new InputError(
        `executorId: no pre-warm executor '${id}' is registered (${
          known.length
            ? `registered: ${known.join(', ')}`
            : 'none is registered'
        })`,
      );
    }
    return executor;
  }

  private async requireSchedule(id: string): Promise<PrewarmScheduleRecord> {
    const schedule = await this.options.store.getSchedule({ id });
    if (!schedule) throw scheduleNotFound(id);
    return this.pauseIfUnrunnable(schedule);
  }

  /** The stored schedules, those that cannot run paused first. */
  private async readSchedules(): Promise<PrewarmScheduleRecord[]> {
    const schedules = await this.options.store.listSchedules();
    return Promise.all(schedules.map(s => this.pauseIfUnrunnable(s)));
  }

  /**
   * Pauses a schedule that cannot run (see `readStoredSchedule`) in the database, so that
   * no replica's dispatcher tries it again; the call that pauses it logs why, once.
   */
  private async pauseIfUnrunnable(
    schedule: PrewarmScheduleRecord,
  ): Promise<PrewarmScheduleRecord> {
    if (!schedule.problem || schedule.paused) return schedule;
    const now = this.now();
    if (await this.options.store.pauseIfActive({ id: schedule.id, now })) {
      this.options.logger.warn(
        `Paused pre-warm schedule '${schedule.name}' (${schedule.id}), which cannot run: ${schedule.problem}. Edit it to fix it.`,
      );
    }
    return { ...schedule, paused: true };
  }

  private async requireRun(id: string): Promise<PrewarmRunRecord> {
    const run = await this.options.store.getRun({ id });
    if (!run) throw new NotFoundError(`No pre-warm run with id ${id}`);
    return run;
  }

  private toSchedule(
    schedule: PrewarmScheduleRecord,
    lastRun: PrewarmRunRecord | undefined,
  ): PrewarmSchedule {
    return {
      id: schedule.id,
      name: schedule.name,
      cron: schedule.cron,
      timeZone: schedule.timeZone,
      scope: schedule.scope,
      executorId: schedule.executorId,
      concurrency: schedule.concurrency,
      timeLimitMinutes: schedule.timeLimitMinutes,
      paused: schedule.paused,
      createdBy: schedule.createdBy,
      createdAt: schedule.createdAt.toISOString(),
      updatedAt: schedule.updatedAt.toISOString(),
      nextRunAt:
        schedule.paused || schedule.problem
          ? null
          : nextSlot(
              schedule.cron,
              schedule.timeZone,
              this.now(),
            ).toISOString(),
      problem: schedule.problem,
      lastRun: lastRun
        ? {
            id: lastRun.id,
            state: lastRun.state,
            startedAt: lastRun.startedAt,
            finishedAt: lastRun.finishedAt,
          }
        : null,
    };
  }

  private async annotatedEntities(): Promise<
    Array<WarmPlanEntity & { entity: Entity }>
  > {
    const { catalog, auth } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const result: Array<WarmPlanEntity & { entity: Entity }> = [];
    for await (const page of streamAnnotatedEntities(catalog, credentials, [
      'metadata.tags',
      'spec.owner',
    ])) {
      for (const entity of page) {
        result.push({
          entity,
          entityRef: toEntityRef(entity),
          owner: ownerRef(entity) ?? null,
          tags: entity.metadata.tags ?? [],
          latestCiReport: null,
        });
      }
    }
    return result;
  }

  private async entitiesInScope(
    scope: PrewarmScope,
  ): Promise<WarmPlanEntity[]> {
    const entities = (await this.annotatedEntities()).filter(entity =>
      matchesPrewarmScope(entity, scope),
    );
    const result: WarmPlanEntity[] = [];
    for (const { entity, ...planEntity } of entities) {
      const source = entitySourceKey(entity);
      const latest = source
        ? await this.options.reports.getLatestRun({ source, kind: 'ci' })
        : undefined;
      result.push({ ...planEntity, latestCiReport: latest?.report ?? null });
    }
    return result;
  }

  private async sourcesOf(entityRefs: string[]): Promise<ReportSourceKey[]> {
    const sources: ReportSourceKey[] = [];
    for (const entityRef of entityRefs) {
      const link = await this.options.reports.getEntityLink({ entityRef });
      if (link) sources.push(link.source);
    }
    return sources;
  }

  /** Plans a claimed run into jobs and starts executing it in the background. */
  private async planAndStart(
    runId: string,
    schedule: PrewarmScheduleRecord,
  ): Promise<void> {
    const { store, logger } = this.options;
    try {
      const plan = planWarmGroups({
        entities: await this.entitiesInScope(schedule.scope),
      });
      const busyGroups = await store.getActiveGroupIds({ exceptRunId: runId });
      const now = this.now();
      await store.insertJobs(
        plan.groups.map((group, position) => {
          const duplicate = busyGroups.has(group.id);
          return {
            id: randomUUID(),
            runId,
            position,
            group,
            state: duplicate ? 'skipped-as-duplicate' : 'queued',
            queuedAt: now,
            finishedAt: duplicate ? now : null,
            error: duplicate
              ? 'a job of another run is already warming this group'
              : null,
          };
        }),
      );
    } catch (error) {
      logger.error(`Planning pre-warm run ${runId} failed: ${error}`);
      await store.updateRun(runId, { state: 'failed', finishedAt: this.now() });
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

  private async executeRun(runId: string, active: ActiveRun): Promise<void> {
    const { store } = this.options;
    const run = await this.requireRun(runId);
    await store.updateRun(
      runId,
      { state: 'running', startedAt: this.now(), heartbeatAt: this.now() },
      { fromStates: ['queued'] },
    );
    const heartbeat = setInterval(() => {
      this.beat(runId).catch(error =>
        this.options.logger.warn(
          `Heartbeat of pre-warm run ${runId} failed: ${error}`,
        ),
      );
    }, this.heartbeatIntervalMs);
    try {
      const executor = this.executors.get(run.executorId);
      const queue = run.jobs.filter(job => job.state === 'queued');
      const worker = async () => {
        for (let job = queue.shift(); job; job = queue.shift()) {
          if (this.stopping) {
            await store.updateJob(
              job.id,
              {
                state: 'failed',
                finishedAt: this.now(),
                error: INTERRUPTED_ERROR,
              },
              { fromStates: ['queued'] },
            );
            continue;
          }
          await this.executeJob(run, job, executor, active);
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
    const { store } = this.options;
    await store.heartbeat({ runId, now: this.now() });
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

  private async executeJob(
    run: PrewarmRunRecord,
    job: PrewarmJob,
    executor: PrewarmExecutor | undefined,
    active: ActiveRun,
  ): Promise<void> {
    const { store, logger } = this.options;
    const claimed = await store.updateJob(
      job.id,
      {
        state: 'running',
        startedAt: this.now(),
        heartbeatAt: this.now(),
        claimedBy: this.instanceId,
      },
      { fromStates: ['queued'] },
    );
    if (!claimed) return; // cancelled meanwhile
    if (!executor) {
      await store.updateJob(job.id, {
        state: 'failed',
        finishedAt: this.now(),
        error: `the pre-warm executor '${run.executorId}' is not registered`,
      });
      return;
    }

    const controller: AbortController & { cause?: AbortCause } =
      new AbortController();
    active.jobs.set(job.id, controller);
    const limitMs = this.timeLimitMs(run.timeLimitMinutes);
    const timer = setTimeout(() => {
      controller.cause = 'timeout';
      controller.abort(new Error('pre-warm job timed out'));
    }, limitMs);

    const tail = new LogTail();
    let flushTimer: NodeJS.Timeout | undefined;
    let flushing: Promise<unknown> = Promise.resolve();
    const flush = () => {
      flushTimer = undefined;
      const logTail = tail.toString();
      flushing = flushing
        .then(() =>
          store.updateJob(job.id, { logTail }, { fromStates: ['running'] }),
        )
        .catch(error =>
          logger.warn(`Writing the log of job ${job.id} failed: ${error}`),
        );
    };
    let externalRunId: string | undefined;

    let result: PrewarmExecutionResult | undefined;
    let failure: unknown;
    try {
      if (run.cancelRequested) this.abortRun(run.id, 'cancel');
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
          appendLog: text => {
            tail.append(text);
            flushTimer ??= setTimeout(flush, this.logFlushIntervalMs);
          },
          setExternalRun: async external => {
            externalRunId = external.id;
            await store.updateJob(job.id, {
              externalId: external.id,
              externalUrl: external.url,
            });
          },
          ingest: report => this.options.ingest(report),
        }),
        controller.signal,
        this.abortGraceMs,
      );
    } catch (error) {
      failure = error;
    } finally {
      clearTimeout(timer);
      if (flushTimer) clearTimeout(flushTimer);
      active.jobs.delete(job.id);
    }
    await flushing;

    let state: PrewarmJobState;
    let error: string | null = null;
    switch (controller.signal.aborted ? controller.cause : undefined) {
      case 'timeout':
        state = 'timed-out';
        error = `stopped after the time limit of ${run.timeLimitMinutes} minutes`;
        break;
      case 'cancel':
        state = 'cancelled';
        break;
      case 'shutdown':
        state = 'failed';
        error = INTERRUPTED_ERROR;
        break;
      default:
        if (failure !== undefined || !result) {
          state = 'failed';
          error = `the executor failed: ${
            failure instanceof Error ? failure.message : String(failure)
          }`;
        } else {
          state = result.outcome;
          error =
            result.outcome === 'failed'
              ? result.error ?? 'the warm build failed'
              : null;
        }
    }

    let cacheWrites = result?.cacheWrites ?? null;
    let reportId = result?.reportId ?? null;
    if (!reportId && externalRunId) {
      // Executors whose build pushes its own report: match it by the external run id.
      const found = await store.findPrewarmReport({
        source: {
          repository: normaliseRepository(job.representative.repository),
          workspacePath: normaliseWorkspacePath(
            job.representative.workspacePath,
          ),
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
        finishedAt: this.now(),
        error,
        cacheWrites,
        reportId,
        logTail: tail.toString(),
      },
      { fromStates: ['running'] },
    );
  }

  /** Sets the run's state from its jobs' once none is queued or running. */
  private async finishRunIfDone(runId: string): Promise<void> {
    const run = await this.options.store.getRun({ id: runId });
    if (!run) return;
    const state = aggregateRunState(run.jobs);
    if (state === 'running') return;
    await this.options.store.updateRun(
      runId,
      { state, finishedAt: this.now() },
      { fromStates: ['queued', 'running'] },
    );
  }
}

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

function toApiRun(run: PrewarmRunRecord): PrewarmRun {
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

function consumerStats(
  runs: Array<{ metrics: RunMetrics | null; buildSeconds: number | null }>,
): ConsumerRunStats {
  const combined = combineRunMetrics(
    runs.flatMap(run => (run.metrics ? [run.metrics] : [])),
  );
  const seconds = runs.flatMap(run =>
    run.buildSeconds === null ? [] : [run.buildSeconds],
  );
  return {
    runs: runs.length,
    hitRate: combined.hitRate,
    effectiveHitRate: combined.effectiveHitRate,
    meanBuildSeconds: seconds.length
      ? seconds.reduce((a, b) => a + b, 0) / seconds.length
      : null,
  };
}

/** The schedule, unless it cannot run (a stored row of an older version, or edited). */
function requireRunnable(
  schedule: PrewarmScheduleRecord,
  action: 'resume' | 'run' | 'plan',
): PrewarmScheduleRecord {
  if (schedule.problem) {
    throw new ConflictError(
      `Cannot ${action} pre-warm schedule '${schedule.name}': ${schedule.problem}. Edit the schedule first.`,
    );
  }
  return schedule;
}

function scheduleNotFound(id: string) {
  return new NotFoundError(`No pre-warm schedule with id ${id}`);
}

/**
 * The executor's promise, or, once `signal` aborts, a rejection after `graceMs` if the
 * executor has not stopped by then, so a stuck executor cannot hold its run forever.
 */
function withAbortGrace<T>(
  promise: Promise<T>,
  signal: AbortSignal,
  graceMs: number,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const onAbort = () => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `the executor did not stop within ${graceMs} ms of being aborted`,
            ),
          ),
        graceMs,
      );
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      value => {
        if (timer) clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      error => {
        if (timer) clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
