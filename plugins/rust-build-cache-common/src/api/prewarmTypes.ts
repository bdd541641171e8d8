/**
 * HTTP API of nightly pre-warming (all under `/api/rust-build-cache/prewarm`). Reads need
 * `rustBuildCacheReadPermission`; every change needs `rustBuildCachePrewarmManagePermission`.
 *
 * - `GET /prewarm/executors` → `{ items: PrewarmExecutorInfo[] }`
 * - `GET /prewarm/schedules` → `{ items: PrewarmSchedule[] }`
 * - `POST /prewarm/schedules` with {@link PrewarmScheduleInput} → 201 {@link PrewarmSchedule}
 * - `GET /prewarm/schedules/:id` → {@link PrewarmSchedule}
 * - `PUT /prewarm/schedules/:id` with {@link PrewarmScheduleInput} → {@link PrewarmSchedule}
 * - `POST /prewarm/schedules/:id/pause` | `/resume` → {@link PrewarmSchedule}
 * - `DELETE /prewarm/schedules/:id` → 204 (its run history stays)
 * - `POST /prewarm/schedules/:id/run` ("run now") → 202 {@link PrewarmRun}
 * - `GET /prewarm/plan?scheduleId=` or `?owners=&tags=&entityRefs=` → {@link WarmPlan}
 * - `GET /prewarm/runs?scheduleId&state&limit&offset` → {@link PrewarmRunPage}
 * - `GET /prewarm/runs/:id` → {@link PrewarmRun} with its jobs
 * - `POST /prewarm/runs/:id/cancel` → {@link PrewarmRun}
 * - `GET /prewarm/effect?days=30` → `{ items: WarmGroupEffect[] }`
 */

/** Which entities a schedule warms; empty lists mean "no filter on this". @public */
export interface PrewarmScope {
  /** Owner entity refs, e.g. `group:default/payments`. */
  owners: string[];
  tags: string[];
  /** Explicit entity refs, e.g. `component:default/billing-api`. */
  entityRefs: string[];
}

/** What a user sends to create or edit a schedule (validated by `prewarmScheduleInputSchema`). @public */
export interface PrewarmScheduleInput {
  name: string;
  /** Five-field cron expression, e.g. `0 3 * * 1-5`. */
  cron: string;
  /** IANA time zone, e.g. `Europe/Berlin`. */
  timeZone: string;
  scope: PrewarmScope;
  /** Id of a registered executor, e.g. `local` or `github-actions`. */
  executorId: string;
  /** Warm jobs of one run that may execute at the same time. */
  concurrency: number;
  /** Each warm job is stopped (timed-out) after this many minutes. */
  timeLimitMinutes: number;
}

/** @public */
export interface PrewarmSchedule extends PrewarmScheduleInput {
  id: string;
  paused: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** Null while paused, and for a schedule with a `problem`. */
  nextRunAt: string | null;
  /**
   * Why the stored schedule cannot run, e.g. `cron: never fires: February has no day 31`
   * or `scope: the stored scope is not valid JSON` (rows of an older version, or edited in
   * the database); null when it can. Such a schedule is paused and cannot be resumed or run
   * until it is edited.
   */
  problem: string | null;
  lastRun: Pick<PrewarmRun, 'id' | 'state' | 'startedAt' | 'finishedAt'> | null;
}

/** @public */
export interface PrewarmExecutorInfo {
  id: string;
  title: string;
  description: string;
}

/**
 * Everything sccache's cache keys depend on that a warm build must reproduce. Entities with
 * equal keys share one warm job.
 * @public
 */
export interface WarmGroupKey {
  /** rustc release, e.g. `1.95.0`. */
  rustc: string;
  /** Target triple. */
  target: string;
  /** Cargo profile, e.g. `dev` or `release`. */
  profile: string;
  /** sha256 of RUSTFLAGS, null when unset. */
  rustflagsSha256: string | null;
  /** Sorted `CARGO_*` variable names the builds set. */
  cargoVarNames: string[];
  /**
   * sha256 of the value of each of those variables that sccache hashes into Rust keys, by
   * name (the values must match, not just the names). Absent when the report has no value
   * hashes (CLIs before `keyInputs`).
   */
  cargoVarValueSha256?: Record<string, string>;
  /**
   * sha256 of the cargo home path (registry crates are compiled under it, so their keys
   * depend on it); null when the report does not know it, absent for older reports.
   */
  cargoHomeSha256?: string | null;
  /** sccache backend and location (credentials stripped), e.g. `local` + `/var/cache/sccache`. */
  cacheBackend: string | null;
  cacheLocation: string | null;
  /** Cargo.lock fingerprint. */
  dependencyFingerprint: string;
}

/** @public */
export interface WarmGroup {
  /** sha256 of the key, stable across plans. */
  id: string;
  key: WarmGroupKey;
  /** The repository and commit the warm job builds. */
  representative: {
    entityRef: string;
    repository: string;
    workspacePath: string;
    commit: string | null;
  };
  /** The entities whose CI builds this job warms, the representative first. */
  entityRefs: string[];
  /** misses × compile seconds × entities served, from the latest CI reports. */
  expectedBenefit: number;
}

/** @public */
export interface WarmPlan {
  /** Ordered by expected benefit, highest first. */
  groups: WarmGroup[];
  /** Entities in scope that another entity's job already covers. */
  deduplicated: number;
  /** Entities in scope that cannot be planned, each with the reason (no CI report, no Cargo.lock…). */
  skipped: { entityRef: string; reason: string }[];
}

/** @public */
export const PREWARM_JOB_STATES = [
  'queued',
  'running',
  'succeeded',
  'failed',
  'timed-out',
  'cancelled',
  'skipped-as-duplicate',
] as const;

/** @public */
export type PrewarmJobState = (typeof PREWARM_JOB_STATES)[number];

/** @public */
export interface PrewarmJob {
  id: string;
  runId: string;
  groupId: string;
  key: WarmGroupKey;
  representative: WarmGroup['representative'];
  entityRefs: string[];
  state: PrewarmJobState;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Link to the executor's own run (e.g. the GitHub Actions run), when it has one. */
  externalUrl: string | null;
  /** sccache cache writes of the warm build, null while unknown. */
  cacheWrites: number | null;
  /** The stored `kind: prewarm` report of the warm build. */
  reportId: string | null;
  /** The last lines of the build's log. */
  logTail: string;
  error: string | null;
}

/** @public */
export const PREWARM_RUN_STATES = [
  'queued',
  'running',
  'succeeded',
  'failed',
  'cancelled',
] as const;

/** @public */
export type PrewarmRunState = (typeof PREWARM_RUN_STATES)[number];

/** One dispatch of a schedule, by the scheduler or by "run now". @public */
export interface PrewarmRun {
  id: string;
  scheduleId: string;
  scheduleName: string;
  trigger: 'schedule' | 'manual';
  /** The user who pressed "run now", null for scheduled runs. */
  triggeredBy: string | null;
  executorId: string;
  state: PrewarmRunState;
  /** For scheduled runs, the cron slot this run is for. */
  scheduledFor: string | null;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  jobs: PrewarmJob[];
}

/** @public */
export interface PrewarmRunPage {
  items: PrewarmRun[];
  total: number;
}

/** The consumer CI runs of one side of the comparison. @public */
export interface ConsumerRunStats {
  runs: number;
  hitRate: number | null;
  effectiveHitRate: number | null;
  /** Mean build (compile) seconds; null when the reports carry no timings. */
  meanBuildSeconds: number | null;
}

/**
 * Did pre-warming pay? The group's consumer CI runs after its latest successful warm job
 * against those before it.
 * @public
 */
export interface WarmGroupEffect {
  groupId: string;
  key: WarmGroupKey;
  entityRefs: string[];
  lastWarmJob: Pick<
    PrewarmJob,
    'id' | 'finishedAt' | 'cacheWrites' | 'reportId'
  > | null;
  before: ConsumerRunStats;
  after: ConsumerRunStats;
  /**
   * Set when consumers still miss after a warm job: their cache keys do not match the warm
   * build's. `compare` names the two runs to diff with `GET /runs/compare`.
   */
  keyMismatch: {
    message: string;
    compare: { base: string; head: string } | null;
  } | null;
}
