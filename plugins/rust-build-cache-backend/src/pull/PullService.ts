import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import { isError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PullProvider } from '@rust-build-cache/plugin-rust-build-cache-node';
import { EntityPullStatus, PullStateStore } from './PullStateStore';
import {
  entitySourceKey,
  getVisibleEntity,
  streamAnnotatedEntities,
  toEntityRef,
} from '../catalog';
import { ReportIngestionService } from '../reports';
import { forEachConcurrently } from '../lib/forEachConcurrently';

/** The entities of one repository that one provider pulls: one cursor, one pull. */
interface PullGroup {
  provider: PullProvider;
  repository: string;
  entities: Entity[];
}

/**
 * Pulls reports from the registered providers, per repository (a monorepo's artifact
 * holds the reports of all its workspaces), and records cursors and per-entity status.
 */
export class PullService {
  /** Pulls in progress on this instance, so that a refresh joins a scheduled pull. */
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(
    private readonly options: {
      providers: PullProvider[];
      store: PullStateStore;
      ingestion: ReportIngestionService;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      /** Repositories pulled at the same time. */
      concurrency: number;
    },
  ) {}

  /** Pulls every annotated entity's repository that a provider supports. */
  async pullAll(signal?: AbortSignal): Promise<{ repositories: number }> {
    const { catalog, auth, concurrency } = this.options;
    const entities: Entity[] = [];
    const pages = streamAnnotatedEntities(
      catalog,
      await auth.getOwnServiceCredentials(),
    );
    for await (const page of pages) {
      entities.push(...page);
    }
    const groups = this.group(entities);
    await forEachConcurrently(
      groups,
      concurrency,
      group => this.pullGroup(group, signal),
      signal,
    );
    return { repositories: groups.length };
  }

  /**
   * The provider that would pull the entity's repository, null when none supports it.
   *
   * @throws NotFoundError when the caller cannot see the entity.
   */
  async providerFor(options: {
    entity: CompoundEntityRef;
    credentials: BackstageCredentials;
  }): Promise<string | null> {
    const entity = await getVisibleEntity(this.options.catalog, options);
    return this.group([entity])[0]?.provider.id ?? null;
  }

  /**
   * Pulls one entity's repository now, as the caller: the catalog must show it the entity.
   * Undefined when no provider can pull it.
   *
   * @throws NotFoundError when the caller cannot see the entity.
   */
  async pullEntity(options: {
    entity: CompoundEntityRef;
    credentials: BackstageCredentials;
  }): Promise<EntityPullStatus | undefined> {
    const entityRef = toEntityRef(options.entity);
    const entity = await getVisibleEntity(this.options.catalog, options);
    const [group] = this.group([entity]);
    if (!group) {
      return undefined;
    }
    await this.pullGroup(group);
    const status = await this.options.store.getEntityPullStatus({ entityRef });
    if (!status) {
      throw new Error(`No pull status recorded for ${entityRef}`);
    }
    return status;
  }

  async getStatus(options: {
    entity: CompoundEntityRef;
  }): Promise<EntityPullStatus | undefined> {
    return this.options.store.getEntityPullStatus({
      entityRef: toEntityRef(options.entity),
    });
  }

  private group(entities: Entity[]): PullGroup[] {
    const groups = new Map<string, PullGroup>();
    for (const entity of entities) {
      const repository = entitySourceKey(entity)?.repository;
      const provider = this.options.providers.find(p => p.supports(entity));
      if (!repository || !provider) {
        continue;
      }
      const key = JSON.stringify([provider.id, repository]);
      const group = groups.get(key) ?? { provider, repository, entities: [] };
      group.entities.push(entity);
      groups.set(key, group);
    }
    return [...groups.values()];
  }

  private async pullGroup(group: PullGroup, signal?: AbortSignal) {
    const key = JSON.stringify([group.provider.id, group.repository]);
    const running = this.inFlight.get(key);
    if (running) {
      await running;
      return;
    }
    const pull = this.runPull(group, signal).finally(() =>
      this.inFlight.delete(key),
    );
    this.inFlight.set(key, pull);
    await pull;
  }

  /** Never throws: a failing repository is recorded on its entities, not fatal to the pass. */
  private async runPull(group: PullGroup, signal?: AbortSignal) {
    const { store, ingestion, logger } = this.options;
    const { provider, repository, entities } = group;
    const providerId = provider.id;
    const startedAt = new Date();
    let ingested = 0;
    let lastError: string | null = null;
    let rateLimitedUntil: Date | null = null;
    let succeeded = false;
    try {
      const cursor = await store.getPullCursor({ providerId, repository });
      const result = await provider.pull({
        entity: entities[0],
        repository,
        cursor: cursor ?? null,
        ingest: async report => {
          const { created } = await ingestion.ingest(report);
          return { created };
        },
        logger: logger.child({ pullProvider: providerId, repository }),
        signal,
      });
      if (result.cursor !== null && result.cursor !== cursor) {
        await store.setPullCursor({
          providerId,
          repository,
          cursor: result.cursor,
        });
      }
      ingested = result.ingested;
      rateLimitedUntil = result.rateLimitedUntil ?? null;
      const problems = [
        ...(rateLimitedUntil
          ? [`Rate limited until ${rateLimitedUntil.toISOString()}`]
          : []),
        ...result.errors,
      ];
      lastError = problems.length ? problems.join('\n') : null;
      succeeded = !rateLimitedUntil;
    } catch (error) {
      lastError = isError(error) ? error.message : String(error);
      logger.warn(`Pulling ${repository} with ${providerId} failed`, {
        error: lastError,
      });
    }
    if (ingested > 0 || lastError) {
      logger.info(
        `Pulled ${ingested} new reports of ${repository} with ${providerId}${
          lastError ? `; problems: ${lastError}` : ''
        }`,
      );
    }
    const statuses: EntityPullStatus[] = [];
    for (const entity of entities) {
      const entityRef = toEntityRef(entity);
      const previous = succeeded
        ? undefined
        : await store.getEntityPullStatus({ entityRef });
      statuses.push({
        entityRef,
        providerId,
        lastPulledAt: startedAt,
        lastSuccessAt: succeeded ? startedAt : previous?.lastSuccessAt ?? null,
        lastIngested: ingested,
        lastError,
        rateLimitedUntil,
      });
    }
    await store.upsertEntityPullStatuses({ statuses });
  }
}
