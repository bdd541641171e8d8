import { RepositorySnapshot } from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import {
  createTestStores,
  type TestStores,
  createTestDatabases,
} from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const source = { repository: 'github.com/acme/platform', workspacePath: '.' };
const other = { ...source, workspacePath: 'services/api' };

const snapshot = (readAt: string): RepositorySnapshot => ({
  ...source,
  readAt,
  toolchainFile: null,
  dependencies: null,
  cargoLockCommitted: false,
  profiles: {},
  workflows: null,
  problems: [`read at ${readAt}`],
});

describe.each(databases.eachSupportedId())(
  'DatabaseSnapshotStore (%s)',
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

    it('keeps the latest snapshot per workspace and appends the changes', async () => {
      expect(await store.snapshots.getRepositorySnapshot({ source })).toBeUndefined();

      await store.snapshots.saveRepositorySnapshot({
        source,
        snapshot: snapshot('2026-11-27T10:00:00.000Z'),
        changes: [],
      });
      await store.snapshots.saveRepositorySnapshot({
        source,
        snapshot: snapshot('2026-11-27T16:00:00.000Z'),
        changes: [
          {
            at: '2026-11-27T16:00:00.000Z',
            field: 'toolchain',
            from: '1.94.0',
            to: '1.95.0',
          },
          {
            at: '2026-11-27T16:00:00.000Z',
            field: 'dependencies',
            from: null,
            to: 'a'.repeat(64),
          },
        ],
      });
      await store.snapshots.saveRepositorySnapshot({
        source,
        snapshot: snapshot('2026-11-27T22:00:00.000Z'),
        changes: [
          {
            at: '2026-11-27T22:00:00.000Z',
            field: 'dependencies',
            from: 'a'.repeat(64),
            to: 'b'.repeat(64),
          },
        ],
      });
      await store.snapshots.saveRepositorySnapshot({
        source: other,
        snapshot: { ...snapshot('2026-11-27T23:00:00.000Z'), ...other },
        changes: [
          {
            at: '2026-11-27T23:00:00.000Z',
            field: 'toolchain',
            from: null,
            to: 'stable',
          },
        ],
      });

      expect(await store.snapshots.getRepositorySnapshot({ source })).toEqual(
        snapshot('2026-11-27T22:00:00.000Z'),
      );
      expect(
        Number((await knex('repository_snapshots').count({ n: '*' }))[0].n),
      ).toBe(2);

      // Newest first; within one snapshot, the later-inserted change first.
      expect(
        await store.snapshots.listRepositorySnapshotChanges({ source, limit: 10 }),
      ).toEqual([
        {
          at: '2026-11-27T22:00:00.000Z',
          field: 'dependencies',
          from: 'a'.repeat(64),
          to: 'b'.repeat(64),
        },
        {
          at: '2026-11-27T16:00:00.000Z',
          field: 'dependencies',
          from: null,
          to: 'a'.repeat(64),
        },
        {
          at: '2026-11-27T16:00:00.000Z',
          field: 'toolchain',
          from: '1.94.0',
          to: '1.95.0',
        },
      ]);
      expect(
        await store.snapshots.listRepositorySnapshotChanges({ source, limit: 1 }),
      ).toHaveLength(1);
      expect(
        await store.snapshots.listRepositorySnapshotChanges({ source: other, limit: 10 }),
      ).toEqual([
        expect.objectContaining({ field: 'toolchain', to: 'stable' }),
      ]);
    });
  },
);
