/*
 * Seeds PostgreSQL for bench/query.ts through the plugin's own write path
 * (toNewRun + DatabaseReportStore.insertRuns, as POST /reports uses), in batches.
 * Rows arrive in time order across entities, as CI would send them, so an entity's runs
 * are spread over the table rather than stored together.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/seed.ts \
 *     --connection=postgresql://postgres@127.0.0.1:5432/postgres \
 *     [--entities=2000] [--days=90] [--per-day=20] [--from-slot=0] [--to-slot=1800]
 *     [--concurrency=2]
 *     [--prefix=rbc_bench_query_]
 *
 * Writes into the database <prefix>rust-build-cache (created if missing), the one the
 * backend of bench/query.ts uses with the same --prefix. Re-running is safe: runs are idempotent, and
 * --from-slot resumes after an interruption (a slot is one report of every entity).
 * bench/fleet.ts seeds its own database with `seedReports`.
 */
import { BuildCacheReport } from '@rust-build-cache/plugin-rust-build-cache-common';
import knexFactory from 'knex';
import { migrateDatabase } from '../src/database/migrations';
import { DatabaseReportStore } from '../src/reports/DatabaseReportStore';
import { toNewRun } from '../src/reports/ReportIngestionService';
import {
  argValue,
  benchReport,
  QUERY_BENCH_PREFIX,
  round,
  runMain,
} from './lib';
import { readExampleReport } from '../src/__testUtils__/reports';

const DAY_MS = 24 * 60 * 60 * 1000;

async function main() {
  const connection = argValue(
    'connection',
    'postgresql://postgres@127.0.0.1:5432/postgres',
  );
  const entities = Number(argValue('entities', '2000'));
  const days = Number(argValue('days', '90'));
  const perDay = Number(argValue('per-day', '20'));
  const fromSlot = Number(argValue('from-slot', '0'));
  // With --to-slot, several processes can seed disjoint ranges of slots at once.
  const toSlot = Number(argValue('to-slot', String(days * perDay)));
  const concurrency = Number(argValue('concurrency', '2'));
  const databaseName = `${argValue(
    'prefix',
    QUERY_BENCH_PREFIX,
  )}rust-build-cache`;

  const admin = knexFactory({ client: 'pg', connection });
  const existing = await admin('pg_database').where('datname', databaseName);
  if (existing.length === 0) {
    await admin.raw('CREATE DATABASE ??', [databaseName]);
  }
  await admin.destroy();

  const url = new URL(connection);
  url.pathname = `/${databaseName}`;
  const knex = knexFactory({
    client: 'pg',
    connection: url.toString(),
    pool: { min: 0, max: concurrency },
  });
  const store = await DatabaseReportStore.create(
    await migrateDatabase({ getClient: async () => knex }),
  );

  const example = readExampleReport();
  const { inserted, seconds } = await seedReports({
    store,
    entities,
    days,
    perDay,
    fromSlot,
    toSlot,
    concurrency,
    report: (entity, slot, finishedAt) =>
      benchReport(example, entity, `seed-${slot}-${entity}`, finishedAt),
  });
  console.log(
    JSON.stringify({
      benchmark: 'seed',
      entities,
      days,
      perDay,
      fromSlot,
      reports: inserted,
      seconds: round(seconds, 0),
      reportsPerSecond: round(inserted / seconds, 0),
    }),
  );
  // Statistics for the planner: the CI machines' PostgreSQL runs without autovacuum, and
  // without them the query benchmark measures plans made for empty tables.
  await knex.raw('VACUUM ANALYZE');
  await knex.destroy();
}

/**
 * Stores `days × perDay` slots of one report per entity through the plugin's write path
 * (toNewRun + insertRuns), in time order across entities: slot s is day s / perDay back,
 * spread over the day, today's last slot ending an hour ago. `report` makes entity
 * `entity`'s report of a slot. Logs progress every 20 slots.
 */
export async function seedReports(options: {
  store: Pick<DatabaseReportStore, 'insertRuns'>;
  entities: number;
  days: number;
  perDay: number;
  fromSlot?: number;
  /** Stops before this slot (default: every slot of the days). */
  toSlot?: number;
  concurrency?: number;
  report: (entity: number, slot: number, finishedAt: Date) => BuildCacheReport;
}): Promise<{ inserted: number; seconds: number }> {
  const { store, entities, days, perDay } = options;
  const end = Date.now() - 3600_000;
  const slots = Math.min(options.toSlot ?? days * perDay, days * perDay);
  const slotTime = (slot: number) => {
    const daysBack = days - 1 - Math.floor(slot / perDay);
    const withinDay = (slot % perDay) * Math.floor(DAY_MS / perDay);
    return new Date(end - daysBack * DAY_MS - DAY_MS + withinDay + 1);
  };
  const started = performance.now();
  let inserted = 0;
  let nextSlot = options.fromSlot ?? 0;
  await Promise.all(
    Array.from({ length: options.concurrency ?? 2 }, async () => {
      while (nextSlot < slots) {
        const slot = nextSlot++;
        const finishedAt = slotTime(slot);
        const receivedAt = new Date(finishedAt.getTime() + 5000);
        for (let from = 0; from < entities; from += 2000) {
          const runs = Array.from(
            { length: Math.min(2000, entities - from) },
            (_, i) =>
              toNewRun(options.report(from + i, slot, finishedAt), receivedAt),
          );
          await store.insertRuns({ runs });
          inserted += runs.length;
        }
        if (slot % 20 === 0) {
          const seconds = (performance.now() - started) / 1000;
          console.log(
            `slot ${slot}/${slots}: ${inserted} reports in ${round(
              seconds,
              0,
            )} s, ${round(inserted / seconds, 0)} reports/s`,
          );
        }
      }
    }),
  );
  return { inserted, seconds: (performance.now() - started) / 1000 };
}

if (require.main === module) runMain(main);
