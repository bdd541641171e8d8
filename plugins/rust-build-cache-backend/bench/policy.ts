/*
 * Policy scorecards: the full evaluation of 10,000 entities × 12 rules with 30 CI runs
 * each, then the scorecards API (summary and entity pages) over HTTP on a real backend with
 * the evaluated database.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/policy.ts \
 *     --db=postgres --connection=postgresql://postgres@127.0.0.1:5432/postgres
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/policy.ts --db=sqlite
 *     [--entities=10000] [--runs=30] [--window=10] [--evaluations=3] [--requests=500]
 *     [--port=7479] [--api=yes|no] [--keep=no|yes]
 *
 * 1. Seeds through the plugin's write path (toNewRun + insertRuns, as POST /reports does):
 *    `runs` CI reports per entity (the real example report, with a RUSTFLAGS change in every
 *    fifth entity and incremental compilation switched off in every third), a repository
 *    snapshot per entity, and 1,000 active exemptions.
 * 2. Times `PolicyService.evaluateAll()` (`--evaluations` times): it reads the entities from
 *    an in-memory catalog, the reports, snapshots and exemptions from the database in
 *    batches, evaluates all 12 built-in rules and upserts the results and daily snapshots.
 * 3. Starts a real backend on the same database and measures the scorecards API.
 *
 * PostgreSQL: uses (and drops first) the database rbc_bench_policy_rust-build-cache, and
 * leaves it; `--reuse=yes` evaluates it again without seeding.
 * SQLite: a temporary directory, deleted at the end unless `--keep=yes`; `--reuse=<dir>`
 * evaluates a kept one again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  BuildCacheReport,
  PolicyConfig,
  validatePolicy,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import knexFactory, { Knex } from 'knex';
import { readExampleReport } from '../src/__testUtils__/reports';
import { DatabaseRustBuildCacheStore } from '../src/database/DatabaseRustBuildCacheStore';
import { DatabasePolicyStore } from '../src/policy/DatabasePolicyStore';
import { PolicyService } from '../src/policy/PolicyService';
import { toNewRun } from '../src/reports/ReportIngestionService';
import {
  argValue,
  BenchDatabase,
  benchEntity,
  benchEntityName,
  benchReport,
  round,
  runHttpLoad,
  startBenchBackend,
  summarise,
} from './lib';

const PREFIX = 'rbc_bench_policy_';
/** How many of the latest CI runs the windowed rules look at (their default is 10). */
const WINDOW = Number(argValue('window', '10'));
const DAY_MS = 24 * 60 * 60 * 1000;

/** All 12 built-in rules, as an organisation would configure them. */
const POLICY_CONFIG = {
  baseline: { rustRelease: '1.95.0' },
  rules: [
    { id: 'reports-fresh', severity: 'warning', params: { maxAgeDays: 7 } },
    { id: 'rustc-wrapper-sccache', severity: 'error' },
    { id: 'cargo-lock-committed', severity: 'error' },
    { id: 'cargo-incremental-off', severity: 'error' },
    { id: 'toolchain-pinned-exact', severity: 'error' },
    { id: 'toolchain-near-baseline', severity: 'warning' },
    { id: 'toolchain-pin-matches-ci', severity: 'error' },
    { id: 'cache-size-bounded', severity: 'warning' },
    {
      id: 'cache-errors-bounded',
      severity: 'warning',
      params: { runs: WINDOW },
    },
    {
      id: 'effective-hit-rate',
      severity: 'error',
      params: { threshold: 0.6, runs: WINDOW, minRuns: 5 },
    },
    { id: 'rustflags-stable', severity: 'warning', params: { runs: WINDOW } },
    { id: 'prewarm-enrolled', severity: 'warning' },
  ],
  levels: [
    {
      id: 'bronze',
      title: 'Bronze',
      rules: ['reports-fresh', 'rustc-wrapper-sccache', 'cargo-lock-committed'],
    },
    {
      id: 'silver',
      title: 'Silver',
      rules: [
        'cargo-incremental-off',
        'toolchain-pinned-exact',
        'toolchain-pin-matches-ci',
        'cache-size-bounded',
        'cache-errors-bounded',
      ],
    },
    {
      id: 'gold',
      title: 'Gold',
      rules: [
        'effective-hit-rate',
        'rustflags-stable',
        'toolchain-near-baseline',
        'prewarm-enrolled',
      ],
    },
  ],
};

function seededReport(
  example: BuildCacheReport,
  entity: number,
  run: number,
  finishedAt: Date,
): BuildCacheReport {
  const report = benchReport(
    example,
    entity,
    `policy-${run}-${entity}`,
    finishedAt,
  );
  const changesFlags = entity % 5 === 0 && run % 10 === 0;
  const incrementalOff = entity % 3 === 0;
  if (!changesFlags && !incrementalOff) return report;
  return {
    ...report,
    build: {
      ...report.build,
      env: {
        ...report.build.env,
        cargoIncremental: incrementalOff
          ? '0'
          : report.build.env.cargoIncremental,
        rustflags: changesFlags
          ? { set: true, sha256: `${run}`.padStart(64, '0') }
          : report.build.env.rustflags,
      },
    },
  };
}

async function seed(knex: Knex, entities: number, runs: number) {
  const store = await DatabaseRustBuildCacheStore.create({
    database: { getClient: async () => knex },
  });
  const example = readExampleReport();
  const end = Date.now() - 3600_000;
  const started = performance.now();
  // One run of every entity per batch, oldest first: an entity's rows spread over the table.
  for (let run = 0; run < runs; run++) {
    const finishedAt = new Date(end - (runs - 1 - run) * (DAY_MS / 4));
    for (let from = 0; from < entities; from += 2000) {
      const batch = Array.from(
        { length: Math.min(2000, entities - from) },
        (_, i) =>
          toNewRun(
            seededReport(example, from + i, run, finishedAt),
            new Date(finishedAt.getTime() + 5000),
          ),
      );
      await store.insertRuns({ runs: batch });
    }
  }
  const snapshots = Array.from({ length: entities }, (_, i) => ({
    repository: 'github.com/bench/monorepo',
    workspace_path: `services/${benchEntityName(i)}`,
    read_at: new Date(end),
    snapshot_json: JSON.stringify({
      repository: 'github.com/bench/monorepo',
      workspacePath: `services/${benchEntityName(i)}`,
      readAt: new Date(end).toISOString(),
      toolchainFile: example.toolchain.file,
      dependencies: null,
      cargoLockCommitted: i % 7 !== 0,
      profiles: {},
      workflows: null,
      problems: [],
    }),
  }));
  for (let i = 0; i < snapshots.length; i += 500) {
    await knex('repository_snapshots').insert(snapshots.slice(i, i + 500));
  }
  const exemptions = Array.from({ length: 1000 }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    entity_ref: `component:default/${benchEntityName(i * 10)}`,
    rule_id: 'cargo-incremental-off',
    reason: 'bench',
    author: 'user:default/bench',
    created_at: new Date(end),
    expires_at: new Date(end + 30 * DAY_MS),
    revoked_at: null,
    revoked_by: null,
  }));
  for (let i = 0; i < exemptions.length; i += 200) {
    await knex('policy_exemptions').insert(exemptions.slice(i, i + 200));
  }
  return (performance.now() - started) / 1000;
}

async function main() {
  const db = argValue('db', 'postgres');
  const connection = argValue(
    'connection',
    'postgresql://postgres@127.0.0.1:5432/postgres',
  );
  const entities = Number(argValue('entities', '10000'));
  const runs = Number(argValue('runs', '30'));
  const evaluations = Number(argValue('evaluations', '3'));
  const requests = Number(argValue('requests', '500'));
  const port = Number(argValue('port', '7479'));
  const api = argValue('api', 'yes') === 'yes';

  let knex: Knex;
  let database: BenchDatabase;
  let cleanup = async () => {};
  if (db === 'postgres') {
    const databaseName = `${PREFIX}rust-build-cache`;
    if (argValue('reuse', '') === '') {
      const admin = knexFactory({ client: 'pg', connection });
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [
        databaseName,
      ]);
      await admin.raw('CREATE DATABASE ??', [databaseName]);
      await admin.destroy();
    }
    const url = new URL(connection);
    url.pathname = `/${databaseName}`;
    knex = knexFactory({ client: 'pg', connection: url.toString() });
    database = { client: 'pg', connection, prefix: PREFIX };
  } else {
    const reuse = argValue('reuse', '');
    const directory = reuse || mkdtempSync(join(tmpdir(), 'rbc-bench-policy-'));
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: join(directory, 'rust-build-cache.sqlite') },
      useNullAsDefault: true,
    });
    database = { client: 'better-sqlite3', directory };
    cleanup = async () => {
      if (argValue('keep', 'no') === 'no')
        rmSync(directory, { recursive: true, force: true });
      else console.log(JSON.stringify({ kept: directory }));
    };
  }

  const validation = validatePolicy(POLICY_CONFIG, 'policy');
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  const policy: PolicyConfig = validation.policy;
  const entityList = Array.from({ length: entities }, (_, i) => benchEntity(i));

  try {
    const seedSeconds =
      argValue('reuse', '') === '' ? await seed(knex, entities, runs) : 0;
    if (db === 'postgres' && seedSeconds > 0) await knex.raw('VACUUM ANALYZE');
    console.log(
      JSON.stringify({
        step: 'seed',
        db,
        entities,
        reports: entities * runs,
        seconds: round(seedSeconds),
      }),
    );

    const service = new PolicyService({
      policy,
      source: 'config',
      store: new DatabasePolicyStore(knex),
      catalog: catalogServiceMock({ entities: entityList }),
      auth: mockServices.auth(),
      logger: mockServices.rootLogger({ level: 'warn' }),
      prewarmEnrollment: {
        enrolledEntityRefs: async () =>
          new Set(
            entityList
              .filter((_, i) => i % 2 === 0)
              .map(e => `component:default/${e.metadata.name}`),
          ),
      },
    });
    for (let i = 1; i <= evaluations; i++) {
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      const { evaluated } = await service.evaluateAll();
      const seconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      console.log(
        JSON.stringify({
          step: 'full evaluation',
          db,
          attempt: i,
          entities: evaluated,
          rules: policy.rules.length,
          runsPerEntity: runs,
          seconds: round(seconds, 2),
          // This process only (with SQLite, the database work too; not PostgreSQL's).
          cpuSeconds: round((cpu.user + cpu.system) / 1e6, 2),
          heapMiB: round(process.memoryUsage().heapUsed / 1024 / 1024, 0),
        }),
      );
    }
    const summary = await service.getSummary();
    console.log(
      JSON.stringify({
        step: 'results',
        entities: summary.entities,
        compliant: summary.compliant,
        levels: summary.levels.map(l => `${l.levelId}=${l.entities}`),
        rules: summary.rules.map(
          r =>
            `${r.ruleId}: ${r.passed}p/${r.failed}f/${r.warned}w/${r.exempt}e/${r.insufficientData}i/${r.notApplicable}n`,
        ),
      }),
    );
  } finally {
    await knex.destroy();
  }

  if (!api) {
    await cleanup();
    return;
  }
  const backend = await startBenchBackend({
    port,
    database,
    entities: entityList,
    // No repository snapshots: the bench repositories do not exist, and each stored
    // snapshot would queue an evaluation while the API is measured.
    config: {
      rustBuildCache: { policy: POLICY_CONFIG, snapshot: { enabled: false } },
    },
  });
  try {
    // The summary is cached until a result changes: its first request computes it.
    const first = await runHttpLoad({
      baseUrl: backend.baseUrl,
      requests: [{ method: 'GET', path: '/scorecards/summary' }],
      concurrency: 1,
      expectStatus: 200,
    });
    console.log(
      JSON.stringify({
        step: 'api',
        db,
        query: 'scorecards/summary, first request (computed, not cached)',
        ms: round(first.latencies[0]),
      }),
    );
    const queries: Record<string, (i: number) => string> = {
      'scorecards/summary': () => '/scorecards/summary',
      'scorecards/entities?limit=50&offset=…': i =>
        `/scorecards/entities?limit=50&offset=${((i * 7919) % 200) * 50}`,
      'scorecards/entities?ruleId=rustflags-stable&result=warn&limit=50': () =>
        '/scorecards/entities?ruleId=rustflags-stable&result=warn&limit=50',
      'scorecards/entities?owner=group:default/bench&level=none&limit=50': () =>
        '/scorecards/entities?owner=group:default/bench&level=none&limit=50',
      'entities/…/scorecard': i =>
        `/entities/default/component/${benchEntityName(
          (i * 7919) % entities,
        )}/scorecard`,
      'scorecards/trend?days=90': () => '/scorecards/trend?days=90',
    };
    for (const [name, path] of Object.entries(queries)) {
      const load = (from: number, count: number) =>
        runHttpLoad({
          baseUrl: backend.baseUrl,
          requests: Array.from({ length: count }, (_, i) => ({
            method: 'GET' as const,
            path: path(from + i),
          })),
          concurrency: 4,
          expectStatus: 200,
        });
      await load(0, 20);
      const { latencies, seconds } = await load(20, requests);
      console.log(
        JSON.stringify({
          step: 'api',
          db,
          query: name,
          clients: 4,
          ...summarise(latencies),
          requestsPerSecond: round(requests / seconds, 0),
        }),
      );
    }
  } finally {
    await backend.stop();
    await cleanup();
  }
}

main().then(
  // The stopped backend can leave timers behind; the benchmark is done.
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
