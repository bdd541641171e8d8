import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import {
  createTestStores,
  type TestStores,
  createTestDatabases,
} from '../__testUtils__/testDatabases';
import { EntityLinkService } from './EntityLinkService';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const billingSource = {
  repository: 'github.com/acme/platform',
  workspacePath: 'services/billing',
};

function rustService(name: string, workspace: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'rust-build-cache/workspace': workspace,
        'github.com/project-slug': 'acme/platform',
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

/** A catalog whose entities a test can change, or make fail, between calls. */
function fakeCatalog(state: { entities: Entity[]; failure?: Error }) {
  return {
    async *streamEntities() {
      if (state.failure) throw state.failure;
      yield state.entities;
    },
  } as unknown as CatalogService;
}

describe.each(databases.eachSupportedId())(
  'EntityLinkService (%s)',
  databaseId => {
    let knex: Knex;
    let store: TestStores;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      store = await createTestStores(knex);
    });
    afterEach(async () => {
      await knex.destroy();
    });

    function service(catalog: CatalogService, minRebuildOnPushIntervalMs = 0) {
      const linked: string[][] = [];
      const links = new EntityLinkService({
        store: store.entityLinks,
        catalog,
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        onLinked: refs => linked.push(refs),
        minRebuildOnPushIntervalMs,
      });
      return { links, linked };
    }

    it('tells onLinked about entities that got a link, once', async () => {
      const state = { entities: [rustService('billing', 'services/billing')] };
      const { links, linked } = service(fakeCatalog(state));
      await links.refreshLinks();
      expect(linked).toEqual([['component:default/billing']]);

      // A newly registered entity is the only news of the next refresh.
      state.entities.push(rustService('gateway', 'services/gateway'));
      await links.refreshLinks();
      expect(linked).toEqual([
        ['component:default/billing'],
        ['component:default/gateway'],
      ]);
      await links.refreshLinks();
      expect(linked).toHaveLength(2);
    });

    it('links on the first push after the entity was registered', async () => {
      const { links, linked } = service(
        fakeCatalog({ entities: [rustService('billing', 'services/billing')] }),
      );
      expect(await links.linkOnPush(billingSource)).toEqual({
        entityRef: 'component:default/billing',
        entityStatus: 'linked',
      });
      expect(linked).toEqual([['component:default/billing']]);
    });

    it('links the first push of an entity registered since the last rebuild', async () => {
      // As in a new app: the link task runs at start, before the catalog has read the
      // entity, and CI pushes less than a minute later.
      const state: { entities: Entity[] } = { entities: [] };
      const { links } = service(fakeCatalog(state));
      await links.refreshLinks();
      state.entities.push(rustService('billing', 'services/billing'));
      expect(await links.linkOnPush(billingSource)).toEqual({
        entityRef: 'component:default/billing',
        entityStatus: 'linked',
      });
      const [link] = (await links.linkOnPushMany([billingSource])).values();
      expect(link.entityStatus).toBe('linked');
    });

    it('rebuilds on push once a minute per unlinked source, at most every 5 s', async () => {
      let streams = 0;
      const catalog = {
        async *streamEntities() {
          streams += 1;
          yield [];
        },
      } as unknown as CatalogService;
      const { links } = service(catalog, 5_000);
      await links.refreshLinks();
      // Within 5 s of the last rebuild even a new source does not rebuild.
      expect((await links.linkOnPush(billingSource)).entityStatus).toBe(
        'no-entity',
      );
      expect(streams).toBe(1);

      const eager = service(catalog).links;
      streams = 0;
      await eager.linkOnPush(billingSource);
      await eager.linkOnPush(billingSource); // the same source again: no rebuild
      expect(streams).toBe(1);
      await eager.linkOnPushMany([
        billingSource,
        { ...billingSource, workspacePath: 'services/gateway' },
      ]); // one new source in the batch: one rebuild
      expect(streams).toBe(2);
    });

    it('says no-entity when the catalog has none for the source', async () => {
      const { links } = service(fakeCatalog({ entities: [] }));
      expect(await links.linkOnPush(billingSource)).toEqual({
        entityRef: null,
        entityStatus: 'no-entity',
      });
    });

    it('says linking-pending when the catalog cannot be asked now', async () => {
      const { links } = service(
        fakeCatalog({ entities: [], failure: new Error('catalog is down') }),
      );
      expect(await links.linkOnPush(billingSource)).toEqual({
        entityRef: null,
        entityStatus: 'linking-pending',
      });
    });

    it('shares one rebuild between concurrent pushes', async () => {
      let streams = 0;
      const catalog = {
        async *streamEntities() {
          streams += 1;
          await new Promise(resolve => setTimeout(resolve, 50));
          yield [];
        },
      } as unknown as CatalogService;
      const { links } = service(catalog);
      await Promise.all([
        links.linkOnPush(billingSource),
        links.linkOnPush(billingSource),
        links.linkOnPush(billingSource),
      ]);
      expect(streams).toBe(1);
    });
  },
);
