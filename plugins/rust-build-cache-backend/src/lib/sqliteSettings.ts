import { Knex } from 'knex';

/**
 * Per connection: `synchronous` (see below), and a page cache and memory map large enough
 * for the policy evaluation's index scans. SQLite's default cache is 2 MB, so a full
 * evaluation (10,000 sources, ~110,000 rows found through an index) read almost every page
 * through a system call; with these, ~12 % less CPU for it (`docs/benchmarks.md`). Both
 * are upper limits: the cache grows only as pages are read, and the map is address space.
 */
const CONNECTION_PRAGMAS = [
  'synchronous = NORMAL',
  'cache_size = -65536', // KiB: 64 MiB
  'mmap_size = 1073741824', // 1 GiB
];

/**
 * SQLite's write-ahead log, synced at checkpoints rather than at every commit. Backstage
 * opens SQLite with the defaults (a rollback journal and `synchronous = FULL`): several
 * fsyncs per commit, and better-sqlite3 waits for them on the event loop, so every stored
 * batch of reports stalled the whole backend (55 % of the ingestion benchmark's time). With
 * WAL and `NORMAL` the database stays consistent after a crash; a power loss can drop the
 * last commits. `journal_mode` is kept in the file; the {@link CONNECTION_PRAGMAS} are set per
 * connection.
 */
export async function applySqliteSettings(db: Knex): Promise<void> {
  if (!String(db.client.config.client).includes('sqlite')) return;
  db.client.pool?.on(
    'createSuccess',
    (_id: unknown, connection: { pragma?(source: string): unknown }) => {
      for (const pragma of CONNECTION_PRAGMAS) connection.pragma?.(pragma);
    },
  );
  await db.raw('PRAGMA journal_mode = WAL');
  for (const pragma of CONNECTION_PRAGMAS) await db.raw(`PRAGMA ${pragma}`);
}
