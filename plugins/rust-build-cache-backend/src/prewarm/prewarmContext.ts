import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EntityLinkStore } from '../catalog';
import { WarmBuildReports } from '../reports';
import { PrewarmRunStore, PrewarmScheduleStore } from './PrewarmStore';

/** What every part of the pre-warm feature reads from: stores, catalog, clock. */
export interface PrewarmContext {
  scheduleStore: PrewarmScheduleStore;
  runStore: PrewarmRunStore;
  /** The reports feature's: warm builds' own reports and their consumers' runs. */
  reports: WarmBuildReports;
  /** The catalog feature's: which source an entity's reports come from. */
  entityLinks: Pick<EntityLinkStore, 'getEntityLink'>;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  now(): Date;
}
