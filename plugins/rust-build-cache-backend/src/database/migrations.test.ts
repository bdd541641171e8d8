import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const migrationsDir = resolvePackagePath(
  '@rust-build-cache/plugin-rust-build-cache-backend',
  'migrations',
);

const databases = createTestDatabases();

const TABLES = ['reports', 'daily_rollups', 'entity_links'];

describe.each(databases.eachSupportedId())('migrations (%s)', databaseId => {
  let knex: Knex;

  beforeEach(async () => {
    knex = await databases.init(databaseId);
  });

  afterEach(async () => {
    await knex.destroy();
  });

  const existingTables = async () => {
    const exists = await Promise.all(
      TABLES.map(table => knex.schema.hasTable(table)),
    );
    return TABLES.filter((_, i) => exists[i]);
  };

  const reportRow = (id: string, idempotencyKey: string) => ({
    id,
    idempotency_key: idempotencyKey,
    repository: 'github.com/acme/platform',
    workspace_path: '.',
    kind: 'ci',
    provider: 'github-actions',
    run_id: '1',
    run_attempt: 1,
    job: 'build',
    finished_at: new Date('2026-11-01T10:00:00Z'),
    received_at: new Date('2026-11-01T10:00:01Z'),
    report_json: '{}',
  });

  it('creates the schema, enforces the idempotency key, and drops it all on the way down', async () => {
    await knex.migrate.up({ directory: migrationsDir });
    expect(await existingTables()).toEqual(TABLES);

    await knex('reports').insert(
      reportRow('6f0a1c2e-8b1d-4c55-9a43-1f7b5f2b9e01', 'k'),
    );
    // Not toThrow(): better-sqlite3's errors come from another realm than jest's Error.
    await expect(
      knex('reports').insert(
        reportRow('6f0a1c2e-8b1d-4c55-9a43-1f7b5f2b9e02', 'k'),
      ),
    ).rejects.toHaveProperty('message', expect.stringMatching(/unique/i));

    await knex.migrate.down({ directory: migrationsDir });
    expect(await existingTables()).toEqual([]);

    // And up again from nothing: down left no stray indexes or tables behind.
    await knex.migrate.latest({ directory: migrationsDir });
    expect(await existingTables()).toEqual(TABLES);
  });
});
