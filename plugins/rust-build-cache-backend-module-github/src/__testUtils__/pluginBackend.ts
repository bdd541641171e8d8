// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- tests run the module in the real plugin
import rustBuildCachePlugin from '@rust-build-cache/plugin-rust-build-cache-backend';
import { startPluginTestBackend } from '@rust-build-cache/plugin-rust-build-cache-node/testUtils';
import rustBuildCacheModuleGithub from '..';

/** The task id of the plugin's scheduled pull (documented in its config.d.ts). */
export const PULL_TASK_ID = 'rust-build-cache-pull';

/**
 * The rust-build-cache plugin with this module in a test backend
 * (`startPluginTestBackend` of -node's test utilities). Returns the backend (stop it
 * when done), its server and the plugin's scheduler.
 */
export function startPluginBackend(
  options: Omit<
    Parameters<typeof startPluginTestBackend>[0],
    'features' | 'config'
  > & {
    /** The root config; settings objects of the tests go in as they are. */
    config: object;
  },
) {
  return startPluginTestBackend({
    ...options,
    config: options.config as any,
    features: [rustBuildCachePlugin, rustBuildCacheModuleGithub],
  });
}
