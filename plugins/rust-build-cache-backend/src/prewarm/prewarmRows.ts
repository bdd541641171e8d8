import {
  PrewarmJob,
  PrewarmJobState,
  PrewarmRunState,
  PrewarmScheduleInput,
  WarmGroup,
  WarmGroupKey,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { DbTimestamp, toDate } from '../lib/dbValues';
import { readStoredSchedule } from './storedSchedule';
import {
  PrewarmJobPatch,
  PrewarmRunRecord,
  PrewarmScheduleRecord,
} from './PrewarmStore';

/** Rows of the pre-warm tables and their mapping to records. */
export interface ScheduleRow {
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

export interface RunRow {
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

export interface JobRow {
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

export const UNFINISHED_RUN_STATES: PrewarmRunState[] = ['queued', 'running'];
export const UNFINISHED_JOB_STATES: PrewarmJobState[] = ['queued', 'running'];

export function inputColumns(input: PrewarmScheduleInput) {
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

export function jobPatchColumns(patch: PrewarmJobPatch): Partial<JobRow> {
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

export function toSchedule(row: ScheduleRow): PrewarmScheduleRecord {
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

export function toRun(row: RunRow, jobs: PrewarmJob[]): PrewarmRunRecord {
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

export function toJob(row: JobRow): PrewarmJob {
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

export function toIso(value: DbTimestamp | null): string | null {
  return value === null || value === undefined
    ? null
    : toDate(value).toISOString();
}
