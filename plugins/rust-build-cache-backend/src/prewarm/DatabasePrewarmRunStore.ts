import {
  PrewarmJob,
  PrewarmJobState,
  PrewarmRunState,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import { DbTimestamp, toDate } from '../lib/dbValues';
import {
  NewPrewarmJob,
  NewPrewarmRun,
  PrewarmJobPatch,
  PrewarmRunPatch,
  PrewarmRunRecord,
  PrewarmRunStore,
  SucceededWarmJob,
} from './PrewarmStore';
import {
  RunRow,
  JobRow,
  UNFINISHED_RUN_STATES,
  UNFINISHED_JOB_STATES,
  jobPatchColumns,
  toRun,
  toJob,
} from './prewarmRows';

/**
 * Pre-warm runs and their jobs (tables `prewarm_runs`, `prewarm_jobs`): claiming, state
 * changes, heartbeats and closing the runs of stopped backends.
 */
export class DatabasePrewarmRunStore implements PrewarmRunStore {
  /** On a database the plugin's migrations were applied to (`migrateDatabase`). */
  static async create(db: Knex): Promise<DatabasePrewarmRunStore> {
    return new DatabasePrewarmRunStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async insertRun(run: NewPrewarmRun): Promise<{ created: boolean }> {
    const { schedule } = run;
    const row: RunRow = {
      id: run.id,
      schedule_id: schedule.id,
      schedule_name: schedule.name,
      trigger: run.trigger,
      triggered_by: run.triggeredBy,
      executor_id: schedule.executorId,
      concurrency: schedule.concurrency,
      time_limit_minutes: schedule.timeLimitMinutes,
      state: 'queued',
      scheduled_for: run.scheduledFor,
      queued_at: run.queuedAt,
      started_at: null,
      finished_at: null,
      cancel_requested: false,
      claimed_by: run.claimedBy,
      heartbeat_at: run.queuedAt,
    };
    // The unique (schedule_id, scheduled_for) index decides between replicas: the loser's
    // insert waits for the winner's and then does nothing.
    const inserted = await this.db<RunRow>('prewarm_runs')
      .insert(row)
      .onConflict(['schedule_id', 'scheduled_for'])
      .ignore()
      .returning('id');
    return { created: inserted.length > 0 };
  }

  async getLastScheduledSlot(options: {
    scheduleId: string;
  }): Promise<Date | undefined> {
    const row = await this.db<RunRow>('prewarm_runs')
      .where('schedule_id', options.scheduleId)
      .whereNotNull('scheduled_for')
      .max({ last: 'scheduled_for' })
      .first();
    const last = row?.last as DbTimestamp | null | undefined;
    return last === null || last === undefined ? undefined : toDate(last);
  }

  async insertJobs(jobs: NewPrewarmJob[]): Promise<void> {
    if (jobs.length === 0) return;
    const rows: JobRow[] = jobs.map(job => ({
      id: job.id,
      run_id: job.runId,
      position: job.position,
      group_id: job.group.id,
      key_json: JSON.stringify(job.group.key),
      representative_json: JSON.stringify(job.group.representative),
      entity_refs_json: JSON.stringify(job.group.entityRefs),
      expected_benefit: job.group.expectedBenefit,
      state: job.state,
      queued_at: job.queuedAt,
      started_at: null,
      finished_at: job.finishedAt,
      external_id: null,
      external_url: null,
      cache_writes: null,
      report_id: null,
      log_tail: '',
      error: job.error,
      heartbeat_at: null,
      claimed_by: null,
    }));
    for (let i = 0; i < rows.length; i += 200) {
      await this.db<JobRow>('prewarm_jobs').insert(rows.slice(i, i + 200));
    }
  }

  async getRun(options: { id: string }): Promise<PrewarmRunRecord | undefined> {
    const row = await this.db<RunRow>('prewarm_runs')
      .where('id', options.id)
      .first();
    if (!row) return undefined;
    const [run] = await this.withJobs([row]);
    return run;
  }

  async listRuns(options: {
    scheduleId?: string;
    state?: PrewarmRunState;
    limit: number;
    offset: number;
  }): Promise<{ items: PrewarmRunRecord[]; total: number }> {
    const base = this.db<RunRow>('prewarm_runs').modify(query => {
      if (options.scheduleId) query.where('schedule_id', options.scheduleId);
      if (options.state) query.where('state', options.state);
    });
    const [rows, [{ total }]] = await Promise.all([
      base
        .clone()
        .orderBy([
          { column: 'queued_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .limit(options.limit)
        .offset(options.offset),
      base.clone().count({ total: '*' }),
    ]);
    return {
      items: await this.withJobs(rows as RunRow[]),
      total: Number(total),
    };
  }

  async getLastRuns(options: {
    scheduleIds: string[];
  }): Promise<Map<string, PrewarmRunRecord>> {
    const result = new Map<string, PrewarmRunRecord>();
    if (options.scheduleIds.length === 0) return result;
    const newest = this.db<RunRow>('prewarm_runs')
      .select('schedule_id')
      .max({ newest: 'queued_at' })
      .whereIn('schedule_id', options.scheduleIds)
      .groupBy('schedule_id')
      .as('newest');
    const rows: RunRow[] = await this.db<RunRow>('prewarm_runs')
      .select('prewarm_runs.*')
      .join(newest, join =>
        join
          .on('prewarm_runs.schedule_id', '=', 'newest.schedule_id')
          .andOn('prewarm_runs.queued_at', '=', 'newest.newest'),
      )
      .orderBy('prewarm_runs.id', 'desc');
    for (const run of await this.withJobs(rows, { jobs: false })) {
      if (!result.has(run.scheduleId)) result.set(run.scheduleId, run);
    }
    return result;
  }

  async isJobUnfinished(options: { jobId: string }): Promise<boolean> {
    const row = await this.db<JobRow>('prewarm_jobs')
      .where('id', options.jobId)
      .whereIn('state', UNFINISHED_JOB_STATES)
      .first('id');
    return row !== undefined;
  }

  async getActiveGroupIds(options: {
    exceptRunId: string;
  }): Promise<Set<string>> {
    const rows = await this.db<JobRow>('prewarm_jobs')
      .distinct('group_id')
      .whereIn('state', UNFINISHED_JOB_STATES)
      .whereNot('run_id', options.exceptRunId);
    return new Set(rows.map(row => row.group_id));
  }

  async updateJob(
    id: string,
    patch: PrewarmJobPatch,
    options?: { fromStates?: PrewarmJobState[] },
  ): Promise<boolean> {
    const columns = jobPatchColumns(patch);
    if (Object.keys(columns).length === 0) return true;
    const updated = await this.db<JobRow>('prewarm_jobs')
      .where('id', id)
      .modify(query => {
        if (options?.fromStates) query.whereIn('state', options.fromStates);
      })
      .update(columns);
    return updated > 0;
  }

  async updateRun(
    id: string,
    patch: PrewarmRunPatch,
    options?: { fromStates?: PrewarmRunState[] },
  ): Promise<boolean> {
    const columns: Partial<RunRow> = {};
    if (patch.state !== undefined) columns.state = patch.state;
    if (patch.startedAt !== undefined) columns.started_at = patch.startedAt;
    if (patch.finishedAt !== undefined) columns.finished_at = patch.finishedAt;
    if (patch.heartbeatAt !== undefined)
      columns.heartbeat_at = patch.heartbeatAt;
    const updated = await this.db<RunRow>('prewarm_runs')
      .where('id', id)
      .modify(query => {
        if (options?.fromStates) query.whereIn('state', options.fromStates);
      })
      .update(columns);
    return updated > 0;
  }

  async requestCancel(options: { runId: string; now: Date }): Promise<void> {
    await this.db.transaction(async tx => {
      await tx<RunRow>('prewarm_runs')
        .where('id', options.runId)
        .update({ cancel_requested: true });
      await tx<JobRow>('prewarm_jobs')
        .where({ run_id: options.runId, state: 'queued' })
        .update({ state: 'cancelled', finished_at: options.now });
    });
  }

  async heartbeat(options: { runId: string; now: Date }): Promise<void> {
    await this.db<RunRow>('prewarm_runs')
      .where('id', options.runId)
      .update({ heartbeat_at: options.now });
    await this.db<JobRow>('prewarm_jobs')
      .where({ run_id: options.runId, state: 'running' })
      .update({ heartbeat_at: options.now });
  }

  async closeStaleRuns(options: {
    staleBefore: Date;
    now: Date;
    error: string;
  }): Promise<{ runs: string[] }> {
    const { staleBefore, now, error } = options;
    const stale = (query: Knex.QueryBuilder) =>
      query
        .whereIn('state', UNFINISHED_RUN_STATES)
        .andWhere(inner =>
          inner
            .where('heartbeat_at', '<', staleBefore)
            .orWhere(noBeat =>
              noBeat
                .whereNull('heartbeat_at')
                .andWhere('queued_at', '<', staleBefore),
            ),
        );
    const candidates: Array<Pick<RunRow, 'id'>> = await stale(
      this.db('prewarm_runs').select('id'),
    );
    const closed: string[] = [];
    for (const { id } of candidates) {
      await this.db.transaction(async tx => {
        // Re-checked per run: a replica that beat in the meantime keeps its run.
        const updated = await stale(tx('prewarm_runs').where('id', id)).update({
          state: 'failed',
          finished_at: now,
        });
        if (!updated) return;
        await tx<JobRow>('prewarm_jobs')
          .where('run_id', id)
          .whereIn('state', UNFINISHED_JOB_STATES)
          .update({ state: 'failed', finished_at: now, error });
        closed.push(id);
      });
    }
    return { runs: closed };
  }

  private async withJobs(
    rows: RunRow[],
    options: { jobs: boolean } = { jobs: true },
  ): Promise<PrewarmRunRecord[]> {
    const jobsByRun = new Map<string, PrewarmJob[]>();
    if (options.jobs && rows.length > 0) {
      const jobRows: JobRow[] = await this.db<JobRow>('prewarm_jobs')
        .whereIn(
          'run_id',
          rows.map(row => row.id),
        )
        .orderBy([
          { column: 'run_id', order: 'asc' },
          { column: 'position', order: 'asc' },
        ]);
      for (const jobRow of jobRows) {
        const list = jobsByRun.get(jobRow.run_id) ?? [];
        list.push(toJob(jobRow));
        jobsByRun.set(jobRow.run_id, list);
      }
    }
    return rows.map(row => toRun(row, jobsByRun.get(row.id) ?? []));
  }

  async getLatestSucceededJobs(options: {
    since: Date;
  }): Promise<SucceededWarmJob[]> {
    const rows: JobRow[] = await this.db<JobRow>('prewarm_jobs')
      .where('state', 'succeeded')
      .andWhere('finished_at', '>=', options.since)
      .orderBy([
        { column: 'finished_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    const byGroup = new Map<string, SucceededWarmJob>();
    for (const row of rows) {
      if (!byGroup.has(row.group_id)) {
        byGroup.set(row.group_id, {
          job: toJob(row),
          finishedAt: toDate(row.finished_at!),
        });
      }
    }
    return [...byGroup.values()];
  }
}
