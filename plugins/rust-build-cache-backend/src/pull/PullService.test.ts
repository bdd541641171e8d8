import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { annotatedComponent } from '../__testUtils__/entities';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { PullProvider } from '@rust-build-cache/plugin-rust-build-cache-node';
import { Knex } from 'knex';
import {
  createTestStores,
  createTestDatabases,
} from '../__testUtils__/testDatabases';
import { ReportIngestionService } from '../reports/ReportIngestionService';
import { PullService } from './PullService';

jest.setTimeout(60_000);

const databases = createTestDatabases();

function entityOf(name: string, repository: string): Entity {
  return annotatedComponent({
    name,
    workspace: name,
    repository,
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  });
}

describe('PullService', () => {
  let knex: Knex;

  afterEach(async () => {
    await knex.destroy();
  });

  async function createService(provider: PullProvider, entities: Entity[]) {
    knex = await databases.init('SQLITE_3');
    const store = await createTestStores(knex);
    const service = new PullService({
      providers: [provider],
      store: store.pullState,
      ingestion: new ReportIngestionService(store.reports, {
        entityLinks: store.entityLinks,
      }),
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      concurrency: 2,
    });
    return { service, store };
  }

  it('pulls each repository once, at most `concurrency` at a time, and records failures per entity', async () => {
    let running = 0;
    let maxRunning = 0;
    const pulled: string[] = [];
    const provider: PullProvider = {
      id: 'fake',
      supports: () => true,
      async pull({ repository, cursor }) {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        await new Promise(resolve => setTimeout(resolve, 20));
        running -= 1;
        pulled.push(repository);
        if (repository === 'git.test/acme/broken') {
          throw new Error('boom');
        }
        return { cursor: `${cursor ?? ''}+`, ingested: 0, errors: [] };
      },
    };
    const { service, store } = await createService(provider, [
      entityOf('a', 'git.test/acme/one'),
      entityOf('b', 'git.test/acme/one'),
      entityOf('c', 'git.test/acme/two'),
      entityOf('d', 'git.test/acme/three'),
      entityOf('e', 'git.test/acme/broken'),
    ]);

    expect(await service.pullAll()).toEqual({ repositories: 4 });
    expect(maxRunning).toBe(2);
    expect(pulled.sort()).toEqual([
      'git.test/acme/broken',
      'git.test/acme/one',
      'git.test/acme/three',
      'git.test/acme/two',
    ]);
    expect(
      await store.pullState.getPullCursor({
        providerId: 'fake',
        repository: 'git.test/acme/one',
      }),
    ).toBe('+');
    expect(
      await store.pullState.getEntityPullStatus({ entityRef: 'component:default/b' }),
    ).toMatchObject({ lastError: null, lastSuccessAt: expect.any(Date) });
    expect(
      await store.pullState.getEntityPullStatus({ entityRef: 'component:default/e' }),
    ).toMatchObject({ lastError: 'boom', lastSuccessAt: null });

    await service.pullAll();
    expect(
      await store.pullState.getPullCursor({
        providerId: 'fake',
        repository: 'git.test/acme/one',
      }),
    ).toBe('++');
  });
});
