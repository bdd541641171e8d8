import { Knex } from 'knex';
import {
  createTestStores,
  type TestStores,
  createTestDatabases,
} from '../__testUtils__/testDatabases';
import { EntityPullStatus } from './PullStateStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'DatabasePullStateStore (%s)',
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

    it('keeps one cursor per provider and repository', async () => {
      const key = {
        providerId: 'github-actions',
        repository: 'github.com/acme/platform',
      };
      expect(await store.pullState.getPullCursor(key)).toBeUndefined();

      await store.pullState.setPullCursor({ ...key, cursor: 'a' });
      await store.pullState.setPullCursor({ ...key, cursor: 'b' });
      await store.pullState.setPullCursor({
        providerId: 'other',
        repository: key.repository,
        cursor: 'c',
      });

      expect(await store.pullState.getPullCursor(key)).toBe('b');
      expect(await store.pullState.getPullCursor({ ...key, providerId: 'other' })).toBe(
        'c',
      );
      expect(Number((await knex('pull_cursors').count({ n: '*' }))[0].n)).toBe(
        2,
      );
    });

    it('records and replaces the pull status of entities', async () => {
      const first: EntityPullStatus = {
        entityRef: 'component:default/billing',
        providerId: 'github-actions',
        lastPulledAt: new Date('2026-11-27T10:00:00.000Z'),
        lastSuccessAt: null,
        lastIngested: 0,
        lastError: 'rate limited until 2026-11-27T11:00:00.000Z',
        rateLimitedUntil: new Date('2026-11-27T11:00:00.000Z'),
      };
      await store.pullState.upsertEntityPullStatuses({ statuses: [first] });
      expect(
        await store.pullState.getEntityPullStatus({ entityRef: first.entityRef }),
      ).toEqual(first);

      const second: EntityPullStatus = {
        ...first,
        lastPulledAt: new Date('2026-11-27T12:00:00.000Z'),
        lastSuccessAt: new Date('2026-11-27T12:00:00.000Z'),
        lastIngested: 3,
        lastError: null,
        rateLimitedUntil: null,
      };
      await store.pullState.upsertEntityPullStatuses({
        statuses: [second, { ...second, entityRef: 'component:default/x' }],
      });
      expect(
        await store.pullState.getEntityPullStatus({ entityRef: first.entityRef }),
      ).toEqual(second);
      expect(
        await store.pullState.getEntityPullStatus({ entityRef: 'component:default/y' }),
      ).toBeUndefined();
    });

    it('migrates the pull tables down again', async () => {
      const directory = `${__dirname}/../../migrations`;
      // Later migrations stay: each is undone by name.
      await knex.migrate.down({
        directory,
        name: '20261127180000_repository_snapshots.js',
      });
      expect(await knex.schema.hasTable('repository_snapshots')).toBe(false);
      expect(await knex.schema.hasTable('repository_snapshot_changes')).toBe(
        false,
      );
      expect(await knex.schema.hasTable('pull_cursors')).toBe(true);
      await knex.migrate.down({
        directory,
        name: '20261127120000_pull_state.js',
      });
      expect(await knex.schema.hasTable('pull_cursors')).toBe(false);
      expect(await knex.schema.hasTable('entity_pull_status')).toBe(false);
      expect(await knex.schema.hasTable('reports')).toBe(true);
    });
  },
);
