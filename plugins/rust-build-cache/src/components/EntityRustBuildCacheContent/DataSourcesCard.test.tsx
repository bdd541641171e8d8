import { rustBuildCacheRefreshPermission } from '@rust-build-cache/plugin-rust-build-cache-common';
import { screen } from '@testing-library/react';
import { fakeRustBuildCacheApi } from '../../__testUtils__/fakeRustBuildCacheApi';
import {
  denyingPermissionApi,
  expectPermissionAsked,
  renderWithApis,
} from '../../__testUtils__/permissions';
import { DataSourcesCard } from './DataSourcesCard';

// In a file of its own: see denyingPermissionApi.
describe('DataSourcesCard without the refresh permission', () => {
  it('hides the refresh button', async () => {
    const { permissionApi, authorize } = denyingPermissionApi();
    const api = fakeRustBuildCacheApi();

    await renderWithApis(
      <DataSourcesCard
        entityRef={{
          kind: 'Component',
          namespace: 'default',
          name: 'gateway',
        }}
        pullStatus={{ loading: false, value: null }}
        onRefreshed={jest.fn()}
      />,
      { api, permissionApi },
    );

    await expectPermissionAsked(authorize, rustBuildCacheRefreshPermission);
    expect(screen.getByTestId('never-pulled')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Refresh now' }),
    ).not.toBeInTheDocument();
    expect(api.refreshEntity).not.toHaveBeenCalled();
  });
});
