import { rustBuildCacheExemptionManagePermission } from '@rust-build-cache/plugin-rust-build-cache-common';
import { screen, waitFor } from '@testing-library/react';
import { fakeRustBuildCacheApi } from '../../__testUtils__/fakeRustBuildCacheApi';
import {
  denyingPermissionApi,
  expectPermissionAsked,
  renderWithApis,
} from '../../__testUtils__/permissions';
import { POLICY, scorecardOf } from '../../__testUtils__/policyFixtures';
import { TabPolicyCard } from '../../__testUtils__/TabPolicyCard';

// In a file of its own: see denyingPermissionApi.
describe('PolicyCard without the exemption manage permission', () => {
  it('shows the results but no exemption action', async () => {
    const { permissionApi, authorize } = denyingPermissionApi();
    const api = fakeRustBuildCacheApi({
      getEntityScorecard: async () =>
        scorecardOf('component:default/ledger-worker'),
      getPolicy: async () => ({ policy: POLICY, source: 'config' }),
    });

    await renderWithApis(
      <TabPolicyCard
        entityRef={{
          kind: 'Component',
          namespace: 'default',
          name: 'ledger-worker',
        }}
      />,
      { api, permissionApi },
    );

    // The level's title comes from the policy.
    await waitFor(() =>
      expect(screen.getByTestId('policy-level')).toHaveTextContent('Bronze'),
    );
    await expectPermissionAsked(
      authorize,
      rustBuildCacheExemptionManagePermission,
    );
    // Asked for this entity: a policy may let only its owners exempt it.
    expect(authorize).toHaveBeenCalledWith(
      expect.objectContaining({
        permission: rustBuildCacheExemptionManagePermission,
        resourceRef: 'component:default/ledger-worker',
      }),
    );
    expect(screen.getAllByText('Fail').length).toBeGreaterThan(0);
    expect(
      screen.queryByRole('button', { name: /Add exemption/ }),
    ).not.toBeInTheDocument();
  });
});
