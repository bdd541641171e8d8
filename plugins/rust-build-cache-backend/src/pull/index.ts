import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PullProvider } from '@rust-build-cache/plugin-rust-build-cache-node';
import { PullConfig } from '../config';
import { RustBuildCacheStore } from '../database/RustBuildCacheStore';
import { ReportIngestionService } from '../reports/ReportIngestionService';
import { PullService } from './PullService';

/**
 * Pulling reports from CI providers, wired with the providers that modules added through
 * the extension point (GitHub Actions: the module
 * `@rust-build-cache/plugin-rust-build-cache-backend-module-github`). `providers` is
 * empty when no module added one (nothing to schedule).
 */
export function createPullFeature(options: {
  settings: PullConfig;
  /** Providers added by modules through the extension point, by id. */
  providers: Map<string, PullProvider>;
  store: RustBuildCacheStore;
  ingestion: ReportIngestionService;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
}): { service: PullService; providers: PullProvider[] } {
  const { settings, logger } = options;
  const providers = [...options.providers.values()];
  if (providers.length > 0) {
    logger.info(`Pulling reports with: ${providers.map(p => p.id).join(', ')}`);
  }
  const service = new PullService({
    providers,
    store: options.store,
    ingestion: options.ingestion,
    catalog: options.catalog,
    auth: options.auth,
    logger,
    concurrency: settings.concurrency,
  });
  return { service, providers };
}
