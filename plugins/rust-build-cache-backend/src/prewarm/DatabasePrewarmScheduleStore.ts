import { PrewarmScheduleInput } from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import { PrewarmScheduleRecord, PrewarmScheduleStore } from './PrewarmStore';
import { ScheduleRow, inputColumns, toSchedule } from './prewarmRows';

/** Pre-warm schedules (table `prewarm_schedules`). */
export class DatabasePrewarmScheduleStore implements PrewarmScheduleStore {
  /** On a database the plugin's migrations were applied to (`migrateDatabase`). */
  static async create(db: Knex): Promise<DatabasePrewarmScheduleStore> {
    return new DatabasePrewarmScheduleStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async createSchedule(options: {
    id: string;
    input: PrewarmScheduleInput;
    createdBy: string;
    now: Date;
  }): Promise<PrewarmScheduleRecord> {
    const { id, input, createdBy, now } = options;
    await this.db<ScheduleRow>('prewarm_schedules').insert({
      id,
      ...inputColumns(input),
      paused: false,
      created_by: createdBy,
      created_at: now,
      updated_at: now,
      dispatch_from: now,
    });
    return (await this.getSchedule({ id }))!;
  }

  async getSchedule(options: {
    id: string;
  }): Promise<PrewarmScheduleRecord | undefined> {
    const row = await this.db<ScheduleRow>('prewarm_schedules')
      .where('id', options.id)
      .first();
    return row ? toSchedule(row) : undefined;
  }

  async listSchedules(): Promise<PrewarmScheduleRecord[]> {
    const rows = await this.db<ScheduleRow>('prewarm_schedules').orderBy([
      { column: 'name', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
    return rows.map(toSchedule);
  }

  async updateSchedule(options: {
    id: string;
    input: PrewarmScheduleInput;
    now: Date;
    resetDispatchFrom: boolean;
  }): Promise<PrewarmScheduleRecord | undefined> {
    const { id, input, now, resetDispatchFrom } = options;
    const updated = await this.db<ScheduleRow>('prewarm_schedules')
      .where('id', id)
      .update({
        ...inputColumns(input),
        updated_at: now,
        ...(resetDispatchFrom ? { dispatch_from: now } : {}),
      });
    return updated ? this.getSchedule({ id }) : undefined;
  }

  async setPaused(options: {
    id: string;
    paused: boolean;
    now: Date;
  }): Promise<PrewarmScheduleRecord | undefined> {
    const { id, paused, now } = options;
    const updated = await this.db<ScheduleRow>('prewarm_schedules')
      .where('id', id)
      .update({
        paused,
        updated_at: now,
        ...(paused ? {} : { dispatch_from: now }),
      });
    return updated ? this.getSchedule({ id }) : undefined;
  }

  async pauseIfActive(options: { id: string; now: Date }): Promise<boolean> {
    const updated = await this.db<ScheduleRow>('prewarm_schedules')
      .where({ id: options.id, paused: false })
      .update({ paused: true, updated_at: options.now });
    return updated > 0;
  }

  async deleteSchedule(options: { id: string }): Promise<boolean> {
    const deleted = await this.db('prewarm_schedules')
      .where('id', options.id)
      .delete();
    return deleted > 0;
  }
}
