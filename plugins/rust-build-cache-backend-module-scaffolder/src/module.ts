import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  createBoundCacheSizeAction,
  createPinToolchainAction,
  createRouteThroughSccacheAction,
  createStableRustflagsAction,
} from './actions/fixActions';

/**
 * Adds the rust-build-cache fix actions to the scaffolder.
 * @public
 */
export const rustBuildCacheScaffolderModule = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'rust-build-cache',
  register(env) {
    env.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(
          createPinToolchainAction(),
          createRouteThroughSccacheAction(),
          createBoundCacheSizeAction(),
          createStableRustflagsAction(),
        );
      },
    });
  },
});
