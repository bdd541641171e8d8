import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { RustBuildCacheStore } from '../database/RustBuildCacheStore';
import { PrewarmStore } from './PrewarmStore';

/** What every part of the pre-warm feature reads from: stores, catalog, clock. */
export interface PrewarmContext {
  store: PrewarmStore;
  reports: RustBuildCacheStore;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  now(): Date;
}
