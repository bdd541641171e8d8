import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { IngestReportResponse } from '@rust-build-cache/plugin-rust-build-cache-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { RUST_BUILD_CACHE_WORKSPACE_ANNOTATION } from '@rust-build-cache/plugin-rust-build-cache-common';
import { EntityLink } from './EntityLinkStore';
import { ReportSourceKey } from '@rust-build-cache/plugin-rust-build-cache-common';
import { EntityLinkStore } from './EntityLinkStore';
import { streamAnnotatedEntities } from './annotatedEntities';
import { entitySourceKey, sourceKeyString } from './reportSources';
import { normalizeEntityRef } from './entityRefs';

/** Where a pushed report's source is linked; `entityRefs` lists every linked entity. */
export type PushLink = Pick<
  IngestReportResponse,
  'entityRef' | 'entityStatus'
> & {
  entityRefs: string[];
};

/**
 * A push of an unlinked source rebuilds the links at once the first time that source is
 * pushed within this long (an entity registered since the last rebuild gets linked by its
 * first push), and otherwise only when the links are this old (a source no entity claims
 * does not rebuild them on every push).
 */
const LINK_ON_PUSH_MAX_AGE_MS = 60_000;
/** The least time between two rebuilds on push: a burst of new sources shares one. */
const LINK_ON_PUSH_MIN_INTERVAL_MS = 5_000;

/** The normalised ref of an entity, as links store it. */
export function toEntityRef(entity: Entity | CompoundEntityRef): string {
  return normalizeEntityRef(stringifyEntityRef(entity));
}

/**
 * The entity as the caller may see it.
 *
 * @throws NotFoundError when the catalog does not show the caller the entity.
 */
export async function getVisibleEntity(
  catalog: CatalogService,
  options: { entity: CompoundEntityRef; credentials: BackstageCredentials },
): Promise<Entity> {
  const entityRef = toEntityRef(options.entity);
  const entity = await catalog.getEntityByRef(entityRef, {
    credentials: options.credentials,
  });
  if (!entity) {
    throw new NotFoundError(`Entity ${entityRef} not found`);
  }
  return entity;
}

/**
 * Keeps the links from catalog entities to the (repository, workspace) their reports name,
 * so that queries by entity need no catalog call and reports that arrive before their
 * entity is registered get linked once it is.
 */
export class EntityLinkService {
  /** When this instance last rebuilt the links; other replicas keep their own. */
  private lastRefreshAt: number | undefined;
  /** The rebuild under way, shared by the callers that need one meanwhile. */
  private refreshing: Promise<unknown> | undefined;
  /** When each unlinked source last had a push look for its entity (sourceKeyString). */
  private readonly unlinkedPushAt = new Map<string, number>();

  constructor(
    private readonly options: {
      store: EntityLinkStore;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      /** Told the entities that got a link or a new source, e.g. to evaluate them now. */
      onLinked?: (entityRefs: string[]) => void;
      /** Least time between two rebuilds on push (default 5 s; tests use 0). */
      minRebuildOnPushIntervalMs?: number;
    },
  ) {}

  /** Rebuilds all links from the annotated entities of the catalog. */
  async refreshLinks(): Promise<{ linked: number; withoutRepository: number }> {
    const { store, catalog, auth, logger } = this.options;
    const links: EntityLink[] = [];
    let withoutRepository = 0;
    const pages = streamAnnotatedEntities(
      catalog,
      await auth.getOwnServiceCredentials(),
    );
    for await (const entities of pages) {
      for (const entity of entities) {
        const source = entitySourceKey(entity);
        if (source) {
          links.push({ entityRef: toEntityRef(entity), source });
        } else {
          withoutRepository += 1;
        }
      }
    }
    const { changed } = await store.replaceEntityLinks({ links });
    this.lastRefreshAt = Date.now();
    if (changed.length > 0) this.options.onLinked?.(changed);
    if (withoutRepository > 0) {
      logger.warn(
        `${withoutRepository} entities have the ${RUST_BUILD_CACHE_WORKSPACE_ANNOTATION} annotation but no repository annotation, so no reports can be linked to them`,
      );
    }
    return { linked: links.length, withoutRepository };
  }

  /**
   * Rebuilds the links unless this instance did so within `maxAgeMs`; true when it did.
   */
  async refreshLinksIfOlderThan(maxAgeMs: number): Promise<boolean> {
    if (
      this.lastRefreshAt !== undefined &&
      Date.now() - this.lastRefreshAt < maxAgeMs
    ) {
      return false;
    }
    if (!this.refreshing) {
      this.refreshing = this.refreshLinks().finally(() => {
        this.refreshing = undefined;
      });
    }
    await this.refreshing;
    return true;
  }

  /**
   * Rebuilds the links for a push of `unlinked` sources: at once (but not twice within
   * the minimum interval) when one of them was not pushed within the last minute, else
   * only when the links are a minute old. Per instance.
   */
  private async refreshLinksForPush(unlinked: ReportSourceKey[]) {
    const now = Date.now();
    let newSource = false;
    for (const source of unlinked) {
      const key = sourceKeyString(source);
      const last = this.unlinkedPushAt.get(key);
      if (last === undefined || now - last > LINK_ON_PUSH_MAX_AGE_MS)
        newSource = true;
      this.unlinkedPushAt.set(key, now);
    }
    // Bounded: sources not pushed within the last minute count as new anyway.
    if (this.unlinkedPushAt.size > 10_000) {
      for (const [key, at] of this.unlinkedPushAt)
        if (now - at > LINK_ON_PUSH_MAX_AGE_MS) this.unlinkedPushAt.delete(key);
    }
    await this.refreshLinksIfOlderThan(
      newSource
        ? this.options.minRebuildOnPushIntervalMs ??
            LINK_ON_PUSH_MIN_INTERVAL_MS
        : LINK_ON_PUSH_MAX_AGE_MS,
    );
  }

  /**
   * The entity of a just-pushed report's source. An unlinked source gets the links
   * rebuilt first ({@link EntityLinkService.refreshLinksForPush}), so that the first push
   * after an entity was registered is linked, and evaluated, at once.
   */
  async linkOnPush(
    source: ReportSourceKey,
  ): Promise<Pick<IngestReportResponse, 'entityRef' | 'entityStatus'>> {
    const { store, logger } = this.options;
    const linked = await store.getLinkedEntityRef({ source });
    if (linked) return { entityRef: linked, entityStatus: 'linked' };
    try {
      await this.refreshLinksForPush([source]);
    } catch (error) {
      logger.warn(
        `Could not link ${source.repository} (${source.workspacePath}) on push; the scheduled link task will: ${error}`,
      );
      return { entityRef: null, entityStatus: 'linking-pending' };
    }
    const now = await store.getLinkedEntityRef({ source });
    return now
      ? { entityRef: now, entityStatus: 'linked' }
      : { entityRef: null, entityStatus: 'no-entity' };
  }

  /**
   * {@link EntityLinkService.linkOnPush} for the sources of a batch of just-pushed
   * reports, in one read of the links (two when some source is unlinked and the links
   * get rebuilt). Keyed by `sourceKeyString`; `entityRefs` are all the entities linked
   * to the source (several may share a workspace), `entityRef` the first of them.
   */
  async linkOnPushMany(
    sources: ReportSourceKey[],
  ): Promise<Map<string, PushLink>> {
    const { store, logger } = this.options;
    let linked = await store.listLinkedEntityRefsBySource({ sources });
    const unlinked = sources.filter(s => !linked.has(sourceKeyString(s)));
    let pending = false;
    if (unlinked.length > 0) {
      try {
        await this.refreshLinksForPush(unlinked);
        const now = await store.listLinkedEntityRefsBySource({
          sources: unlinked,
        });
        linked = new Map([...linked, ...now]);
      } catch (error) {
        const names = unlinked
          .map(s => `${s.repository} (${s.workspacePath})`)
          .join(', ');
        logger.warn(
          `Could not link ${names} on push; the scheduled link task will: ${error}`,
        );
        pending = true;
      }
    }
    const result = new Map<string, PushLink>();
    for (const source of sources) {
      const key = sourceKeyString(source);
      const entityRefs = linked.get(key) ?? [];
      result.set(
        key,
        entityRefs.length > 0
          ? { entityRef: entityRefs[0], entityStatus: 'linked', entityRefs }
          : {
              entityRef: null,
              entityStatus: pending ? 'linking-pending' : 'no-entity',
              entityRefs,
            },
      );
    }
    return result;
  }

  /**
   * The source of an entity's reports: from the links, or else from the catalog (an
   * entity registered since the last refresh), which also records the link. Undefined
   * when the entity lacks the annotations.
   *
   * @throws NotFoundError when the catalog does not have the entity.
   */
  async resolveSource(options: {
    entity: CompoundEntityRef;
    credentials: BackstageCredentials;
  }): Promise<ReportSourceKey | undefined> {
    const { store, catalog } = this.options;
    const entityRef = toEntityRef(options.entity);
    const link = await store.getEntityLink({ entityRef });
    if (link) {
      return link.source;
    }
    const source = entitySourceKey(await getVisibleEntity(catalog, options));
    if (source) {
      await store.upsertEntityLink({ link: { entityRef, source } });
      this.options.onLinked?.([entityRef]);
    }
    return source;
  }

  /** The entity whose link names this source (the first by ref if several do). */
  getLinkedEntityRef(source: ReportSourceKey): Promise<string | undefined> {
    return this.options.store.getLinkedEntityRef({ source });
  }
}
