import {
  createExtensionPoint,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';

/**
 * What a {@link PullProvider} gets for one pull of one repository.
 *
 * @public
 */
export interface PullProviderContext {
  /** An entity of the repository that the provider said it {@link PullProvider.supports}. */
  entity: Entity;
  /** The repository being pulled, normalised `host/owner/name` (lower case). */
  repository: string;
  /**
   * What the provider returned as `cursor` from the last pull of this repository, or null
   * on the first pull. Opaque to the backend, stored per provider and repository.
   */
  cursor: string | null;
  /**
   * Validates and stores one report exactly like a pushed one (idempotent per CI job run:
   * ingesting the same report twice stores it once). Rejects with an `InputError` for an
   * invalid report.
   */
  ingest(report: unknown): Promise<{ created: boolean }>;
  logger: LoggerService;
  signal?: AbortSignal;
}

/**
 * The outcome of one pull of one repository.
 *
 * @public
 */
export interface PullResult {
  /**
   * Where the next pull of this repository resumes. Advance it only past runs that were
   * ingested or definitively skipped, so that nothing is lost after a failure.
   */
  cursor: string | null;
  /** Reports newly stored by this pull. */
  ingested: number;
  /** Per-run problems that did not stop the pull (corrupt artifacts, invalid reports). */
  errors: string[];
  /** Set when the provider stopped early because its API is rate limited until then. */
  rateLimitedUntil?: Date;
}

/**
 * Fetches build-cache reports for an entity's repository from a system that holds them (a
 * CI provider's API, an artifact store), for teams whose CI cannot push reports.
 *
 * @public
 */
export interface PullProvider {
  /** Unique among the registered providers, e.g. `github-actions`. */
  readonly id: string;
  supports(entity: Entity): boolean;
  pull(context: PullProviderContext): Promise<PullResult>;
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
