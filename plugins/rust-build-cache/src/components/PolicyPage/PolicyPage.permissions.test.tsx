import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  DEFAULT_POLICY,
  rustBuildCacheExemptionManagePermission,
  type ExemptionRecord,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { fireEvent, screen, within } from '@testing-library/react';
import { fakeRustBuildCacheApi } from '../../__testUtils__/fakeRustBuildCacheApi';
import {
  denyingPermissionApi,
  expectPermissionAsked,
  renderWithApis,
} from '../../__testUtils__/permissions';
import { demoScorecards, summaryOf } from '../../__testUtils__/policyFixtures';
import { PolicyPage } from './PolicyPage';

// In a file of its own: see denyingPermissionApi.
describe('PolicyPage without the exemption manage permission', () => {
  it('lists exemptions but offers neither create nor revoke', async () => {
    const { permissionApi, authorize } = denyingPermissionApi();
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

    await renderWithApis(
      <PolicyPage />,
      { api, permissionApi },
      {
        routeEntries: ['/?tab=exemptions'],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

    const row = (await screen.findByText(exemption.reason)).closest(
      'tr',
    ) as HTMLElement;
    await expectPermissionAsked(
      authorize,
      rustBuildCacheExemptionManagePermission,
    );
    expect(
      await screen.findByText('No exemption has been created or revoked yet.'),
    ).toBeInTheDocument();
    expect(authorize).toHaveBeenCalledWith(
      expect.objectContaining({
        permission: rustBuildCacheExemptionManagePermission,
        resourceRef: exemption.entityRef,
      }),
    );
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByText('Actions')).not.toBeInTheDocument();

    // Who may exempt depends on the service: the dialog asks for the one entered.
    fireEvent.click(screen.getByRole('button', { name: 'Add exemption' }));
    fireEvent.change(screen.getByLabelText(/Entity/), {
      target: { value: 'component:default/billing-api' },
    });
    expect(
      await screen.findByText(
        'You may not manage the exemptions of component:default/billing-api',
        {},
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Create exemption' }));
    expect(api.createExemption).not.toHaveBeenCalled();
    expect(api.revokeExemption).not.toHaveBeenCalled();
  });
});
