import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  rustBuildCachePrewarmExecutorsExtensionPoint,
  rustBuildCachePullProvidersExtensionPoint,
} from '@rust-build-cache/plugin-rust-build-cache-node';
import {
  readGithubActionsExecutorConfig,
  readGithubActionsPullConfig,
} from './config';
import { GithubHosts } from './GithubHosts';
import { GithubActionsPrewarmExecutor } from './prewarm/GithubActionsPrewarmExecutor';
import { GithubActionsPullProvider } from './pull/GithubActionsPullProvider';

/**
 * GitHub Actions for the rust-build-cache backend: the `github-actions` pull provider
 * (`rustBuildCache.pull.githubActions.enabled`) and the `github-actions` pre-warm executor
 * (`rustBuildCache.prewarm.executors.githubActions.enabled`). Both call GitHub through the
 * org's `integrations.github` entries and share one rate-limit state per host.
 *
 * @public
 */
export const rustBuildCacheModuleGithub = createBackendModule({
  pluginId: 'rust-build-cache',
  moduleId: 'github',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        pull: rustBuildCachePullProvidersExtensionPoint,
        prewarm: rustBuildCachePrewarmExecutorsExtensionPoint,
      },
      async init({ config, logger, pull, prewarm }) {
        const pullSettings = readGithubActionsPullConfig(config);
        const executorSettings = readGithubActionsExecutorConfig(config);
        const hosts = GithubHosts.fromConfig(config);
        if (pullSettings) {
          pull.addPullProvider(
            new GithubActionsPullProvider(hosts, pullSettings),
          );
        }
        if (executorSettings) {
          prewarm.addPrewarmExecutor(
            new GithubActionsPrewarmExecutor(hosts, executorSettings),
          );
          logger.info(
            `Pre-warm executor 'github-actions' dispatches ${executorSettings.workflow}@${executorSettings.ref}`,
          );
        }
      },
    });
  },
});
