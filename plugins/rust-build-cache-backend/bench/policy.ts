/*
 * Policy scorecards: the full evaluation of 10,000 entities × 12 rules with 30 CI runs
 * each, then the scorecards API (summary and entity pages) over HTTP on a real backend with
 * the evaluated database.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/policy.ts \
 *     --db=postgres --connection=postgresql://postgres@127.0.0.1:5432/postgres
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/policy.ts --db=sqlite
 *     [--entities=10000] [--runs=30] [--window=10] [--evaluations=6] [--requests=2000]
 *     [--port=7479] [--api=yes|no] [--keep=no|yes] [--prefix=rbc_bench_policy_]
 *     [--catalog-page-ms=0] [--catalog=memory,real]
 *
 * 1. Seeds through the plugin's write path (toNewRun + insertRuns, as POST /reports does):
 *    `runs` CI reports per entity (the real example report, with a RUSTFLAGS change in every
 *    fifth entity and incremental compilation switched off in every third), a repository
 *    snapshot per entity, and 1,000 active exemptions.
 * 2. Times `PolicyService.evaluateAll()` (`--evaluations` times per catalog): it reads the
 *    entities from the catalog, the reports, snapshots and exemptions from the database in
 *    batches, evaluates all 12 built-in rules and upserts the results and daily snapshots.
 *    `--catalog` lists the catalogs, one after the other: `memory`, the in-memory test
 *    double (`catalogServiceMock`), and `real`, Backstage's catalog backend started in this
 *    process with the entities, on the same database server (realCatalog.ts; it processes
 *    them first, about a minute for 10,000), read over HTTP as a plugin of the same
 *    backend reads it: its work is then this process's too. `--catalog-page-ms` delays
 *    each of the catalog's pages of entities.
 * 3. Links the entities to their sources (as a running installation has them), starts a
 *    real backend on the same database and measures the scorecards API.
 *
 * PostgreSQL: uses (and drops first) the database rbc_bench_policy_rust-build-cache, and
 * leaves it; `--reuse=yes` evaluates it again without seeding (after applying the
 * migrations added since it was seeded). The catalog's database, rbc_bench_policy_catalog,
 * is kept between runs: its provider replaces the entities with the bench's at each start.
 * SQLite: a temporary directory, deleted at the end unless `--keep=yes`; `--reuse=<dir>`
 * evaluates a kept one again.
 */
import { createHash } from 'node:crypto';
import { AuthService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  PolicyConfig,
  validatePolicy,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { DatabaseEntityLinkStore } from '../src/catalog/DatabaseEntityLinkStore';
import { EntityLinkService } from '../src/catalog/EntityLinkService';
import { migrateDatabase } from '../src/database/migrations';
import { DatabaseExemptionStore } from '../src/policy/DatabaseExemptionStore';
import { DatabasePolicyInputs } from '../src/policy/DatabasePolicyInputs';
import { DatabasePolicyResults } from '../src/policy/DatabasePolicyResults';
import { DatabaseSnapshotStore } from '../src/snapshot/DatabaseSnapshotStore';
import { PolicyService } from '../src/policy/PolicyService';
import { measureFirstRequest, measureQueryLoad } from './httpLoad';
import {
  argValue,
  benchEntity,
  benchEntityName,
  round,
  runMain,
  startBenchBackend,
  summarise,
} from './lib';
import { Knex } from 'knex';
import { openBenchDatabase } from './benchDatabase';
import { POLICY_CONFIG, seed } from './policySeed';
import {
  CatalogKind,
  catalogKind,
  RealCatalog,
  startRealCatalog,
  withPageDelay,
} from './realCatalog';

export interface PolicyBenchmarkFigures {
  db: 'postgres' | 'sqlite';
  /** Seconds of each full evaluation per catalog (target < 1 s); the first writes every result. */
  evaluationSeconds: Partial<Record<CatalogKind, number[]>>;
  /** Query → latency summary (4 clients; target p95 < 30 ms). */
  api: Record<string, ReturnType<typeof summarise>>;
}

/** Seeds (unless `reuse`), times full evaluations, then the scorecards API. */
export async function runPolicyBenchmark(options: {
  db: 'postgres' | 'sqlite';
  connection: string;
  prefix: string;
  entities: number;
  runs: number;
  evaluations: number;
  requests: number;
  port: number;
  api: boolean;
  /** PostgreSQL: 'yes'; SQLite: a kept directory. */
  reuse: string;
  keep: boolean;
  /** A delay before each page of the catalog's entities in the evaluations (0: none). */
  catalogPageMs?: number;
  /** The catalogs the evaluations read, one after the other (see the top of this file). */
  catalogs: CatalogKind[];
}): Promise<PolicyBenchmarkFigures> {
  const { db, connection, entities, runs, evaluations, requests, port, api } =
    options;
  const PREFIX = options.prefix;
  const figures: PolicyBenchmarkFigures = {
    db,
    evaluationSeconds: {},
    api: {},
  };

  const { knex, database, cleanup } = await openBenchDatabase({
    db,
    connection,
    prefix: PREFIX,
    reuse: options.reuse,
    keep: options.keep,
  });

  const validation = validatePolicy(POLICY_CONFIG, 'policy');
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  const policy: PolicyConfig = validation.policy;
  const entityList = Array.from({ length: entities }, (_, i) => benchEntity(i));

  let realCatalog: RealCatalog | undefined;
  try {
    const seedSeconds =
      options.reuse === '' ? await seed(knex, entities, runs) : 0;
    if (options.reuse !== '') {
      // A database seeded by an earlier version gets the migrations added since.
      const started = performance.now();
      await migrateDatabase({ getClient: async () => knex });
      console.log(
        JSON.stringify({
          step: 'migrate',
          db,
          seconds: round((performance.now() - started) / 1000, 2),
        }),
      );
    }
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

    const catalog = catalogServiceMock({ entities: entityList });
    const entityLinks = await DatabaseEntityLinkStore.create(knex);
    const inputs = await DatabasePolicyInputs.create(knex, {
      entityLinks,
      snapshots: await DatabaseSnapshotStore.create(knex),
    });
    const results = await DatabasePolicyResults.create(knex);
    const exemptions = await DatabaseExemptionStore.create(knex);
    const createService = (
      evaluationCatalog: CatalogService,
      auth: AuthService,
    ) =>
      new PolicyService({
        policy,
        source: 'config',
        inputs,
        results,
        exemptions,
        catalog: evaluationCatalog,
        auth,
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
    for (const kind of options.catalogs) {
      realCatalog =
        kind === 'real'
          ? await startRealCatalog({
              port: port + 1,
              database,
              entities: entityList,
            })
          : undefined;
      if (realCatalog) {
        console.log(
          JSON.stringify({
            step: 'catalog ready',
            entities,
            seconds: round(realCatalog.readySeconds, 1),
          }),
        );
      }
      const service = createService(
        withPageDelay(
          realCatalog?.catalog ?? catalog,
          options.catalogPageMs ?? 0,
        ),
        realCatalog?.auth ?? mockServices.auth(),
      );
      const seconds: number[] = [];
      for (let i = 1; i <= evaluations; i++) {
        const started = performance.now();
        const cpuBefore = process.cpuUsage();
        const { evaluated } = await service.evaluateAll();
        const wall = (performance.now() - started) / 1000;
        const cpu = process.cpuUsage(cpuBefore);
        seconds.push(round(wall, 2));
        console.log(
          JSON.stringify({
            step: 'full evaluation',
            db,
            catalog: kind,
            attempt: i,
            entities: evaluated,
            rules: policy.rules.length,
            runsPerEntity: runs,
            seconds: round(wall, 2),
            // This process (with the real catalog, its work too; with SQLite, the
            // database's too; not PostgreSQL's).
            cpuSeconds: round((cpu.user + cpu.system) / 1e6, 2),
            heapMiB: round(process.memoryUsage().heapUsed / 1024 / 1024, 0),
          }),
        );
      }
      figures.evaluationSeconds[kind] = seconds;
      await realCatalog?.stop();
      realCatalog = undefined;
    }
    if (db === 'postgres' && evaluations > 0) {
      // What autovacuum does after an evaluation's 10,000 updates (it is off on the CI
      // machines): without it the planner has no statistics of the results written after
      // the seed's VACUUM, and the API phase measures plans made blind over dead rows.
      await knex.raw(
        'VACUUM ANALYZE policy_results, policy_result_details, policy_rule_outcomes, policy_daily_snapshots',
      );
    }
    // A running installation linked its entities to their sources long ago. Without the
    // links, the API backend's refresh at startup would link all 10,000, and the plugin
    // would evaluate each newly linked entity while the API is measured: the results'
    // version rising (the scorecards' caches dropped) and the evaluations' CPU on the
    // backend's thread. Linked here by the plugin's own code, so that its refresh finds
    // nothing changed.
    await new EntityLinkService({
      store: entityLinks,
      catalog,
      auth: mockServices.auth(),
      logger: mockServices.rootLogger({ level: 'warn' }),
    }).refreshLinks();
    const summary = await createService(
      catalog,
      mockServices.auth(),
    ).getSummary();
    console.log(
      JSON.stringify({
        step: 'results',
        ...(await resultChecksums(knex)),
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
    await realCatalog?.stop();
    await knex.destroy();
  }

  if (!api) {
    await cleanup();
    return figures;
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
    await measureFirstRequest({
      baseUrl: backend.baseUrl,
      db,
      path: '/scorecards/summary',
      query: 'scorecards/summary, first request (computed, not cached)',
    });
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
      figures.api[name] = await measureQueryLoad({
        baseUrl: backend.baseUrl,
        db,
        query: name,
        path,
        requests,
      });
    }
  } finally {
    await backend.stop();
    await cleanup();
  }
  return figures;
}

/**
 * Checksums of the stored results, to compare runs of different code on the same data:
 * `outcomes` covers each entity's level and rule outcomes; `results` each entity's stored
 * hash of its whole result (summaries and evidence too, which may name times relative to
 * the evaluation's, so it can differ between runs far apart).
 */
async function resultChecksums(
  knex: Knex,
): Promise<{ outcomesSha256: string; resultsSha256: string }> {
  const rows: Array<{
    entity_ref: string;
    level: string | null;
    outcomes_json: string;
    results_hash: string | null;
  }> = await knex('policy_results')
    .select('entity_ref', 'level', 'outcomes_json', 'results_hash')
    .orderBy('entity_ref');
  const outcomes = createHash('sha256');
  const results = createHash('sha256');
  for (const row of rows) {
    outcomes.update(
      `${JSON.stringify([row.entity_ref, row.level, row.outcomes_json])}\n`,
    );
    results.update(`${row.entity_ref} ${row.results_hash}\n`);
  }
  return {
    outcomesSha256: outcomes.digest('hex').slice(0, 16),
    resultsSha256: results.digest('hex').slice(0, 16),
  };
}

async function main() {
  const db = argValue('db', 'postgres');
  if (db !== 'postgres' && db !== 'sqlite')
    throw new Error(`--db must be postgres or sqlite, not ${db}`);
  const figures = await runPolicyBenchmark({
    db,
    connection: argValue(
      'connection',
      'postgresql://postgres@127.0.0.1:5432/postgres',
    ),
    prefix: argValue('prefix', 'rbc_bench_policy_'),
    entities: Number(argValue('entities', '10000')),
    runs: Number(argValue('runs', '30')),
    evaluations: Number(argValue('evaluations', '6')),
    requests: Number(argValue('requests', '2000')),
    port: Number(argValue('port', '7479')),
    api: argValue('api', 'yes') === 'yes',
    reuse: argValue('reuse', ''),
    keep: argValue('keep', 'no') === 'yes',
    catalogPageMs: Number(argValue('catalog-page-ms', '0')),
    catalogs: argValue('catalog', 'memory,real').split(',').map(catalogKind),
  });
  const p95s = Object.values(figures.api).map(s => s.p95);
  const evaluations = Object.entries(figures.evaluationSeconds)
    .map(([kind, seconds]) => `${seconds.join(', ')} s (${kind} catalog)`)
    .join('; ');
  console.log(
    `policy (${db}): full evaluations ${evaluations} (target < 1 s)${
      p95s.length
        ? `; scorecard queries p95 at most ${Math.max(
            ...p95s,
          )} ms (target < 30 ms)`
        : ''
    }`,
  );
}

if (require.main === module) runMain(main);
