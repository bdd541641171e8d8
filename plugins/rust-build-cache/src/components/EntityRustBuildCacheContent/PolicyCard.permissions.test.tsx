import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import type { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { rustBuildCacheExemptionManagePermission } from '@rust-build-cache/plugin-rust-build-cache-common';
import { screen, waitFor } from '@testing-library/react';
import { rustBuildCacheApiRef } from '../../api';
import { fakeRustBuildCacheApi } from '../../__testUtils__/fakeRustBuildCacheApi';
import { POLICY, scorecardOf } from '../../__testUtils__/policyFixtures';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useEntityScorecard } from '../../hooks';
import { PolicyCard } from './PolicyCard';

function TabPolicyCard(props: { entityRef: CompoundEntityRef }) {
  const scorecard = useEntityScorecard(props.entityRef);
  return <PolicyCard entityRef={props.entityRef} scorecard={scorecard} />;
}

// In a file of its own: usePermission caches decisions across renders (SWR).
describe('PolicyCard without the exemption manage permission', () => {
  it('shows the results but no exemption action', async () => {
    const deny = 'DENY' as unknown as AuthorizeResult.DENY;
    const permissionApi = mockApis.permission({ authorize: deny });
    const authorize = jest.spyOn(permissionApi, 'authorize');
    const api = fakeRustBuildCacheApi({
      getEntityScorecard: async () =>
        scorecardOf('component:default/ledger-worker'),
      getPolicy: async () => ({ policy: POLICY, source: 'config' }),
    });

    await renderInTestApp(
      <TestApiProvider
        apis={[
          [rustBuildCacheApiRef, api],
          [permissionApiRef, permissionApi],
        ]}
      >
        <TabPolicyCard
          entityRef={{
            kind: 'Component',
            namespace: 'default',
            name: 'ledger-worker',
          }}
        />
      </TestApiProvider>,
    );

    // The level's title comes from the policy.
    await waitFor(() =>
      expect(screen.getByTestId('policy-level')).toHaveTextContent('Bronze'),
    );
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          permission: rustBuildCacheExemptionManagePermission,
        }),
      ),
    );
    expect(screen.getAllByText('Fail').length).toBeGreaterThan(0);
    expect(
      screen.queryByRole('button', { name: /Add exemption/ }),
    ).not.toBeInTheDocument();
  });
});
