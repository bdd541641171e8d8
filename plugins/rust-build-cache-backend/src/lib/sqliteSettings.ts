import { Knex } from 'knex';

/**
 * SQLite's write-ahead log, synced at checkpoints rather than at every commit. Backstage
 * opens SQLite with the defaults (a rollback journal and `synchronous = FULL`): several
 * fsyncs per commit, and better-sqlite3 waits for them on the event loop, so every stored
 * batch of reports stalled the whole backend (55 % of the ingestion benchmark's time). With
 * WAL and `NORMAL` the database stays consistent after a crash; a power loss can drop the
 * last commits. `journal_mode` is kept in the file; `synchronous` is set per connection.
 */
export async function useSqliteWriteAheadLog(db: Knex): Promise<void> {
  if (!String(db.client.config.client).includes('sqlite')) return;
  db.client.pool?.on(
    'createSuccess',
    (_id: unknown, connection: { pragma?(source: string): unknown }) => {
      connection.pragma?.('synchronous = NORMAL');
    },
  );
  await db.raw('PRAGMA journal_mode = WAL');
  await db.raw('PRAGMA synchronous = NORMAL');
}
