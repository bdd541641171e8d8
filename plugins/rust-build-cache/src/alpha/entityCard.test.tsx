import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import { rustBuildCacheApiRef } from '../api';
import {
  annotatedService,
  unannotatedService,
} from '../__testUtils__/entities';
import { fakeRustBuildCacheApi } from '../__testUtils__/fakeRustBuildCacheApi';
import { rustBuildCacheEntityCard } from './entityCard';

describe('rustBuildCacheEntityCard (new frontend system)', () => {
  it('is offered only to annotated entities', () => {
    const tester = createExtensionTester(rustBuildCacheEntityCard);

    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(filter?.(annotatedService)).toBe(true);
    expect(filter?.(unannotatedService)).toBe(false);
  });

  it("is an info card, placed in the overview's side column near the top", () => {
    const tester = createExtensionTester(rustBuildCacheEntityCard);
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('info');

    const asContent = createExtensionTester(rustBuildCacheEntityCard, {
      config: { type: 'content' },
    });
    expect(asContent.get(EntityCardBlueprint.dataRefs.type)).toBe('content');
  });

  it('renders the card through the plugin API', async () => {
    const api = fakeRustBuildCacheApi({
      getTimeSeries: async () => ({
        entityRef: 'component:default/gateway',
        from: '2026-10-29T00:00:00.000Z',
        to: '2026-11-27T00:00:00.000Z',
        points: [],
      }),
      getEntityScorecard: async () => null,
    });
    const tester = createExtensionTester(rustBuildCacheEntityCard);

    renderInTestApp(
      <EntityProvider entity={annotatedService}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [[rustBuildCacheApiRef, api]] },
    );

    expect(
      await screen.findByText('No CI report yet', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(api.getTimeSeries).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'gateway' },
      { days: 30 },
    );
  });
});
