import {
  createExtensionPoint,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { BuildCacheReport } from '@rust-build-cache/plugin-rust-build-cache-common';

/**
 * What a {@link PullProvider} gets for one pull.
 *
 * @public
 */
export interface PullProviderContext {
  /** An entity the provider said it {@link PullProvider.supports}. */
  entity: Entity;
  /**
   * Finish time of the newest run already stored for the entity, or null if none: fetch
   * only runs that finished after it. Runs are stored idempotently, so overlap is harmless.
   */
  since: Date | null;
  logger: LoggerService;
  signal?: AbortSignal;
}

/**
 * Fetches build-cache reports for an entity from a system that holds them (a CI
 * provider's API, an artifact store), for teams whose CI cannot push reports.
 *
 * @public
 */
export interface PullProvider {
  /** Unique among the registered providers, e.g. `github-actions`. */
  readonly id: string;
  supports(entity: Entity): boolean;
  /** Reports to store; the backend validates each one as if it had been pushed. */
  pull(context: PullProviderContext): Promise<BuildCacheReport[]>;
}

/**
 * Lets backend modules add {@link PullProvider}s to the rust-build-cache backend.
 *
 * @public
 */
export interface RustBuildCachePullProvidersExtensionPoint {
  addPullProvider(...providers: PullProvider[]): void;
}

/**
 * Extension point for {@link PullProvider}s.
 *
 * @public
 */
export const rustBuildCachePullProvidersExtensionPoint =
  createExtensionPoint<RustBuildCachePullProvidersExtensionPoint>({
    id: 'rust-build-cache.pull-providers',
  });
