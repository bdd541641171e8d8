import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  PrewarmExecutor,
  rustBuildCachePrewarmExecutorsExtensionPoint,
} from '@rust-build-cache/plugin-rust-build-cache-node';

/** A backend module that registers executors through the plugin's extension point. */
export function executorModule(...executors: PrewarmExecutor[]) {
  return createBackendModule({
    pluginId: 'rust-build-cache',
    moduleId: `test-prewarm-executors-${executors.map(e => e.id).join('-')}`,
    register(env) {
      env.registerInit({
        deps: { prewarm: rustBuildCachePrewarmExecutorsExtensionPoint },
        async init({ prewarm }) {
          prewarm.addPrewarmExecutor(...executors);
        },
      });
    },
  });
}
