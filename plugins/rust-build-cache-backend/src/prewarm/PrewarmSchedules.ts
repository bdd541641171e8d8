import { randomUUID } from 'node:crypto';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  PrewarmSchedule,
  PrewarmScheduleInput,
  validatePrewarmScheduleInput,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { nextSlot, scheduleTimesError } from './cronSlots';
import { PrewarmContext } from './prewarmContext';
import { PrewarmExecutorRegistry } from './PrewarmExecutorRegistry';
import { PrewarmRunRecord, PrewarmScheduleRecord } from './PrewarmStore';

/** Pre-warm schedules: create, edit, pause, delete, and read them as the API shows them. */
export class PrewarmSchedules {
  constructor(
    private readonly context: PrewarmContext,
    private readonly executors: PrewarmExecutorRegistry,
  ) {}

  async list(): Promise<PrewarmSchedule[]> {
    const schedules = await this.readAll();
    const lastRuns = await this.context.runStore.getLastRuns({
      scheduleIds: schedules.map(s => s.id),
    });
    return schedules.map(s => this.toSchedule(s, lastRuns.get(s.id)));
  }

  async get(id: string): Promise<PrewarmSchedule> {
    const schedule = await this.require(id);
    const lastRuns = await this.context.runStore.getLastRuns({
      scheduleIds: [id],
    });
    return this.toSchedule(schedule, lastRuns.get(id));
  }

  async create(input: unknown, createdBy: string): Promise<PrewarmSchedule> {
    const value = this.validateInput(input);
    const id = randomUUID();
    await this.context.scheduleStore.createSchedule({
      id,
      input: value,
      createdBy,
      now: this.context.now(),
    });
    return this.get(id);
  }

  async update(id: string, input: unknown): Promise<PrewarmSchedule> {
    const value = this.validateInput(input);
    const existing = await this.require(id);
    await this.context.scheduleStore.updateSchedule({
      id,
      input: value,
      now: this.context.now(),
      resetDispatchFrom:
        existing.cron !== value.cron || existing.timeZone !== value.timeZone,
    });
    return this.get(id);
  }

  async setPaused(id: string, paused: boolean): Promise<PrewarmSchedule> {
    if (!paused) requireRunnable(await this.require(id), 'resume');
    const updated = await this.context.scheduleStore.setPaused({
      id,
      paused,
      now: this.context.now(),
    });
    if (!updated) throw scheduleNotFound(id);
    return this.get(id);
  }

  /** Deletes a schedule; its runs stay in the history. */
  async delete(id: string): Promise<void> {
    if (!(await this.context.scheduleStore.deleteSchedule({ id }))) {
      throw scheduleNotFound(id);
    }
  }

  async require(id: string): Promise<PrewarmScheduleRecord> {
    const schedule = await this.context.scheduleStore.getSchedule({ id });
    if (!schedule) throw scheduleNotFound(id);
    return this.pauseIfUnrunnable(schedule);
  }

  /** The stored schedules, those that cannot run paused first. */
  async readAll(): Promise<PrewarmScheduleRecord[]> {
    const schedules = await this.context.scheduleStore.listSchedules();
    return Promise.all(schedules.map(s => this.pauseIfUnrunnable(s)));
  }

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
    this.executors.require(value.executorId);
    const timesError = scheduleTimesError(
      value.cron,
      value.timeZone,
      this.context.now(),
    );
    if (timesError) {
      throw new InputError(`Invalid pre-warm schedule: ${timesError}`);
    }
    return value;
  }

  /**
   * Pauses a schedule that cannot run (see `readStoredSchedule`) in the database, so that
   * no replica's dispatcher tries it again; the call that pauses it logs why, once.
   */
  private async pauseIfUnrunnable(
    schedule: PrewarmScheduleRecord,
  ): Promise<PrewarmScheduleRecord> {
    if (!schedule.problem || schedule.paused) return schedule;
    const now = this.context.now();
    if (await this.context.scheduleStore.pauseIfActive({ id: schedule.id, now })) {
      this.context.logger.warn(
        `Paused pre-warm schedule '${schedule.name}' (${schedule.id}), which cannot run: ${schedule.problem}. Edit it to fix it.`,
      );
    }
    return { ...schedule, paused: true };
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
              this.context.now(),
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
}

/** The schedule, unless it cannot run (a stored row of an older version, or edited). */
export function requireRunnable(
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
