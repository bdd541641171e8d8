import {
  BuildCacheReport,
  PrewarmJob,
  PrewarmJobState,
  PrewarmRunState,
  PrewarmScheduleInput,
  computeRunMetrics,
  WarmGroup,
  WarmGroupKey,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import { DbTimestamp, toDate } from '../database/dbValues';
import { ReportSourceKey } from '../database/RustBuildCacheStore';
import { readStoredSchedule } from './storedSchedule';
import {
  ConsumerRun,
  NewPrewarmJob,
  NewPrewarmRun,
  PrewarmJobPatch,
  PrewarmRunPatch,
  PrewarmRunRecord,
  PrewarmScheduleRecord,
  PrewarmStore,
  SucceededWarmJob,
} from './PrewarmStore';

interface ScheduleRow {
  id: string;
  name: string;
  cron: string;
  time_zone: string;
  scope_json: string;
  executor_id: string;
  concurrency: number;
  time_limit_minutes: number;
  paused: boolean | number;
  created_by: string;
  created_at: DbTimestamp;
  updated_at: DbTimestamp;
  dispatch_from: DbTimestamp;
}

interface RunRow {
  id: string;
  schedule_id: string;
  schedule_name: string;
  trigger: 'schedule' | 'manual';
  triggered_by: string | null;
  executor_id: string;
  concurrency: number;
  time_limit_minutes: number;
  state: PrewarmRunState;
  scheduled_for: DbTimestamp | null;
  queued_at: DbTimestamp;
  started_at: DbTimestamp | null;
  finished_at: DbTimestamp | null;
  cancel_requested: boolean | number;
  claimed_by: string | null;
  heartbeat_at: DbTimestamp | null;
}

interface JobRow {
  id: string;
  run_id: string;
  position: number;
  group_id: string;
  key_json: string;
  representative_json: string;
  entity_refs_json: string;
  expected_benefit: number;
  state: PrewarmJobState;
  queued_at: DbTimestamp;
  started_at: DbTimestamp | null;
  finished_at: DbTimestamp | null;
  external_id: string | null;
  external_url: string | null;
  cache_writes: number | null;
  report_id: string | null;
  log_tail: string;
  error: string | null;
  heartbeat_at: DbTimestamp | null;
  claimed_by: string | null;
}

const UNFINISHED_RUN_STATES: PrewarmRunState[] = ['queued', 'running'];
const UNFINISHED_JOB_STATES: PrewarmJobState[] = ['queued', 'running'];

/** {@link PrewarmStore} on the plugin's database (migrated by the plugin's main store). */
export class DatabasePrewarmStore implements PrewarmStore {
  constructor(private readonly db: Knex) {}

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

  async findPrewarmReport(options: {
    source: ReportSourceKey;
    ciRunId: string;
  }): Promise<{ id: string; cacheWrites: number | null } | undefined> {
    const row = await this.db('reports')
      .select('id', 'report_json')
      .where({
        repository: options.source.repository,
        workspace_path: options.source.workspacePath,
        kind: 'prewarm',
        run_id: options.ciRunId,
      })
      .orderBy([
        { column: 'run_attempt', order: 'desc' },
        { column: 'finished_at', order: 'desc' },
      ])
      .first();
    if (!row) return undefined;
    const report = JSON.parse(row.report_json) as BuildCacheReport;
    return {
      id: row.id,
      cacheWrites: report.sccache?.counters.cacheWrites ?? null,
    };
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

  async listConsumerRuns(options: {
    sources: ReportSourceKey[];
    from: Date;
    to: Date;
  }): Promise<ConsumerRun[]> {
    if (options.sources.length === 0) return [];
    const rows = await this.db('reports')
      .select('id', 'finished_at', 'report_json')
      .where('kind', 'ci')
      .andWhere('finished_at', '>=', options.from)
      .andWhere('finished_at', '<', options.to)
      .andWhere(query => {
        for (const source of options.sources) {
          query.orWhere({
            repository: source.repository,
            workspace_path: source.workspacePath,
          });
        }
      })
      .orderBy([
        { column: 'finished_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(row => {
      const report = JSON.parse(row.report_json) as BuildCacheReport;
      return {
        id: row.id,
        finishedAt: toDate(row.finished_at),
        // From the report, as everywhere in the API, not the metrics stored at ingestion.
        metrics: report.sccache ? computeRunMetrics(report.sccache) : null,
        buildSeconds: report.timings?.totalSeconds ?? null,
      };
    });
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
}

function inputColumns(input: PrewarmScheduleInput) {
  return {
    name: input.name,
    cron: input.cron,
    time_zone: input.timeZone,
    scope_json: JSON.stringify(input.scope),
    executor_id: input.executorId,
    concurrency: input.concurrency,
    time_limit_minutes: input.timeLimitMinutes,
  };
}

function jobPatchColumns(patch: PrewarmJobPatch): Partial<JobRow> {
  const columns: Partial<JobRow> = {};
  if (patch.state !== undefined) columns.state = patch.state;
  if (patch.startedAt !== undefined) columns.started_at = patch.startedAt;
  if (patch.finishedAt !== undefined) columns.finished_at = patch.finishedAt;
  if (patch.externalId !== undefined) columns.external_id = patch.externalId;
  if (patch.externalUrl !== undefined) columns.external_url = patch.externalUrl;
  if (patch.cacheWrites !== undefined) columns.cache_writes = patch.cacheWrites;
  if (patch.reportId !== undefined) columns.report_id = patch.reportId;
  if (patch.logTail !== undefined) columns.log_tail = patch.logTail;
  if (patch.error !== undefined) columns.error = patch.error;
  if (patch.heartbeatAt !== undefined) columns.heartbeat_at = patch.heartbeatAt;
  if (patch.claimedBy !== undefined) columns.claimed_by = patch.claimedBy;
  return columns;
}

function toSchedule(row: ScheduleRow): PrewarmScheduleRecord {
  const { input, problem } = readStoredSchedule(
    {
      name: row.name,
      cron: row.cron,
      timeZone: row.time_zone,
      scopeJson: row.scope_json,
      executorId: row.executor_id,
      concurrency: Number(row.concurrency),
      timeLimitMinutes: Number(row.time_limit_minutes),
    },
    new Date(),
  );
  return {
    id: row.id,
    ...input,
    paused: Boolean(row.paused),
    createdBy: row.created_by,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
    dispatchFrom: toDate(row.dispatch_from),
    problem,
  };
}

function toRun(row: RunRow, jobs: PrewarmJob[]): PrewarmRunRecord {
  return {
    id: row.id,
    scheduleId: row.schedule_id,
    scheduleName: row.schedule_name,
    trigger: row.trigger,
    triggeredBy: row.triggered_by,
    executorId: row.executor_id,
    state: row.state,
    scheduledFor: toIso(row.scheduled_for),
    queuedAt: toIso(row.queued_at)!,
    startedAt: toIso(row.started_at),
    finishedAt: toIso(row.finished_at),
    jobs,
    concurrency: Number(row.concurrency),
    timeLimitMinutes: Number(row.time_limit_minutes),
    cancelRequested: Boolean(row.cancel_requested),
    claimedBy: row.claimed_by,
    heartbeatAt: toIso(row.heartbeat_at),
  };
}

function toJob(row: JobRow): PrewarmJob {
  return {
    id: row.id,
    runId: row.run_id,
    groupId: row.group_id,
    key: JSON.parse(row.key_json) as WarmGroupKey,
    representative: JSON.parse(
      row.representative_json,
    ) as WarmGroup['representative'],
    entityRefs: JSON.parse(row.entity_refs_json) as string[],
    state: row.state,
    queuedAt: toIso(row.queued_at)!,
    startedAt: toIso(row.started_at),
    finishedAt: toIso(row.finished_at),
    externalUrl: row.external_url,
    cacheWrites: row.cache_writes === null ? null : Number(row.cache_writes),
    reportId: row.report_id,
    logTail: row.log_tail,
    error: row.error,
  };
}

function toIso(value: DbTimestamp | null): string | null {
  return value === null || value === undefined
    ? null
    : toDate(value).toISOString();
}
