import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import type { PermissionApi } from '@backstage/plugin-permission-react';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { RustBuildCacheApi } from '../api';
import { rustBuildCacheApiRef } from '../api';
import { PrewarmPage } from '../components/PrewarmPage/PrewarmPage';

/** Renders the page against a fake API, with the catalog's entity route mounted. */
export function renderPrewarmPage(
  api: RustBuildCacheApi,
  permissionApi: PermissionApi = mockApis.permission(),
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [rustBuildCacheApiRef, api],
        [permissionApiRef, permissionApi],
      ]}
    >
      <PrewarmPage />
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}
