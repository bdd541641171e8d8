import type { ReactElement } from 'react';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import type {
  AuthorizeResult,
  Permission,
} from '@backstage/plugin-permission-common';
import {
  permissionApiRef,
  type PermissionApi,
} from '@backstage/plugin-permission-react';
import { waitFor } from '@testing-library/react';
import { rustBuildCacheApiRef, type RustBuildCacheApi } from '../api';

/**
 * A permission API that denies every request, and a spy on its `authorize`.
 *
 * Use it in a test file of its own: usePermission caches decisions across renders (SWR),
 * so a denial next to tests that allow would read their cached ALLOW.
 */
export function denyingPermissionApi() {
  // The enum lives in plugin-permission-common, which this package does not depend on.
  const deny = 'DENY' as unknown as AuthorizeResult.DENY;
  const permissionApi = mockApis.permission({ authorize: deny });
  const authorize = jest.spyOn(permissionApi, 'authorize');
  return { permissionApi, authorize };
}

/**
 * Renders `element` in a test app against the given build-cache API and permission API
 * (by default one that allows everything).
 */
export function renderWithApis(
  element: ReactElement,
  apis: { api: RustBuildCacheApi; permissionApi?: PermissionApi },
  options?: Parameters<typeof renderInTestApp>[1],
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [rustBuildCacheApiRef, apis.api],
        [permissionApiRef, apis.permissionApi ?? mockApis.permission()],
      ]}
    >
      {element}
    </TestApiProvider>,
    options,
  );
}

/** Waits until the component has asked `authorize` about `permission`. */
export async function expectPermissionAsked(
  authorize: jest.SpyInstance,
  permission: Permission,
) {
  await waitFor(() =>
    expect(authorize).toHaveBeenCalledWith(
      expect.objectContaining({ permission }),
    ),
  );
}
