import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { applySqliteSettings } from '../lib/sqliteSettings';

/** The plugin's migrations, one folder for the tables of every feature. */
export const MIGRATIONS_DIR = resolvePackagePath(
  '@rust-build-cache/plugin-rust-build-cache-backend',
  'migrations',
);

/**
 * The plugin's database client with every migration applied (unless the deployment
 * skips migrations). Called once at start; each feature's stores are then created on
 * the client it answers, so no store depends on another having been created first.
 */
export async function migrateDatabase(
  database: DatabaseService,
): Promise<Knex> {
  const client = await database.getClient();
  await applySqliteSettings(client);
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: MIGRATIONS_DIR });
  }
  return client;
}
