import { randomUUID } from 'node:crypto';
import { latestDueSlot } from './cronSlots';
import { PrewarmContext } from './prewarmContext';
import { PrewarmExecutorRegistry } from './PrewarmExecutorRegistry';
import { PrewarmRunEngine } from './PrewarmRunEngine';
import { PrewarmSchedules, requireRunnable } from './PrewarmSchedules';
import { INTERRUPTED_ERROR } from './runStates';

/**
 * Starts runs: the due cron slots of active schedules and "run now". Scheduled runs are
 * claimed by inserting the run of a cron slot (unique per schedule and slot), so with
 * several replicas each slot runs once; any replica closes runs whose heartbeat stopped.
 */
export class PrewarmDispatcher {
  constructor(
    private readonly context: PrewarmContext,
    private readonly schedules: PrewarmSchedules,
    private readonly executors: PrewarmExecutorRegistry,
    private readonly engine: PrewarmRunEngine,
    private readonly settings: { instanceId: string; staleAfterMs: number },
  ) {}

  /** "Run now": a manual run, planned now and executed in the background. */
  async runNow(scheduleId: string, triggeredBy: string): Promise<string> {
    const schedule = requireRunnable(
      await this.schedules.require(scheduleId),
      'run',
    );
    this.executors.require(schedule.executorId);
    const id = randomUUID();
    await this.context.runStore.insertRun({
      id,
      schedule,
      trigger: 'manual',
      triggeredBy,
      scheduledFor: null,
      queuedAt: this.context.now(),
      claimedBy: this.settings.instanceId,
    });
    await this.engine.planAndStart(id, schedule);
    return id;
  }

  /**
   * One tick of the dispatch task: closes interrupted runs, then claims the latest due
   * cron slot of each active schedule (a replica that loses the race for a slot skips
   * it), plans it and starts executing it in the background. Returns the claimed runs.
   */
  async dispatch(): Promise<{ runIds: string[] }> {
    const { runStore: store, logger } = this.context;
    const interrupted = await this.recoverInterruptedRuns();
    if (interrupted.runs.length > 0) await this.recoverExecutors();
    const runIds: string[] = [];
    if (this.engine.isStopping) return { runIds };
    const now = this.context.now();
    for (const schedule of await this.schedules.readAll()) {
      if (schedule.paused) continue;
      if (!this.executors.get(schedule.executorId)) {
        logger.warn(
          `Pre-warm schedule '${schedule.name}' (${schedule.id}) names the executor '${schedule.executorId}', which is not registered; it is not run`,
        );
        continue;
      }
      try {
        const last = await store.getLastScheduledSlot({
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
        const { created } = await store.insertRun({
          id,
          schedule,
          trigger: 'schedule',
          triggeredBy: null,
          scheduledFor: slot,
          queuedAt: now,
          claimedBy: this.settings.instanceId,
        });
        if (!created) continue;
        runIds.push(id);
        await this.engine.planAndStart(id, schedule);
      } catch (error) {
        logger.error(
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
    const now = this.context.now();
    const result = await this.context.runStore.closeStaleRuns({
      staleBefore: new Date(now.getTime() - this.settings.staleAfterMs),
      now,
      error: INTERRUPTED_ERROR,
    });
    if (result.runs.length > 0) {
      this.context.logger.warn(
        `Closed ${
          result.runs.length
        } interrupted pre-warm runs: ${result.runs.join(', ')}`,
      );
    }
    return result;
  }

  /**
   * Lets each executor release what jobs of stopped backends left behind: at start, after
   * `recoverInterruptedRuns`, and whenever the dispatch task closes interrupted runs.
   */
  async recoverExecutors(): Promise<void> {
    await this.executors.recoverStaleJobs(this.context);
  }
}
