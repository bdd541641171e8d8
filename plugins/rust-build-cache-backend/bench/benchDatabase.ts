/*
 * The database a benchmark seeds and measures: `<prefix>rust-build-cache` on PostgreSQL
 * (recreated unless reused), or a SQLite file in a temporary (or reused) directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory, { Knex } from 'knex';
import type { BenchDatabase } from './lib';

export async function openBenchDatabase(options: {
  db: string;
  connection: string;
  prefix: string;
  /** PostgreSQL: non-empty keeps the existing database; SQLite: a kept directory. */
  reuse: string;
  /** SQLite: keep the directory at clean-up (and print it). */
  keep: boolean;
}): Promise<{
  knex: Knex;
  database: BenchDatabase;
  cleanup: () => Promise<void>;
}> {
  const { connection, prefix, reuse } = options;
  if (options.db === 'postgres') {
    const databaseName = `${prefix}rust-build-cache`;
    if (!reuse) {
      const admin = knexFactory({ client: 'pg', connection });
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [
        databaseName,
      ]);
      await admin.raw('CREATE DATABASE ??', [databaseName]);
      await admin.destroy();
    }
    const url = new URL(connection);
    url.pathname = `/${databaseName}`;
    return {
      knex: knexFactory({ client: 'pg', connection: url.toString() }),
      database: { client: 'pg', connection, prefix },
      cleanup: async () => {},
    };
  }
  const directory = reuse || mkdtempSync(join(tmpdir(), prefix));
  return {
    knex: knexFactory({
      client: 'better-sqlite3',
      connection: { filename: join(directory, 'rust-build-cache.sqlite') },
      useNullAsDefault: true,
    }),
    database: { client: 'better-sqlite3', directory },
    cleanup: async () => {
      if (!options.keep) rmSync(directory, { recursive: true, force: true });
      else console.log(JSON.stringify({ kept: directory }));
    },
  };
}
