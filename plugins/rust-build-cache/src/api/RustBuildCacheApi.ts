import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  PullStatus,
  RefreshResponse,
  RefreshSources,
  FixFilesResponse,
  RepositorySnapshot,
  RepositorySnapshotChange,
  RunComparison,
  CreateExemptionRequest,
  EntityScorecard,
  ExemptionAuditPage,
  ExemptionRecord,
  ExemptionState,
  PolicyResponse,
  PrewarmExecutorInfo,
  PrewarmRun,
  PrewarmRunPage,
  PrewarmRunState,
  PrewarmSchedule,
  PrewarmScheduleInput,
  PrewarmScope,
  ScorecardEntityPage,
  ScorecardSummary,
  ScorecardTrend,
  FleetCompileTime,
  FleetFragmentation,
  FleetTimeSaved,
  FleetToolchainDrift,
  WarmGroupEffect,
  WarmPlan,
  RuleOutcome,
  RunDetail,
  RunPage,
  TimeSeries,
  UnmatchedSource,
} from '@rust-build-cache/plugin-rust-build-cache-common';

/**
 * Reads build-cache reports from the rust-build-cache backend.
 * @public
 */
export interface RustBuildCacheApi {
  /** The newest run of an entity with its whole report, or null before its first report. */
  getLatestRun(entity: CompoundEntityRef): Promise<RunDetail | null>;
  /** Daily hit rates of an entity's CI runs over the last `days` days. */
  getTimeSeries(
    entity: CompoundEntityRef,
    options: { days: number },
  ): Promise<TimeSeries>;
  /**
   * One page of an entity's runs, newest first; with `cursor` (a page's `nextCursor`),
   * the page after that one (`offset` then skips runs after it).
   */
  getRuns(
    entity: CompoundEntityRef,
    options: { limit: number; offset: number; cursor?: string },
  ): Promise<RunPage>;
  getRun(id: string): Promise<RunDetail>;
  /** The settings that differ between two runs, with what each does to the cache keys. */
  compareRuns(options: { base: string; head: string }): Promise<RunComparison>;
  /** Repositories and workspaces that send reports but match no catalog entity. */
  getUnmatchedSources(): Promise<UnmatchedSource[]>;
  /**
   * Pulls the entity's CI runs and repository files now instead of waiting for the
   * schedule. Needs the refresh permission; fails with 400 when no pull provider
   * supports the entity.
   */
  refreshEntity(entity: CompoundEntityRef): Promise<RefreshResponse>;
  /** What a refresh of the entity would do: pull its CI runs, read its repository, or neither. */
  getRefreshSources(entity: CompoundEntityRef): Promise<RefreshSources>;
  /**
   * The files of the entity's repository that the fix actions edit (toolchain files,
   * workflows), read from its default branch: what the fix preview runs the template on.
   */
  getFixFiles(entity: CompoundEntityRef): Promise<FixFilesResponse>;
  /** The last pull of the entity's CI runs, or null when none has run yet. */
  getPullStatus(entity: CompoundEntityRef): Promise<PullStatus | null>;
  /**
   * What the entity's repository pins, as last read from its default branch (null until
   * the first read), and the changes of the pin and of the dependency fingerprint.
   */
  getRepositorySnapshot(entity: CompoundEntityRef): Promise<{
    snapshot: RepositorySnapshot | null;
    history: RepositorySnapshotChange[];
  }>;

  // Policy scorecards
  getPolicy(): Promise<PolicyResponse>;
  getScorecardSummary(): Promise<ScorecardSummary>;
  getScorecardEntities(
    filter: ScorecardEntityFilter & { limit: number; offset: number },
  ): Promise<ScorecardEntityPage>;
  /** The CSV export of every entity matching the filter. */
  downloadScorecardCsv(filter: ScorecardEntityFilter): Promise<Blob>;
  getScorecardTrend(options: { days: number }): Promise<ScorecardTrend>;
  /** The entity's stored evaluation, or null before its first one. */
  getEntityScorecard(
    entity: CompoundEntityRef,
  ): Promise<EntityScorecard | null>;
  getExemptions(filter: {
    entityRef?: string;
    ruleId?: string;
    state?: ExemptionState | 'all';
  }): Promise<ExemptionRecord[]>;
  createExemption(request: CreateExemptionRequest): Promise<ExemptionRecord>;
  revokeExemption(
    id: string,
    options?: { reason?: string },
  ): Promise<ExemptionRecord>;
  getExemptionAudit(options: {
    entityRef?: string;
    limit: number;
    offset: number;
  }): Promise<ExemptionAuditPage>;

  // Pre-warming
  getPrewarmExecutors(): Promise<PrewarmExecutorInfo[]>;
  getPrewarmSchedules(): Promise<PrewarmSchedule[]>;
  createPrewarmSchedule(input: PrewarmScheduleInput): Promise<PrewarmSchedule>;
  updatePrewarmSchedule(
    id: string,
    input: PrewarmScheduleInput,
  ): Promise<PrewarmSchedule>;
  setPrewarmSchedulePaused(
    id: string,
    paused: boolean,
  ): Promise<PrewarmSchedule>;
  deletePrewarmSchedule(id: string): Promise<void>;
  runPrewarmScheduleNow(id: string): Promise<PrewarmRun>;
  getWarmPlan(
    options: { scheduleId: string } | { scope: PrewarmScope },
  ): Promise<WarmPlan>;
  getPrewarmRuns(filter: {
    scheduleId?: string;
    state?: PrewarmRunState;
    limit: number;
    offset: number;
  }): Promise<PrewarmRunPage>;
  getPrewarmRun(id: string): Promise<PrewarmRun>;
  cancelPrewarmRun(id: string): Promise<PrewarmRun>;
  getPrewarmEffect(options: { days: number }): Promise<WarmGroupEffect[]>;

  // Fleet insights
  getFleetCompileTime(options: {
    days: number;
    limit: number;
  }): Promise<FleetCompileTime>;
  getFleetToolchains(): Promise<FleetToolchainDrift>;
  getFleetFragmentation(options: {
    limit: number;
  }): Promise<FleetFragmentation>;
  getFleetTimeSaved(options: { weeks: number }): Promise<FleetTimeSaved>;
}

/** Filters of the scorecards' entity table; unset fields do not filter. @public */
export interface ScorecardEntityFilter {
  owner?: string;
  ruleId?: string;
  result?: RuleOutcome;
  level?: string;
}

/** @public */
export const rustBuildCacheApiRef = createApiRef<RustBuildCacheApi>({
  id: 'plugin.rust-build-cache.service',
});
