import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { createPermission } from '@backstage/plugin-permission-common';

/** Read build-cache reports, scorecards and pre-warm runs. @public */
export const rustBuildCacheReadPermission = createPermission({
  name: 'rust-build-cache.reports.read',
  attributes: { action: 'read' },
});

/**
 * Push build-cache reports (`POST /reports`). Only service principals (CI) push; name it
 * in the CI token's `accessRestrictions` so that the token can do nothing else.
 * @public
 */
export const rustBuildCacheReportIngestPermission = createPermission({
  name: 'rust-build-cache.reports.ingest',
  attributes: { action: 'create' },
});

/**
 * Create and revoke policy exemptions of one catalog entity, authorized with that
 * entity's ref: a policy may allow it to the entity's owners (`isEntityOwner`).
 * @public
 */
export const rustBuildCacheExemptionManagePermission = createPermission({
  name: 'rust-build-cache.exemptions.manage',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Create, edit, run and delete pre-warm schedules. @public */
export const rustBuildCachePrewarmManagePermission = createPermission({
  name: 'rust-build-cache.prewarm.manage',
  attributes: { action: 'update' },
});

/**
 * Trigger an immediate pull of one catalog entity's CI runs and repository files,
 * authorized with that entity's ref.
 * @public
 */
export const rustBuildCacheRefreshPermission = createPermission({
  name: 'rust-build-cache.entity.refresh',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** @public */
export const rustBuildCachePermissions = [
  rustBuildCacheReadPermission,
  rustBuildCacheReportIngestPermission,
  rustBuildCacheExemptionManagePermission,
  rustBuildCachePrewarmManagePermission,
  rustBuildCacheRefreshPermission,
];
