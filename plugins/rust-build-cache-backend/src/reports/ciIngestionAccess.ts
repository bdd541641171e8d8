import type { Config } from '@backstage/config';

const PLUGIN_ID = 'rust-build-cache';

/**
 * Whether CI can push reports at all: `POST /reports` only accepts external access
 * callers (`backend.auth.externalAccess`, or legacy `backend.auth.keys`), so without an
 * entry that reaches this plugin every push gets 401. That is a valid setup (a new app,
 * or reports pulled from GitHub Actions artifacts), so it is logged, not fatal.
 */
export function describeCiIngestionAccess(config: Config): {
  enabled: boolean;
  message: string;
} {
  const grants = (
    config.getOptionalConfigArray('backend.auth.externalAccess') ?? []
  )
    .filter(entry => {
      const restrictions = entry.getOptionalConfigArray('accessRestrictions');
      return (
        !restrictions ||
        restrictions.some(r => r.getOptionalString('plugin') === PLUGIN_ID)
      );
    })
    .map(entry => entry.getOptionalString('type') ?? 'unknown');
  if ((config.getOptionalConfigArray('backend.auth.keys') ?? []).length > 0) {
    grants.push('legacy');
  }
  if (grants.length === 0) {
    return {
      enabled: false,
      message:
        'CI report ingestion is disabled: no backend.auth.externalAccess entry grants access to ' +
        `the ${PLUGIN_ID} plugin, so POST /api/${PLUGIN_ID}/reports answers 401 to CI. ` +
        'Add a static token (RUST_BUILD_CACHE_TOKEN, see the README) to enable it, or pull ' +
        'reports from GitHub Actions artifacts (rustBuildCache.pull.githubActions).',
    };
  }
  return {
    enabled: true,
    message: `CI report ingestion is enabled for external access of type ${[
      ...new Set(grants),
    ].join(', ')}`,
  };
}
