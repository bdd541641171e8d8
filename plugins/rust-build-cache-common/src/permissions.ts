import { createPermission } from '@backstage/plugin-permission-common';

/** Read build-cache reports, scorecards and pre-warm runs. @public */
export const rustBuildCacheReadPermission = createPermission({
  name: 'rust-build-cache.reports.read',
  attributes: { action: 'read' },
});

/** Create and revoke policy exemptions. @public */
export const rustBuildCacheExemptionManagePermission = createPermission({
  name: 'rust-build-cache.exemptions.manage',
  attributes: { action: 'update' },
});

/** Create, edit, run and delete pre-warm schedules. @public */
export const rustBuildCachePrewarmManagePermission = createPermission({
  name: 'rust-build-cache.prewarm.manage',
  attributes: { action: 'update' },
});

/** Trigger an immediate pull of an entity's CI runs and repository files. @public */
export const rustBuildCacheRefreshPermission = createPermission({
  name: 'rust-build-cache.entity.refresh',
  attributes: { action: 'update' },
});

/** @public */
export const rustBuildCachePermissions = [
  rustBuildCacheReadPermission,
  rustBuildCacheExemptionManagePermission,
  rustBuildCachePrewarmManagePermission,
  rustBuildCacheRefreshPermission,
];
