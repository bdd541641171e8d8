import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  RUST_BUILD_CACHE_PLUGIN_ID,
  type PullStatus,
  type RefreshResponse,
  type RefreshSources,
  type FixFilesResponse,
  type RepositorySnapshot,
  type RepositorySnapshotChange,
  type RunComparison,
  type RunDetail,
  type RunPage,
  type TimeSeries,
  type UnmatchedSource,
  type CreateExemptionRequest,
  type EntityScorecard,
  type ExemptionAuditPage,
  type ExemptionRecord,
  type ExemptionState,
  type PolicyResponse,
  type ScorecardEntityPage,
  type ScorecardSummary,
  type ScorecardTrend,
  type FleetCompileTime,
  type FleetFragmentation,
  type FleetTimeSaved,
  type FleetToolchainDrift,
  type PrewarmExecutorInfo,
  type PrewarmRun,
  type PrewarmRunPage,
  type PrewarmRunState,
  type PrewarmSchedule,
  type PrewarmScheduleInput,
  type PrewarmScope,
  type WarmGroupEffect,
  type WarmPlan,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import {
  definedOnly,
  entityPath,
  jsonBody,
  scorecardFilterQuery,
} from './requests';
import type {
  RustBuildCacheApi,
  ScorecardEntityFilter,
} from './RustBuildCacheApi';

/**
 * Talks to the rust-build-cache backend through the app's discovery and fetch APIs, so
 * the user's Backstage token is attached without this client touching it.
 * @public
 */
export class RustBuildCacheClient implements RustBuildCacheApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getLatestRun(entity: CompoundEntityRef): Promise<RunDetail | null> {
    const body = await this.get<{ run: RunDetail | null }>(
      `${entityPath(entity)}/latest`,
    );
    return body.run;
  }

  getTimeSeries(
    entity: CompoundEntityRef,
    options: { days: number },
  ): Promise<TimeSeries> {
    return this.get(`${entityPath(entity)}/timeseries`, {
      days: String(options.days),
    });
  }

  getRuns(
    entity: CompoundEntityRef,
    options: { limit: number; offset: number; cursor?: string },
  ): Promise<RunPage> {
    return this.get(`${entityPath(entity)}/runs`, {
      limit: String(options.limit),
      offset: String(options.offset),
      ...(options.cursor === undefined ? {} : { cursor: options.cursor }),
    });
  }

  getRun(id: string): Promise<RunDetail> {
    return this.get(`/runs/${encodeURIComponent(id)}`);
  }

  compareRuns(options: { base: string; head: string }): Promise<RunComparison> {
    return this.get('/runs/compare', {
      base: options.base,
      head: options.head,
    });
  }

  async getUnmatchedSources(): Promise<UnmatchedSource[]> {
    const body = await this.get<{ items: UnmatchedSource[] }>('/unmatched');
    return body.items;
  }

  async refreshEntity(entity: CompoundEntityRef): Promise<RefreshResponse> {
    return this.request<RefreshResponse>(`${entityPath(entity)}/refresh`, {
      method: 'POST',
    });
  }

  getRefreshSources(entity: CompoundEntityRef): Promise<RefreshSources> {
    return this.get(`${entityPath(entity)}/refresh-sources`);
  }

  getFixFiles(entity: CompoundEntityRef): Promise<FixFilesResponse> {
    return this.get(`${entityPath(entity)}/fix-files`);
  }

  async getPullStatus(entity: CompoundEntityRef): Promise<PullStatus | null> {
    const body = await this.get<{ status: PullStatus | null }>(
      `${entityPath(entity)}/pull-status`,
    );
    return body.status;
  }

  async getRepositorySnapshot(entity: CompoundEntityRef): Promise<{
    snapshot: RepositorySnapshot | null;
    history: RepositorySnapshotChange[];
  }> {
    const body = await this.get<{
      snapshot: RepositorySnapshot | null;
      history: RepositorySnapshotChange[];
    }>(`${entityPath(entity)}/snapshot`);
    return { snapshot: body.snapshot, history: body.history };
  }

  // Policy scorecards

  getPolicy(): Promise<PolicyResponse> {
    return this.get('/policy');
  }

  getScorecardSummary(): Promise<ScorecardSummary> {
    return this.get('/scorecards/summary');
  }

  getScorecardEntities(
    filter: ScorecardEntityFilter & { limit: number; offset: number },
  ): Promise<ScorecardEntityPage> {
    const { limit, offset, ...rest } = filter;
    return this.get('/scorecards/entities', {
      ...scorecardFilterQuery(rest),
      limit: String(limit),
      offset: String(offset),
    });
  }

  async downloadScorecardCsv(filter: ScorecardEntityFilter): Promise<Blob> {
    const search = new URLSearchParams(scorecardFilterQuery(filter));
    const query = search.toString() ? `?${search}` : '';
    const response = await this.fetch(`/scorecards/entities.csv${query}`);
    return response.blob();
  }

  // Fleet insights

  getFleetCompileTime(options: {
    days: number;
    limit: number;
  }): Promise<FleetCompileTime> {
    return this.get('/fleet/compile-time', {
      days: String(options.days),
      limit: String(options.limit),
    });
  }

  getFleetToolchains(): Promise<FleetToolchainDrift> {
    return this.get('/fleet/toolchains');
  }

  getFleetFragmentation(options: {
    limit: number;
  }): Promise<FleetFragmentation> {
    return this.get('/fleet/fragmentation', { limit: String(options.limit) });
  }

  getFleetTimeSaved(options: { weeks: number }): Promise<FleetTimeSaved> {
    return this.get('/fleet/time-saved', { weeks: String(options.weeks) });
  }

  getScorecardTrend(options: { days: number }): Promise<ScorecardTrend> {
    return this.get('/scorecards/trend', { days: String(options.days) });
  }

  async getEntityScorecard(
    entity: CompoundEntityRef,
  ): Promise<EntityScorecard | null> {
    const body = await this.get<{ scorecard: EntityScorecard | null }>(
      `${entityPath(entity)}/scorecard`,
    );
    return body.scorecard;
  }

  async getExemptions(filter: {
    entityRef?: string;
    ruleId?: string;
    state?: ExemptionState | 'all';
  }): Promise<ExemptionRecord[]> {
    const body = await this.get<{ items: ExemptionRecord[] }>(
      '/exemptions',
      definedOnly(filter),
    );
    return body.items;
  }

  createExemption(request: CreateExemptionRequest): Promise<ExemptionRecord> {
    return this.request('/exemptions', jsonBody('POST', request));
  }

  revokeExemption(
    id: string,
    options: { reason?: string } = {},
  ): Promise<ExemptionRecord> {
    return this.request(
      `/exemptions/${encodeURIComponent(id)}/revoke`,
      jsonBody('POST', definedOnly({ reason: options.reason })),
    );
  }

  getExemptionAudit(options: {
    entityRef?: string;
    limit: number;
    offset: number;
  }): Promise<ExemptionAuditPage> {
    return this.get('/exemptions/audit', {
      ...definedOnly({ entityRef: options.entityRef }),
      limit: String(options.limit),
      offset: String(options.offset),
    });
  }

  // Pre-warming

  async getPrewarmExecutors(): Promise<PrewarmExecutorInfo[]> {
    const body = await this.get<{ items: PrewarmExecutorInfo[] }>(
      '/prewarm/executors',
    );
    return body.items;
  }

  async getPrewarmSchedules(): Promise<PrewarmSchedule[]> {
    const body = await this.get<{ items: PrewarmSchedule[] }>(
      '/prewarm/schedules',
    );
    return body.items;
  }

  createPrewarmSchedule(input: PrewarmScheduleInput): Promise<PrewarmSchedule> {
    return this.request('/prewarm/schedules', jsonBody('POST', input));
  }

  updatePrewarmSchedule(
    id: string,
    input: PrewarmScheduleInput,
  ): Promise<PrewarmSchedule> {
    return this.request(
      `/prewarm/schedules/${encodeURIComponent(id)}`,
      jsonBody('PUT', input),
    );
  }

  setPrewarmSchedulePaused(
    id: string,
    paused: boolean,
  ): Promise<PrewarmSchedule> {
    return this.request(
      `/prewarm/schedules/${encodeURIComponent(id)}/${
        paused ? 'pause' : 'resume'
      }`,
      { method: 'POST' },
    );
  }

  async deletePrewarmSchedule(id: string): Promise<void> {
    await this.fetch(`/prewarm/schedules/${encodeURIComponent(id)}`, {
      method: 'DELETE',
    });
  }

  runPrewarmScheduleNow(id: string): Promise<PrewarmRun> {
    return this.request(`/prewarm/schedules/${encodeURIComponent(id)}/run`, {
      method: 'POST',
    });
  }

  getWarmPlan(
    options: { scheduleId: string } | { scope: PrewarmScope },
  ): Promise<WarmPlan> {
    if ('scheduleId' in options) {
      return this.get('/prewarm/plan', { scheduleId: options.scheduleId });
    }
    // Each list travels as one comma-separated parameter; refs and tags hold no commas.
    return this.get('/prewarm/plan', {
      owners: options.scope.owners.join(','),
      tags: options.scope.tags.join(','),
      entityRefs: options.scope.entityRefs.join(','),
    });
  }

  getPrewarmRuns(filter: {
    scheduleId?: string;
    state?: PrewarmRunState;
    limit: number;
    offset: number;
  }): Promise<PrewarmRunPage> {
    return this.get('/prewarm/runs', {
      ...definedOnly({ scheduleId: filter.scheduleId, state: filter.state }),
      limit: String(filter.limit),
      offset: String(filter.offset),
    });
  }

  getPrewarmRun(id: string): Promise<PrewarmRun> {
    return this.get(`/prewarm/runs/${encodeURIComponent(id)}`);
  }

  cancelPrewarmRun(id: string): Promise<PrewarmRun> {
    return this.request(`/prewarm/runs/${encodeURIComponent(id)}/cancel`, {
      method: 'POST',
    });
  }

  async getPrewarmEffect(options: {
    days: number;
  }): Promise<WarmGroupEffect[]> {
    const body = await this.get<{ items: WarmGroupEffect[] }>(
      '/prewarm/effect',
      { days: String(options.days) },
    );
    return body.items;
  }

  private get<T>(path: string, query?: Record<string, string>): Promise<T> {
    const search = query ? `?${new URLSearchParams(query)}` : '';
    return this.request(`${path}${search}`);
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const response = await this.fetch(path, init);
    return (await response.json()) as T;
  }

  /** The successful response, or a ResponseError carrying the server's message. */
  private async fetch(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl(
      RUST_BUILD_CACHE_PLUGIN_ID,
    );
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
