import type { Entity } from '@backstage/catalog-model';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import { rustBuildCacheApiRef } from '../api';
import { fakeRustBuildCacheApi } from '../__testUtils__/fakeRustBuildCacheApi';
import { rustBuildCacheEntityContent } from './entityContent';

const rustService: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'gateway',
    annotations: { 'rust-build-cache/workspace': 'services/gateway' },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'platform' },
};

const otherService: Entity = {
  ...rustService,
  metadata: { name: 'frontend', annotations: {} },
};

describe('rustBuildCacheEntityContent (new frontend system)', () => {
  it('is a "Build cache" tab at build-cache, offered only to annotated entities', () => {
    const tester = createExtensionTester(rustBuildCacheEntityContent);

    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Build cache',
    );
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter?.(rustService)).toBe(true);
    expect(filter?.(otherService)).toBe(false);
  });

  it('renders the tab through the plugin API', async () => {
    const api = fakeRustBuildCacheApi({
      getLatestRun: async () => null,
      getRefreshSources: async () => ({
        pullProvider: null,
        repositorySnapshot: false,
      }),
      getPullStatus: async () => null,
      getRepositorySnapshot: async () => ({ snapshot: null, history: [] }),
      getEntityScorecard: async () => null,
    });
    const tester = createExtensionTester(rustBuildCacheEntityContent);

    renderInTestApp(
      <EntityProvider entity={rustService}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [[rustBuildCacheApiRef, api]] },
    );

    expect(
      await screen.findByText(
        'No build cache reports yet',
        {},
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    expect(api.getLatestRun).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'gateway',
    });
    expect(
      await screen.findByTestId(
        'scorecard-not-evaluated',
        {},
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
  });
});
