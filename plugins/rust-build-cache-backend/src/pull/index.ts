import {
  AuthService,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PullProvider } from '@rust-build-cache/plugin-rust-build-cache-node';
import { PullConfig } from '../config';
import { RustBuildCacheStore } from '../database/RustBuildCacheStore';
import { ReportIngestionService } from '../reports/ReportIngestionService';
import { GithubActionsPullProvider } from './github/GithubActionsPullProvider';
import { PullService } from './PullService';

/**
 * Pulling reports from CI providers, wired. GitHub Actions is built in (opt-in by config);
 * modules add other providers through the extension point. Module providers come first,
 * so a module can take over repositories that the built-in provider would otherwise pull.
 * `service` is undefined when no provider is registered (nothing to schedule).
 */
export function createPullFeature(options: {
  config: RootConfigService;
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
  if (settings.githubActions.enabled) {
    if (options.providers.has('github-actions')) {
      throw new Error(
        `rustBuildCache.pull.githubActions.enabled is set, but a module already registered a pull provider with id 'github-actions'`,
      );
    }
    providers.push(
      GithubActionsPullProvider.fromConfig(
        options.config,
        settings.githubActions,
      ),
    );
  }
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
