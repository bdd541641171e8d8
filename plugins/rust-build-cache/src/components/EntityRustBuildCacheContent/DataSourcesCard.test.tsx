import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import type { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { rustBuildCacheRefreshPermission } from '@rust-build-cache/plugin-rust-build-cache-common';
import { screen, waitFor } from '@testing-library/react';
import { rustBuildCacheApiRef } from '../../api';
import { fakeRustBuildCacheApi } from '../../__testUtils__/fakeRustBuildCacheApi';
import { DataSourcesCard } from './DataSourcesCard';

// In a file of its own: usePermission caches decisions across renders (SWR), so a denial
// next to the tests that allow would read their cached ALLOW.
describe('DataSourcesCard without the refresh permission', () => {
  it('hides the refresh button', async () => {
    // The enum lives in plugin-permission-common, which this package does not depend on.
    const deny = 'DENY' as unknown as AuthorizeResult.DENY;
    const permissionApi = mockApis.permission({ authorize: deny });
    const authorize = jest.spyOn(permissionApi, 'authorize');
    const api = fakeRustBuildCacheApi();

    await renderInTestApp(
      <TestApiProvider
        apis={[
          [rustBuildCacheApiRef, api],
          [permissionApiRef, permissionApi],
        ]}
      >
        <DataSourcesCard
          entityRef={{
            kind: 'Component',
            namespace: 'default',
            name: 'gateway',
          }}
          pullStatus={{ loading: false, value: null }}
          onRefreshed={jest.fn()}
        />
      </TestApiProvider>,
    );

    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          permission: rustBuildCacheRefreshPermission,
        }),
      ),
    );
    expect(screen.getByTestId('never-pulled')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Refresh now' }),
    ).not.toBeInTheDocument();
    expect(api.refreshEntity).not.toHaveBeenCalled();
  });
});
