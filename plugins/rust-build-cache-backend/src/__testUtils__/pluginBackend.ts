import { startPluginTestBackend } from '@rust-build-cache/plugin-rust-build-cache-node/testUtils';
import { rustBuildCachePlugin } from '../plugin';
import { watchOpenApiContract } from './openApiWatch';

/** The root config's data, as `startPluginTestBackend` takes it. */
export type TestConfigData = NonNullable<
  Parameters<typeof startPluginTestBackend>[0]['config']
>;

/**
 * The plugin in a test backend (`startPluginTestBackend` of -node's test utilities):
 * `features` are added to it as they are (executor modules, a URL reader, a scheduler
 * per replica, ...), and every exchange with its server is checked against
 * src/schema/openapi.yaml.
 */
export async function startPluginBackend(
  options: Omit<Parameters<typeof startPluginTestBackend>[0], 'features'> & {
    features?: Parameters<typeof startPluginTestBackend>[0]['features'];
  },
) {
  const { backend, server, scheduler } = await startPluginTestBackend({
    ...options,
    features: [rustBuildCachePlugin, ...(options.features ?? [])],
  });
  return { backend, server: watchOpenApiContract(server), scheduler };
}
