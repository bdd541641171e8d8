import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import { rustBuildCacheApiRef } from '../api';
import {
  annotatedService,
  unannotatedService,
} from '../__testUtils__/entities';
import { fakeRustBuildCacheApi } from '../__testUtils__/fakeRustBuildCacheApi';
import { rustBuildCacheEntityContent } from './entityContent';

describe('rustBuildCacheEntityContent (new frontend system)', () => {
  it('is a "Build cache" tab at build-cache, offered only to annotated entities', () => {
    const tester = createExtensionTester(rustBuildCacheEntityContent);

    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Build cache',
    );
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter?.(annotatedService)).toBe(true);
    expect(filter?.(unannotatedService)).toBe(false);
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
      <EntityProvider entity={annotatedService}>
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
