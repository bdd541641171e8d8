import { randomUUID } from 'node:crypto';
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  PrewarmExecutorInfo,
  PrewarmRun,
  PrewarmRunPage,
  PrewarmRunState,
  PrewarmSchedule,
  PrewarmScope,
  WarmGroupEffect,
  WarmPlan,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { PrewarmExecutor } from '@rust-build-cache/plugin-rust-build-cache-node';
import { EntityLinkStore } from '../catalog';
import { WarmBuildReports } from '../reports';
import { PrewarmContext } from './prewarmContext';
import { PrewarmDispatcher } from './PrewarmDispatcher';
import { PrewarmEffect } from './PrewarmEffect';
import { PrewarmExecutorRegistry } from './PrewarmExecutorRegistry';
import { PrewarmPlanner } from './PrewarmPlanner';
import { PrewarmRunEngine } from './PrewarmRunEngine';
import { PrewarmSchedules, requireRunnable } from './PrewarmSchedules';
import { PrewarmRunStore, PrewarmScheduleStore } from './PrewarmStore';
import { toApiRun } from './runStates';

export interface PrewarmServiceOptions {
  scheduleStore: PrewarmScheduleStore;
  runStore: PrewarmRunStore;
  reports: WarmBuildReports;
  entityLinks: Pick<EntityLinkStore, 'getEntityLink'>;
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

/**
 * The pre-warm feature's interface to its router, tasks and the policy: schedules,
 * plans, runs and their measured effect. Each job is done by one part (schedules,
 * planner, dispatcher, run engine, effect); this class only puts them together.
 */
export class PrewarmService {
  private readonly runStore: PrewarmRunStore;
  private readonly executors: PrewarmExecutorRegistry;
  private readonly schedules: PrewarmSchedules;
  private readonly planner: PrewarmPlanner;
  private readonly engine: PrewarmRunEngine;
  private readonly dispatcher: PrewarmDispatcher;
  private readonly measured: PrewarmEffect;

  constructor(options: PrewarmServiceOptions) {
    const context: PrewarmContext = {
      scheduleStore: options.scheduleStore,
      runStore: options.runStore,
      reports: options.reports,
      entityLinks: options.entityLinks,
      catalog: options.catalog,
      auth: options.auth,
      logger: options.logger,
      now: options.now ?? (() => new Date()),
    };
    const instanceId = options.instanceId ?? randomUUID();
    const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 30_000;
    this.runStore = options.runStore;
    this.executors = new PrewarmExecutorRegistry(options.executors);
    this.schedules = new PrewarmSchedules(context, this.executors);
    this.planner = new PrewarmPlanner(context);
    this.engine = new PrewarmRunEngine(context, this.executors, this.planner, {
      instanceId,
      heartbeatIntervalMs,
      abortGraceMs: options.abortGraceMs ?? 30_000,
      logFlushIntervalMs: options.logFlushIntervalMs ?? 2_000,
      timeLimitMs: options.timeLimitMs ?? (minutes => minutes * 60_000),
      ingest: report => options.ingest(report),
    });
    this.dispatcher = new PrewarmDispatcher(
      context,
      this.schedules,
      this.executors,
      this.engine,
      {
        instanceId,
        staleAfterMs: options.staleAfterMs ?? 4 * heartbeatIntervalMs,
      },
    );
    this.measured = new PrewarmEffect(context);
  }

  listExecutors(): PrewarmExecutorInfo[] {
    return this.executors.list();
  }

  listSchedules(): Promise<PrewarmSchedule[]> {
    return this.schedules.list();
  }

  getSchedule(id: string): Promise<PrewarmSchedule> {
    return this.schedules.get(id);
  }

  createSchedule(input: unknown, createdBy: string): Promise<PrewarmSchedule> {
    return this.schedules.create(input, createdBy);
  }

  updateSchedule(id: string, input: unknown): Promise<PrewarmSchedule> {
    return this.schedules.update(id, input);
  }

  setPaused(id: string, paused: boolean): Promise<PrewarmSchedule> {
    return this.schedules.setPaused(id, paused);
  }

  /** Deletes a schedule; its runs stay in the history. */
  deleteSchedule(id: string): Promise<void> {
    return this.schedules.delete(id);
  }

  async plan(
    options: { scheduleId: string } | { scope: PrewarmScope },
  ): Promise<WarmPlan> {
    const scope =
      'scheduleId' in options
        ? requireRunnable(
            await this.schedules.require(options.scheduleId),
            'plan',
          ).scope
        : options.scope;
    return this.planner.plan(scope);
  }

  /** Entities in the scope of a schedule that is not paused (policy rule `prewarm-enrolled`). */
  async enrolledEntityRefs(): Promise<Set<string>> {
    const active = (await this.schedules.readAll()).filter(s => !s.paused);
    return this.planner.entityRefsInAny(active.map(s => s.scope));
  }

  async listRuns(filter: {
    scheduleId?: string;
    state?: PrewarmRunState;
    limit: number;
    offset: number;
  }): Promise<PrewarmRunPage> {
    const page = await this.runStore.listRuns(filter);
    return { items: page.items.map(toApiRun), total: page.total };
  }

  async getRun(id: string): Promise<PrewarmRun> {
    return toApiRun(await this.engine.requireRun(id));
  }

  /** "Run now": a manual run, planned now and executed in the background. */
  async runNow(scheduleId: string, triggeredBy: string): Promise<PrewarmRun> {
    return this.getRun(await this.dispatcher.runNow(scheduleId, triggeredBy));
  }

  /** Cancels a run: queued jobs at once, running ones through their abort signal. */
  async cancelRun(id: string): Promise<PrewarmRun> {
    await this.engine.cancel(await this.engine.requireRun(id));
    return this.getRun(id);
  }

  /** One tick of the dispatch task (see `PrewarmDispatcher.dispatch`). */
  dispatch(): Promise<{ runIds: string[] }> {
    return this.dispatcher.dispatch();
  }

  /** Closes runs left behind by a backend that stopped. */
  recoverInterruptedRuns(): Promise<{ runs: string[] }> {
    return this.dispatcher.recoverInterruptedRuns();
  }

  /** Lets executors clean up after jobs of a stopped backend. */
  recoverExecutors(): Promise<void> {
    return this.dispatcher.recoverExecutors();
  }

  /** Resolves when every run this instance executes has ended (tests, shutdown). */
  whenIdle(): Promise<void> {
    return this.engine.whenIdle();
  }

  /** Stops running jobs (they end as interrupted) and waits for their runs to close. */
  shutdown(): Promise<void> {
    return this.engine.shutdown();
  }

  effect(options: { days: number }): Promise<WarmGroupEffect[]> {
    return this.measured.effect(options);
  }
}
