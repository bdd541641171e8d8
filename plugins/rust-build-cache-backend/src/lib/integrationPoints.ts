import {
  BackendPluginRegistrationPoints,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  PrewarmExecutor,
  PullProvider,
  rustBuildCachePrewarmExecutorsExtensionPoint,
  rustBuildCachePullProvidersExtensionPoint,
} from '@rust-build-cache/plugin-rust-build-cache-node';
import { requireIntegrationModules } from './integrationModules';

/**
 * What modules add through an extension point, by id: a second item with an id already
 * added throws, naming the kind of item (e.g. "pull provider") and the id.
 */
export function createUniqueRegistry<T extends { id: string }>(kind: string) {
  const items = new Map<string, T>();
  return {
    add(...added: T[]): void {
      for (const item of added) {
        if (items.has(item.id)) {
          throw new Error(
            `A ${kind} with id '${item.id}' is already registered`,
          );
        }
        items.set(item.id, item);
      }
    },
    ids(): IterableIterator<string> {
      return items.keys();
    },
    values(): T[] {
      return [...items.values()];
    },
  };
}

/**
 * Registers the plugin's extension points (pull providers, pre-warm executors) and
 * answers what modules added through them, once the plugin starts.
 */
export function registerIntegrationPoints(
  env: BackendPluginRegistrationPoints,
) {
  const pullProviders = createUniqueRegistry<PullProvider>('pull provider');
  const executors = createUniqueRegistry<PrewarmExecutor>('pre-warm executor');
  env.registerExtensionPoint(rustBuildCachePullProvidersExtensionPoint, {
    addPullProvider: (...added) => pullProviders.add(...added),
  });
  env.registerExtensionPoint(rustBuildCachePrewarmExecutorsExtensionPoint, {
    addPrewarmExecutor: (...added) => executors.add(...added),
  });
  return {
    pullProviders: () => pullProviders.values(),
    prewarmExecutors: () => executors.values(),
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
