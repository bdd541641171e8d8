import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DatabaseRustBuildCacheStore } from '../database/DatabaseRustBuildCacheStore';

export { createTestDatabases } from '@rust-build-cache/plugin-rust-build-cache-node/testUtils';

/** The plugin's store on a test database, migrated as the plugin does at start. */
export function createMigratedStore(
  knex: Knex,
): Promise<DatabaseRustBuildCacheStore> {
  return DatabaseRustBuildCacheStore.create({
    database: mockServices.database({ knex, migrations: { skip: false } }),
  });
}
