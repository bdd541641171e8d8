/*
 * The write path alone, without HTTP: `DatabaseReportStore.insertRuns` of batches of
 * `--batch` distinct reports (default 4, the ingestion benchmark's average batch), one
 * batch after the other as the ingestion service writes them, into a freshly migrated
 * database (dropped afterwards). Measures reports/s and this process's CPU per report
 * (the database server's CPU is not in it): far less noisy on a shared machine than the
 * HTTP benchmark.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/ingestStore.ts \
 *     --db=postgres|sqlite [--connection=postgresql://postgres@127.0.0.1:5432/postgres] \
 *     [--reports=3000] [--batch=4] [--prefix=rbc_bench_ingest_store_]
 */
import { DatabaseService } from '@backstage/backend-plugin-api';
import knexFactory from 'knex';
import { openBenchDatabase } from './benchDatabase';
import {
  argValue,
  benchReport,
  loadAverage,
  printFigures,
  round,
  runMain,
} from './lib';
import { migrateDatabase } from '../src/database/migrations';
import { DatabaseReportStore } from '../src/reports/DatabaseReportStore';
import { toNewRun } from '../src/reports/ReportIngestionService';
import { readExampleReport } from '../src/__testUtils__/reports';

const WORKSPACES = 100;
const WARMUP_REPORTS = 200;

async function main() {
  const db = argValue('db', 'postgres');
  const reports = Number(argValue('reports', '3000'));
  const batch = Number(argValue('batch', '4'));
  const connection = argValue(
    'connection',
    'postgresql://postgres@127.0.0.1:5432/postgres',
  );
  const prefix = argValue('prefix', 'rbc_bench_ingest_store_');
  const { knex, cleanup } = await openBenchDatabase({
    db,
    connection,
    prefix,
    reuse: '',
    keep: false,
  });
  try {
    await migrateDatabase({
      getClient: async () => knex,
      migrations: { skip: false },
    } as DatabaseService);
    const store = await DatabaseReportStore.create(knex);
    const example = readExampleReport();
    const now = Date.now();
    const runs = Array.from({ length: WARMUP_REPORTS + reports }, (_, i) =>
      toNewRun(
        benchReport(
          example,
          i % WORKSPACES,
          `store-${i}`,
          new Date(now - (i % 86_400) * 1000),
        ),
        new Date(),
      ),
    );
    const write = async (from: number, count: number) => {
      for (let i = from; i < from + count; i += batch) {
        await store.insertRuns({
          runs: runs.slice(i, Math.min(i + batch, from + count)),
        });
      }
    };
    await write(0, WARMUP_REPORTS);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await write(WARMUP_REPORTS, reports);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const name = db === 'postgres' ? 'PostgreSQL' : 'SQLite';
    const reportsPerSecond = round(reports / seconds, 0);
    const cpuMsPerReport = round((cpu.user + cpu.system) / 1e3 / reports, 3);
    console.log(
      JSON.stringify({
        benchmark: 'ingest-store',
        database: db,
        reports,
        batch,
        seconds: round(seconds, 2),
        reportsPerSecond,
        msPerBatch: round((seconds * 1000 * batch) / reports, 2),
        cpuMsPerReport,
        loadAverage: loadAverage(),
      }),
    );
    printFigures([
      {
        measure: `store ${name}, batches of ${batch}`,
        value: reportsPerSecond,
        unit: 'reports/s',
      },
      {
        measure: `store ${name}, CPU per report`,
        value: cpuMsPerReport,
        unit: 'ms',
      },
    ]);
  } finally {
    await knex.destroy();
    await cleanup();
    if (db === 'postgres') {
      // openBenchDatabase keeps PostgreSQL databases for reuse; this one is not reused.
      const admin = knexFactory({ client: 'pg', connection });
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [
        `${prefix}rust-build-cache`,
      ]);
      await admin.destroy();
    }
  }
}

runMain(main);
