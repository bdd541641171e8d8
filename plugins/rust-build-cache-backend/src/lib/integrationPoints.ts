import {
  BackendPluginRegistrationPoints,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  PrewarmExecutor,
  PrewarmRunStarter,
  PullProvider,
  rustBuildCachePrewarmExecutorsExtensionPoint,
  rustBuildCachePrewarmRunsExtensionPoint,
  rustBuildCachePullProvidersExtensionPoint,
} from '@rust-build-cache/plugin-rust-build-cache-node';
import { requireIntegrationModules } from './integrationModules';
import { createUniqueRegistry } from './uniqueRegistry';

/**
 * Registers the plugin's extension points (pull providers, pre-warm executors, pre-warm
 * runs) and answers what modules added through them, once the plugin starts.
 */
export function registerIntegrationPoints(
  env: BackendPluginRegistrationPoints,
) {
  const pullProviders = createUniqueRegistry<PullProvider>('pull provider');
  const executors = createUniqueRegistry<PrewarmExecutor>('pre-warm executor');
  const prewarmRunsCallbacks: Array<(runs: PrewarmRunStarter) => void> = [];
  env.registerExtensionPoint(rustBuildCachePullProvidersExtensionPoint, {
    addPullProvider: (...added) => pullProviders.add(...added),
  });
  env.registerExtensionPoint(rustBuildCachePrewarmExecutorsExtensionPoint, {
    addPrewarmExecutor: (...added) => executors.add(...added),
  });
  env.registerExtensionPoint(rustBuildCachePrewarmRunsExtensionPoint, {
    onStarted: callback => prewarmRunsCallbacks.push(callback),
  });
  return {
    pullProviders: () => pullProviders.values(),
    prewarmExecutors: () => executors.values(),
    /** Hands the modules that asked for it the pre-warm runs (call once started). */
    prewarmStarted(runs: PrewarmRunStarter): void {
      for (const callback of prewarmRunsCallbacks) callback(runs);
    },
    /** Fails the start when the config enables an integration no module added. */
    requireModulesFor(config: RootConfigService): void {
      requireIntegrationModules({
        config,
        pullProviderIds: pullProviders.ids(),
        prewarmExecutorIds: executors.ids(),
      });
    },
  };
}
