/*
 * Ingestion throughput: 8 (or --clients) concurrent HTTP clients on loopback POST
 * distinct reports to a real backend, with the static external-access token CI uses.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/ingest.ts \
 *     --db=postgres --connection=postgresql://postgres@127.0.0.1:5432/postgres \
 *     [--reports=5000] [--clients=8] [--port=7477]
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/ingest.ts --db=sqlite
 *
 * PostgreSQL: uses (and afterwards drops) the database rbc_bench_ingest_rust-build-cache.
 * SQLite: a fresh file per run in a temporary directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';
import {
  argValue,
  BenchDatabase,
  benchEntity,
  benchReport,
  round,
  runHttpLoad,
  startBenchBackend,
  summarise,
} from './lib';
import { readExampleReport } from '../src/__testUtils__/reports';

const ENTITIES = 100;
const WARMUP_REPORTS = 200;

async function main() {
  const db = argValue('db', 'postgres');
  const reports = Number(argValue('reports', '5000'));
  const clients = Number(argValue('clients', '8'));
  const port = Number(argValue('port', '7477'));
  const connection = argValue(
    'connection',
    'postgresql://postgres@127.0.0.1:5432/postgres',
  );
  const prefix = 'rbc_bench_ingest_';
  const pluginDatabase = `${prefix}rust-build-cache`;

  let database: BenchDatabase;
  let cleanUp: () => Promise<void>;
  if (db === 'postgres') {
    await dropDatabase(connection, pluginDatabase);
    database = { client: 'pg', connection, prefix };
    cleanUp = () => dropDatabase(connection, pluginDatabase);
  } else {
    const directory = mkdtempSync(join(tmpdir(), 'rbc-bench-sqlite-'));
    database = { client: 'better-sqlite3', directory };
    cleanUp = async () => rmSync(directory, { recursive: true, force: true });
  }

  const entities = Array.from({ length: ENTITIES }, (_, i) => benchEntity(i));
  const backend = await startBenchBackend({ port, database, entities });
  try {
    const example = readExampleReport();
    const now = Date.now();
    // Serialised up front: the clients measure the server, not JSON.stringify.
    const bodies = Array.from({ length: WARMUP_REPORTS + reports }, (_, i) =>
      JSON.stringify(
        benchReport(
          example,
          i % ENTITIES,
          `ingest-${i}`,
          new Date(now - (i % 86_400) * 1000),
        ),
      ),
    );
    const post = (from: number, count: number) =>
      runHttpLoad({
        baseUrl: backend.baseUrl,
        requests: bodies
          .slice(from, from + count)
          .map(body => ({ method: 'POST', path: '/reports', body })),
        concurrency: clients,
        expectStatus: 201,
      });

    await post(0, WARMUP_REPORTS);
    const { latencies, seconds } = await post(WARMUP_REPORTS, reports);

    console.log(
      JSON.stringify(
        {
          benchmark: 'ingest',
          database: db,
          clients,
          reports,
          reportBytes: bodies[0].length,
          seconds: round(seconds, 2),
          reportsPerSecond: round(reports / seconds, 0),
          latencyMs: summarise(latencies),
        },
        null,
        2,
      ),
    );
  } finally {
    await backend.stop();
    await cleanUp();
  }
}

async function dropDatabase(connection: string, name: string) {
  const admin = knexFactory({ client: 'pg', connection });
  try {
    await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
  } finally {
    await admin.destroy();
  }
}

// Exit explicitly: after stop() the backend's default services leave a timer behind
// that would keep the process alive for minutes.
main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
