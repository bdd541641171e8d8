import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import { scheduleLoggedTask } from '../lib/scheduleLoggedTask';
import { DatabaseEntityLinkStore } from './DatabaseEntityLinkStore';
import { EntityLinkService } from './EntityLinkService';
import { EntityLinkStore } from './EntityLinkStore';

// The catalog helpers every feature uses, and the entity links' interface.
export { ownerRef, streamAnnotatedEntities } from './annotatedEntities';
export { normalizeEntityRef, parseEntityRefField } from './entityRefs';
export {
  EntityLinkService,
  getVisibleEntity,
  toEntityRef,
  type PushLink,
} from './EntityLinkService';
export type { EntityLink, EntityLinkStore } from './EntityLinkStore';
export {
  entitySourceKey,
  normaliseRepository,
  normaliseWorkspacePath,
  reportSourceKey,
  sourceKeyString,
} from './reportSources';

export const ENTITY_LINKS_TASK_ID = 'rust-build-cache-refresh-entity-links';

/**
 * Entity links, wired: which catalog entity each report source belongs to (table
 * `entity_links`), kept from the catalog by a scheduled rebuild and on push.
 */
export async function createCatalogFeature(options: {
  /** Migrated by `migrateDatabase`. */
  db: Knex;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  scheduler: SchedulerService;
  schedule: SchedulerServiceTaskScheduleDefinition;
}): Promise<{
  store: EntityLinkStore;
  links: EntityLinkService;
  /** Adds a listener told the entities that got a link or a new source. */
  onEntitiesLinked(listener: (entityRefs: string[]) => void): void;
  scheduleTasks(): Promise<void>;
}> {
  const { scheduler, schedule, logger } = options;
  const store = await DatabaseEntityLinkStore.create(options.db);
  const listeners: Array<(entityRefs: string[]) => void> = [];
  const links = new EntityLinkService({
    store,
    catalog: options.catalog,
    auth: options.auth,
    logger,
    onLinked: entityRefs => listeners.forEach(listener => listener(entityRefs)),
  });
  return {
    store,
    links,
    onEntitiesLinked: listener => listeners.push(listener),
    async scheduleTasks() {
      // No initial delay: a fresh installation links entities right at startup.
      await scheduleLoggedTask({
        scheduler,
        logger,
        id: ENTITY_LINKS_TASK_ID,
        schedule,
        failure: 'Refreshing entity links failed',
        run: async () => {
          const { linked } = await links.refreshLinks();
          return `Linked ${linked} catalog entities to their build-cache reports`;
        },
      });
    },
  };
}
