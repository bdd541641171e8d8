import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  RUST_BUILD_CACHE_PLUGIN_ID,
  type PullStatus,
  type RefreshResponse,
  type RepositorySnapshot,
  type RepositorySnapshotChange,
  type RunComparison,
  type RunDetail,
  type RunPage,
  type TimeSeries,
  type UnmatchedSource,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import type { RustBuildCacheApi } from './RustBuildCacheApi';

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
    options: { limit: number; offset: number },
  ): Promise<RunPage> {
    return this.get(`${entityPath(entity)}/runs`, {
      limit: String(options.limit),
      offset: String(options.offset),
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

  private get<T>(path: string, query?: Record<string, string>): Promise<T> {
    const search = query ? `?${new URLSearchParams(query)}` : '';
    return this.request(`${path}${search}`);
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl(
      RUST_BUILD_CACHE_PLUGIN_ID,
    );
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

/** Each part is encoded on its own: names may hold characters that are special in URLs. */
function entityPath(entity: CompoundEntityRef): string {
  return `/entities/${[entity.namespace, entity.kind, entity.name]
    .map(encodeURIComponent)
    .join('/')}`;
}
