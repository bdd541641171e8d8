import {
  PrewarmJob,
  PrewarmJobState,
  PrewarmRun,
  PrewarmRunState,
  PrewarmScheduleInput,
  WarmGroup,
} from '@rust-build-cache/plugin-rust-build-cache-common';

/** A stored schedule: the input plus bookkeeping. */
export interface PrewarmScheduleRecord extends PrewarmScheduleInput {
  id: string;
  paused: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  /** Cron slots at or before this instant are never dispatched. */
  dispatchFrom: Date;
  /**
   * Why the stored row cannot run (see `readStoredSchedule`), null when it can. With a
   * problem, the input fields are what was stored, and `scope` may be a placeholder.
   */
  problem: string | null;
}

/** A stored run with what the API does not show. */
export interface PrewarmRunRecord extends PrewarmRun {
  concurrency: number;
  timeLimitMinutes: number;
  cancelRequested: boolean;
  claimedBy: string | null;
  heartbeatAt: string | null;
}

export interface NewPrewarmRun {
  id: string;
  schedule: PrewarmScheduleRecord;
  trigger: PrewarmRun['trigger'];
  triggeredBy: string | null;
  scheduledFor: Date | null;
  queuedAt: Date;
  claimedBy: string;
}

export interface NewPrewarmJob {
  id: string;
  runId: string;
  position: number;
  group: WarmGroup;
  state: Extract<PrewarmJobState, 'queued' | 'skipped-as-duplicate'>;
  queuedAt: Date;
  /** Set for jobs that end as soon as they are created (skipped-as-duplicate). */
  finishedAt: Date | null;
  error: string | null;
}

export interface PrewarmJobPatch {
  state?: PrewarmJobState;
  startedAt?: Date;
  finishedAt?: Date;
  externalId?: string;
  externalUrl?: string | null;
  cacheWrites?: number | null;
  reportId?: string | null;
  logTail?: string;
  error?: string | null;
  heartbeatAt?: Date;
  claimedBy?: string;
}

export interface PrewarmRunPatch {
  state?: PrewarmRunState;
  startedAt?: Date;
  finishedAt?: Date | null;
  heartbeatAt?: Date;
}

/** The latest succeeded warm job of a group. */
export interface SucceededWarmJob {
  job: PrewarmJob;
  finishedAt: Date;
}

/** Persistence of pre-warm schedules. */
export interface PrewarmScheduleStore {
  createSchedule(options: {
    id: string;
    input: PrewarmScheduleInput;
    createdBy: string;
    now: Date;
  }): Promise<PrewarmScheduleRecord>;
  getSchedule(options: {
    id: string;
  }): Promise<PrewarmScheduleRecord | undefined>;
  listSchedules(): Promise<PrewarmScheduleRecord[]>;
  /** `resetDispatchFrom`: the cron or time zone changed, so past slots no longer apply. */
  updateSchedule(options: {
    id: string;
    input: PrewarmScheduleInput;
    now: Date;
    resetDispatchFrom: boolean;
  }): Promise<PrewarmScheduleRecord | undefined>;
  /** Resuming also moves `dispatchFrom` to now: slots missed while paused are not run. */
  setPaused(options: {
    id: string;
    paused: boolean;
    now: Date;
  }): Promise<PrewarmScheduleRecord | undefined>;
  /**
   * Pauses a schedule that is active, without moving `dispatchFrom`. True only for the
   * call that paused it (of several replicas, one).
   */
  pauseIfActive(options: { id: string; now: Date }): Promise<boolean>;
  /** Deletes the schedule; its runs stay. False when it did not exist. */
  deleteSchedule(options: { id: string }): Promise<boolean>;
}

/** Persistence of pre-warm runs and their jobs. */
export interface PrewarmRunStore {
  /**
   * Inserts a run. A scheduled run whose (schedule, slot) is already stored is not
   * inserted: `created` is false, and the caller lost the race for that slot.
   */
  insertRun(run: NewPrewarmRun): Promise<{ created: boolean }>;
  /** The newest cron slot a run was dispatched for. */
  getLastScheduledSlot(options: {
    scheduleId: string;
  }): Promise<Date | undefined>;
  insertJobs(jobs: NewPrewarmJob[]): Promise<void>;
  getRun(options: { id: string }): Promise<PrewarmRunRecord | undefined>;
  /** Newest first, each with its jobs. */
  listRuns(options: {
    scheduleId?: string;
    state?: PrewarmRunState;
    limit: number;
    offset: number;
  }): Promise<{ items: PrewarmRunRecord[]; total: number }>;
  /** The newest run of each schedule. */
  getLastRuns(options: {
    scheduleIds: string[];
  }): Promise<Map<string, PrewarmRunRecord>>;
  /** Whether the job is queued or running; false for an unknown id. */
  isJobUnfinished(options: { jobId: string }): Promise<boolean>;
  /** Group ids with a queued or running job in a run other than `exceptRunId`. */
  getActiveGroupIds(options: { exceptRunId: string }): Promise<Set<string>>;
  /**
   * Updates a job; with `fromStates`, only while it is in one of them. True when it
   * updated.
   */
  updateJob(
    id: string,
    patch: PrewarmJobPatch,
    options?: { fromStates?: PrewarmJobState[] },
  ): Promise<boolean>;
  updateRun(
    id: string,
    patch: PrewarmRunPatch,
    options?: { fromStates?: PrewarmRunState[] },
  ): Promise<boolean>;
  /** Marks the run for cancellation and cancels its queued jobs. */
  requestCancel(options: { runId: string; now: Date }): Promise<void>;
  /** Heartbeat of a run and of its running jobs. */
  heartbeat(options: { runId: string; now: Date }): Promise<void>;
  /**
   * Closes queued or running runs whose heartbeat (or, without one, queue time) is older
   * than `staleBefore`, and their unfinished jobs, as failed with `error`. Conditional on
   * the stale heartbeat, so a live replica's runs are never touched.
   */
  closeStaleRuns(options: {
    staleBefore: Date;
    now: Date;
    error: string;
  }): Promise<{ runs: string[] }>;

  /** The latest succeeded job per group, of jobs finished since `since`. */
  getLatestSucceededJobs(options: { since: Date }): Promise<SucceededWarmJob[]>;
}
