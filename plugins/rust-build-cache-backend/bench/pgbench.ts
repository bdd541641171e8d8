/*
 * The reference for the ingestion benchmark: what PostgreSQL itself does on this machine.
 * `pgbench`, 8 clients, for `--seconds` (default 15): one transaction of two inserts, a
 * 2.6 kB row with a unique key (as a stored report) and a small row (as a rollup), in a
 * fresh database that is dropped afterwards.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/pgbench.ts \
 *     [--connection=postgresql://postgres@127.0.0.1:5432/postgres] [--seconds=15] \
 *     [--database=rbc_bench_pgbench]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';
import { argValue, loadAverage, printFigures, round, runMain } from './lib';

const PGBENCH = process.env.PGBENCH ?? '/usr/lib/postgresql/15/bin/pgbench';

// 82 md5 hex strings: 2,624 characters that TOAST cannot compress away.
const SCRIPT = `
BEGIN;
INSERT INTO big_rows (key, body) VALUES (md5(random()::text || clock_timestamp()::text || :client_id), (SELECT string_agg(md5(random()::text), '') FROM generate_series(1, 82)));
INSERT INTO small_rows (n, at) VALUES (:client_id, now());
END;
`;

async function main() {
  const connection = argValue(
    'connection',
    'postgresql://postgres@127.0.0.1:5432/postgres',
  );
  const seconds = Number(argValue('seconds', '15'));
  const database = argValue('database', 'rbc_bench_pgbench');
  const admin = knexFactory({ client: 'pg', connection });
  const url = new URL(connection);
  url.pathname = `/${database}`;
  const directory = mkdtempSync(join(tmpdir(), 'rbc-pgbench-'));
  try {
    await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [database]);
    await admin.raw('CREATE DATABASE ??', [database]);
    const db = knexFactory({ client: 'pg', connection: url.toString() });
    try {
      await db.raw(
        'CREATE TABLE big_rows (id bigserial PRIMARY KEY, key text NOT NULL UNIQUE, body text NOT NULL)',
      );
      await db.raw(
        'CREATE TABLE small_rows (id bigserial PRIMARY KEY, n integer NOT NULL, at timestamptz NOT NULL)',
      );
    } finally {
      await db.destroy();
    }
    const script = join(directory, 'two-inserts.sql');
    writeFileSync(script, SCRIPT);
    const output = execFileSync(
      PGBENCH,
      [
        '-n',
        '-c',
        '8',
        '-j',
        '2',
        '-T',
        String(seconds),
        '-f',
        script,
        url.toString(),
      ],
      { encoding: 'utf8' },
    );
    const tps = Number(/tps = ([\d.]+)/.exec(output)?.[1]);
    if (!tps) throw new Error(`No tps in pgbench's output:\n${output}`);
    console.log(
      JSON.stringify({
        benchmark: 'pgbench',
        clients: 8,
        seconds,
        transactionsPerSecond: round(tps, 0),
        loadAverage: loadAverage(),
      }),
    );
    printFigures([
      {
        measure: 'pgbench two-insert transaction, 8 clients',
        value: round(tps, 0),
        unit: 'transactions/s',
      },
    ]);
  } finally {
    await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [database]);
    await admin.destroy();
    rmSync(directory, { recursive: true, force: true });
  }
}

runMain(main);
