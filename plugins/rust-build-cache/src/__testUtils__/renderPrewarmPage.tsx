import type { PermissionApi } from '@backstage/plugin-permission-react';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { RustBuildCacheApi } from '../api';
import { PrewarmPage } from '../components/PrewarmPage/PrewarmPage';
import { renderWithApis } from './permissions';

/** Renders the page against a fake API, with the catalog's entity route mounted. */
export function renderPrewarmPage(
  api: RustBuildCacheApi,
  permissionApi?: PermissionApi,
) {
  return renderWithApis(
    <PrewarmPage />,
    { api, permissionApi },
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}
