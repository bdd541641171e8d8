import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { rustBuildCachePrewarmExecutorsExtensionPoint } from '@rust-build-cache/plugin-rust-build-cache-node';
import { readLocalExecutorConfig } from './localConfig';
import { LocalPrewarmExecutor } from './LocalPrewarmExecutor';

/**
 * The `local` pre-warm executor of the rust-build-cache backend
 * (`rustBuildCache.prewarm.executors.local.enabled`): warm builds on the Backstage host,
 * with cargo and a private sccache server writing into the shared cache directory,
 * reported with the `rust-build-cache` CLI.
 *
 * @public
 */
export const rustBuildCacheModuleLocalPrewarm = createBackendModule({
  pluginId: 'rust-build-cache',
  moduleId: 'local-prewarm',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        prewarm: rustBuildCachePrewarmExecutorsExtensionPoint,
      },
      async init({ config, logger, prewarm }) {
        const settings = readLocalExecutorConfig(config);
        if (!settings) {
          return;
        }
        prewarm.addPrewarmExecutor(new LocalPrewarmExecutor(settings));
        logger.info(
          `Pre-warm executor 'local' builds in ${settings.workDirectory} into the sccache directory ${settings.sccacheDir}`,
        );
      },
    });
  },
});
