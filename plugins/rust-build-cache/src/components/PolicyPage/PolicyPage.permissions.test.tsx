import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import type { AuthorizeResult } from '@backstage/plugin-permission-common';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  DEFAULT_POLICY,
  rustBuildCacheExemptionManagePermission,
  type ExemptionRecord,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { screen, waitFor, within } from '@testing-library/react';
import { rustBuildCacheApiRef } from '../../api';
import { fakeRustBuildCacheApi } from '../../__testUtils__/fakeRustBuildCacheApi';
import { demoScorecards, summaryOf } from '../../__testUtils__/policyFixtures';
import { PolicyPage } from './PolicyPage';

// In a file of its own: usePermission caches decisions across renders (SWR), so a denial
// next to the tests that allow would read their cached ALLOW.
describe('PolicyPage without the exemption manage permission', () => {
  it('lists exemptions but offers neither create nor revoke', async () => {
    const deny = 'DENY' as unknown as AuthorizeResult.DENY;
    const permissionApi = mockApis.permission({ authorize: deny });
    const authorize = jest.spyOn(permissionApi, 'authorize');
    const exemption: ExemptionRecord = {
      id: 'ex-1',
      entityRef: 'component:default/ledger-worker',
      ruleId: 'cargo-incremental-off',
      reason: 'Migrating the worker off incremental builds in Q1',
      author: 'user:default/platform-lead',
      createdAt: '2026-11-27T18:00:00.000Z',
      expiresAt: '2027-02-01T00:00:00.000Z',
      revokedAt: null,
      revokedBy: null,
      state: 'active',
    };
    const api = fakeRustBuildCacheApi({
      getScorecardSummary: async () => summaryOf(demoScorecards()),
      getPolicy: async () => ({ policy: DEFAULT_POLICY, source: 'default' }),
      getExemptions: async () => [exemption],
      getExemptionAudit: async () => ({ items: [], total: 0 }),
    });

    await renderInTestApp(
      <TestApiProvider
        apis={[
          [rustBuildCacheApiRef, api],
          [permissionApiRef, permissionApi],
        ]}
      >
        <PolicyPage />
      </TestApiProvider>,
      {
        routeEntries: ['/?tab=exemptions'],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

    const row = (await screen.findByText(exemption.reason)).closest(
      'tr',
    ) as HTMLElement;
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          permission: rustBuildCacheExemptionManagePermission,
        }),
      ),
    );
    expect(
      await screen.findByText('No exemption has been created or revoked yet.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Add exemption' }),
    ).not.toBeInTheDocument();
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByText('Actions')).not.toBeInTheDocument();
    expect(api.createExemption).not.toHaveBeenCalled();
    expect(api.revokeExemption).not.toHaveBeenCalled();
  });
});
