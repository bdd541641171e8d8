/*
 * Fleet insights at 10,000 services: seeds CI reports through the plugin's write path
 * (bench/seed.ts's seedReports: toNewRun + insertRuns), links every workspace to its
 * entity, starts a real backend on the database and measures the four fleet routes.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/fleet.ts \
 *     --db=postgres --connection=postgresql://postgres@127.0.0.1:5432/postgres
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/fleet.ts --db=sqlite
 *     [--entities=10000] [--days=30] [--per-day=1] [--requests=500] [--port=7481]
 *     [--settle=40] [--refresh=300] [--reuse=yes|<sqlite dir>] [--keep=no|yes]
 *
 * The reports are the common package's example report (real sccache 0.4.0 output) made
 * into a fleet: 200 Cargo.lock fingerprints (50 services each), rustc 1.95.0 for most,
 * 1.94.0 for every 10th entity and a nightly for every 25th (all pinned to 1.95.0),
 * RUSTFLAGS set in every 7th and (another value) every 11th, the release profile in every
 * 13th; every 5th run of an entity is cold (40 Rust misses, 120 compile seconds, 40 slow
 * library units from a pool of 300 crates), the others warm (50 hits).
 *
 * Each view's first request computes it (timed on its own); then 200 warm-up requests and
 * `--requests` measured ones with 4 clients. `--settle` seconds after start are waited for
 * first, so the policy's start-up evaluation of every entity does not run during the
 * measurement. `--refresh=0` (rustBuildCache.fleet.refreshSeconds) makes every request
 * start a recomputation in the background when none is running: the worst case.
 */
import { createHash } from 'node:crypto';
import { BuildCacheReport } from '@rust-build-cache/plugin-rust-build-cache-common';
import { readExampleReport } from '../src/__testUtils__/reports';
import { DatabaseEntityLinkStore } from '../src/catalog/DatabaseEntityLinkStore';
import { migrateDatabase } from '../src/database/migrations';
import { DatabaseReportStore } from '../src/reports/DatabaseReportStore';
import { measureFirstRequest, measureQueryLoad } from './httpLoad';
import {
  argValue,
  benchEntity,
  benchEntityName,
  benchReport,
  round,
  runMain,
  startBenchBackend,
} from './lib';
import { openBenchDatabase } from './benchDatabase';
import { seedReports } from './seed';

const PREFIX = 'rbc_bench_fleet_';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

function fleetReport(
  example: BuildCacheReport,
  entity: number,
  slot: number,
  finishedAt: Date,
): BuildCacheReport {
  const report = benchReport(
    example,
    entity,
    `fleet-${slot}-${entity}`,
    finishedAt,
  );
  const rustc = example.toolchain.rustc!;
  let release = '1.95.0';
  if (entity % 25 === 0) release = '1.97.0-nightly';
  else if (entity % 10 === 0) release = '1.94.0';
  const cold = (slot + entity) % 5 === 0;
  const sccache = example.sccache!;
  return {
    ...report,
    toolchain: { ...report.toolchain, rustc: { ...rustc, release } },
    dependencies: {
      ...report.dependencies!,
      fingerprint: sha(`dependency set ${entity % 200}`),
    },
    build: {
      ...report.build,
      cargoProfile: entity % 13 === 0 ? 'release' : 'dev',
      env: {
        ...report.build.env,
        rustflags:
          entity % 7 === 0 || entity % 11 === 0
            ? { set: true, sha256: sha(entity % 7 === 0 ? '-C a' : '-C b') }
            : { set: false, sha256: null },
      },
    },
    sccache: {
      ...sccache,
      counters: {
        ...sccache.counters,
        hits: { Rust: cold ? 10 : 50 },
        misses: cold ? { Rust: 40 } : {},
      },
      durations: { ...sccache.durations, compilerWriteSeconds: cold ? 120 : 0 },
    },
    timings: {
      totalSeconds: cold ? 95 : 12,
      unitCount: 60,
      slowest: Array.from({ length: 40 }, (_, i) => ({
        name: `crate-${(entity * 7 + i * 13) % 300}`,
        version: '1.0.0',
        target: 'lib',
        mode: 'todo',
        seconds: cold ? 0.5 + ((entity + i) % 10) : 0.05,
      })),
    },
  };
}

async function main() {
  const db = argValue('db', 'postgres');
  const connection = argValue(
    'connection',
    'postgresql://postgres@127.0.0.1:5432/postgres',
  );
  const entities = Number(argValue('entities', '10000'));
  const days = Number(argValue('days', '30'));
  const perDay = Number(argValue('per-day', '1'));
  const requests = Number(argValue('requests', '500'));
  const port = Number(argValue('port', '7481'));
  const settle = Number(argValue('settle', '40'));
  const reuse = argValue('reuse', '');

  const { knex, database, cleanup } = await openBenchDatabase({
    db,
    connection,
    prefix: PREFIX,
    reuse: reuse,
    keep: argValue('keep', 'no') !== 'no',
  });

  const entityList = Array.from({ length: entities }, (_, i) => benchEntity(i));
  try {
    if (!reuse) {
      const migrated = await migrateDatabase({ getClient: async () => knex });
      const store = await DatabaseReportStore.create(migrated);
      const example = readExampleReport();
      const seeded = await seedReports({
        store,
        entities,
        days,
        perDay,
        report: (entity, slot, finishedAt) =>
          fleetReport(example, entity, slot, finishedAt),
      });
      await (
        await DatabaseEntityLinkStore.create(migrated)
      ).replaceEntityLinks({
        links: entityList.map((_, i) => ({
          entityRef: `component:default/${benchEntityName(i)}`,
          source: {
            repository: 'github.com/bench/monorepo',
            workspacePath: `services/${benchEntityName(i)}`,
          },
        })),
      });
      if (db === 'postgres') await knex.raw('VACUUM ANALYZE');
      console.log(
        JSON.stringify({
          step: 'seed',
          db,
          entities,
          reports: seeded.inserted,
          seconds: round(seeded.seconds),
        }),
      );
    }
  } finally {
    await knex.destroy();
  }

  const backend = await startBenchBackend({
    port,
    database,
    entities: entityList,
    config: {
      rustBuildCache: {
        snapshot: { enabled: false },
        fleet: { refreshSeconds: Number(argValue('refresh', '300')) },
        policy: {
          baseline: { rustRelease: '1.95.0' },
          rules: [{ id: 'toolchain-pin-matches-ci', severity: 'error' }],
          levels: [
            {
              id: 'bronze',
              title: 'Bronze',
              rules: ['toolchain-pin-matches-ci'],
            },
          ],
        },
      },
    },
  });
  try {
    await new Promise(resolve => setTimeout(resolve, settle * 1000));
    const queries: Record<string, string> = {
      // Control: a small read with the same authentication and permission check, to tell
      // the machine's load from the fleet views' own cost.
      'policy (control)': '/policy',
      'fleet/compile-time?days=30': '/fleet/compile-time?days=30',
      'fleet/toolchains': '/fleet/toolchains',
      'fleet/fragmentation': '/fleet/fragmentation',
      'fleet/time-saved?weeks=12': '/fleet/time-saved?weeks=12',
    };
    for (const [name, path] of Object.entries(queries)) {
      const { baseUrl } = backend;
      await measureFirstRequest({
        baseUrl,
        db,
        path,
        query: `${name}, first request (computed)`,
      });
      await measureQueryLoad({
        baseUrl,
        db,
        query: name,
        path: () => path,
        requests,
      });
    }
  } finally {
    await backend.stop();
    await cleanup();
  }
}

runMain(main);
