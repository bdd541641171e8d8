/*
 * Ingestion throughput: 8 (or --clients) concurrent HTTP clients on loopback POST
 * distinct reports to a real backend, with the static external-access token CI uses.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/ingest.ts \
 *     --db=postgres --connection=postgresql://postgres@127.0.0.1:5432/postgres \
 *     [--reports=5000] [--clients=8] [--batch=1] [--warmup=6000] [--port=7477] \
 *     [--profile=ingest.cpuprofile] [--prefix=rbc_bench_ingest_]
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/ingest.ts --db=sqlite
 *
 * `--warmup=N` reports (default 6,000) go first, unmeasured, so that the figures are those of a
 * backend that has run for a while: V8 compiles the per-report functions of report
 * validation (zod's parsers, called once per report) with TurboFan only after a few
 * thousand calls, and until then `validateReport` costs ~4 × its steady-state CPU (~200 µs
 * instead of ~50 µs per report under this load). With the former 200 warm-up reports, most
 * of a 5,000-report run measured that start-up.
 *
 * `--batch=N` (N > 1) sends N reports per request through `POST /reports/batch` (and checks
 * that each got its 201); 1, the default, one report per `POST /reports`.
 *
 * PostgreSQL: uses (and afterwards drops) the database <prefix>rust-build-cache.
 * SQLite: a fresh file per run in a temporary directory.
 *
 * Besides the rate it measures how fresh the policy results stay: a probe reads entity
 * scorecards during the load and records the oldest `pendingSince` it sees, and after the
 * load the benchmark waits until every entity's result is evaluated after its last report
 * (which also lets the background work finish before the teardown). `--profile` writes a
 * V8 CPU profile of the backend's thread during the measured load. Before the load it
 * measures the same clients on `GET /health`: Backstage's request path alone, the ceiling
 * of any route at that moment.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';
import { benchGet, runHttpLoad, startFreshnessProbe } from './httpLoad';
import {
  argValue,
  BenchDatabase,
  benchEntity,
  benchEntityName,
  benchReport,
  loadAverage,
  printFigures,
  round,
  runMain,
  startBenchBackend,
  summarise,
} from './lib';
import { readExampleReport } from '../src/__testUtils__/reports';

const ENTITIES = 100;

async function main() {
  const db = argValue('db', 'postgres');
  const reports = Number(argValue('reports', '5000'));
  const clients = Number(argValue('clients', '8'));
  const batch = Number(argValue('batch', '1'));
  if (!Number.isSafeInteger(batch) || batch < 1) {
    throw new Error(`--batch must be a positive integer, got ${batch}`);
  }
  const warmupReports = Number(argValue('warmup', '6000'));
  if (!Number.isSafeInteger(warmupReports) || warmupReports < 0) {
    throw new Error(
      `--warmup must be a non-negative integer, got ${warmupReports}`,
    );
  }
  const port = Number(argValue('port', '7477'));
  const connection = argValue(
    'connection',
    'postgresql://postgres@127.0.0.1:5432/postgres',
  );
  // Another prefix (and --port) lets two runs share the machine's PostgreSQL.
  const prefix = argValue('prefix', 'rbc_bench_ingest_');
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
  const backend = await startBenchBackend({
    port,
    database,
    entities,
    // No repository snapshots: the bench repositories do not exist, and the snapshot
    // task would read them (and queue evaluations) in the background.
    config: { rustBuildCache: { snapshot: { enabled: false } } },
  });
  try {
    const example = readExampleReport();
    const now = Date.now();
    // Serialised up front: the clients measure the server, not JSON.stringify.
    const bodies = Array.from({ length: warmupReports + reports }, (_, i) =>
      JSON.stringify(
        benchReport(
          example,
          i % ENTITIES,
          `ingest-${i}`,
          new Date(now - (i % 86_400) * 1000),
        ),
      ),
    );
    // Report i travels in request floor(i / batch) of its load.
    const post = (from: number, count: number) => {
      const slice = bodies.slice(from, from + count);
      if (batch === 1) {
        return runHttpLoad({
          baseUrl: backend.baseUrl,
          requests: slice.map(body => ({
            method: 'POST',
            path: '/reports',
            body,
          })),
          concurrency: clients,
          expectStatus: 201,
        });
      }
      const requests = [];
      for (let i = 0; i < slice.length; i += batch) {
        const body = `{"reports":[${slice.slice(i, i + batch).join(',')}]}`;
        requests.push({
          method: 'POST' as const,
          path: '/reports/batch',
          body,
        });
      }
      return runHttpLoad({
        baseUrl: backend.baseUrl,
        requests,
        concurrency: clients,
        expectStatus: 200,
        expectItemStatus: 201,
      });
    };

    if (warmupReports > 0) await post(0, warmupReports);
    await settle(backend.baseUrl, new Array(ENTITIES).fill(0));
    const floor = await measureRequestFloor(backend.baseUrl, clients);
    const probe = startFreshnessProbe({
      baseUrl: backend.baseUrl,
      paths: entities.map(e => scorecardPath(e.metadata.name)),
      intervalMs: 50,
    });
    const profile = argValue('profile', '');
    const profiler = profile ? await startProfile() : undefined;
    const cpuBefore = process.cpuUsage();
    const { latencies, sentAt, seconds, endedAt } = await post(
      warmupReports,
      reports,
    );
    const cpu = process.cpuUsage(cpuBefore);
    if (profiler) writeFileSync(profile, JSON.stringify(await profiler.stop()));
    const seen = await probe.stop();
    // Every entity got reports until the end: wait until each result is evaluated after
    // the last one was sent, i.e. reflects it (this also waits for the background work
    // before the teardown).
    const lastSent = new Array<number>(ENTITIES).fill(0);
    sentAt.forEach((at, request) => {
      const first = request * batch;
      for (let i = first; i < Math.min(first + batch, reports); i++) {
        const entity = (warmupReports + i) % ENTITIES;
        lastSent[entity] = Math.max(lastSent[entity], at);
      }
    });
    const settleMs = (await settle(backend.baseUrl, lastSent)) - endedAt;
    const reportsPerSecond = round(reports / seconds, 0);
    const freshnessMs = round(Math.max(seen.maxPendingAgeMs, settleMs), 0);

    console.log(
      JSON.stringify(
        {
          benchmark: 'ingest',
          database: db,
          clients,
          reports,
          reportsPerRequest: batch,
          reportBytes: bodies[0].length,
          seconds: round(seconds, 2),
          reportsPerSecond,
          latencyMs: summarise(latencies),
          // Of this process: the backend (and SQLite), not the clients' worker thread alone.
          cpuSecondsPerReport: round(
            (cpu.user + cpu.system) / 1e6 / reports,
            5,
          ),
          freshness: {
            probeSamples: seen.samples,
            probeSawPending: seen.pending,
            maxPendingAgeMs: round(seen.maxPendingAgeMs, 0),
            settleAfterLoadMs: round(settleMs, 0),
          },
          requestFloor: floor,
          loadAverage: loadAverage(),
        },
        null,
        2,
      ),
    );
    const databaseName = db === 'postgres' ? 'PostgreSQL' : 'SQLite';
    const name =
      batch === 1 ? databaseName : `${databaseName}, batches of ${batch}`;
    // One report per request cannot reach the targets here: Backstage's request path
    // alone (GET /health) answers fewer requests/s. The targets are for batches.
    const target =
      batch === 1
        ? undefined
        : ({ op: '>=', value: db === 'postgres' ? 2000 : 1000 } as const);
    printFigures([
      {
        measure: `ingest ${name}, ${clients} clients`,
        value: reportsPerSecond,
        unit: 'reports/s',
        ...(target ? { target } : {}),
      },
      {
        measure: `ingest ${name}, p95 latency of a request`,
        value: summarise(latencies).p95,
        unit: 'ms',
      },
      {
        // CPU of the backend's process (and the clients' worker threads) per report:
        // less dependent on the machine's other load than the rate.
        measure: `ingest ${name}, CPU per report`,
        value: round((cpu.user + cpu.system) / 1e3 / reports, 2),
        unit: 'ms',
      },
      {
        // What Backstage's request path alone allows now: the ceiling of any route.
        measure: `GET /health, ${clients} clients (${name} run)`,
        value: floor.requestsPerSecond,
        unit: 'requests/s',
      },
      {
        measure: `freshness after ingestion, ${name}`,
        value: freshnessMs,
        unit: 'ms',
        target: { op: '<', value: 5000 },
      },
    ]);
  } finally {
    await backend.stop();
    await cleanUp();
  }
}

/**
 * The same clients' rate and CPU per request on `GET /health`, which does nothing but
 * Backstage's request path (express, helmet, cors, compression, the request log, the
 * token check): the ceiling of any route on this machine at this moment.
 */
async function measureRequestFloor(baseUrl: string, clients: number) {
  const requests = 2000;
  const cpuBefore = process.cpuUsage();
  const { seconds } = await runHttpLoad({
    baseUrl,
    requests: Array.from({ length: requests }, () => ({
      method: 'GET' as const,
      path: '/health',
    })),
    concurrency: clients,
    expectStatus: 200,
  });
  const cpu = process.cpuUsage(cpuBefore);
  return {
    requestsPerSecond: round(requests / seconds, 0),
    cpuMsPerRequest: round((cpu.user + cpu.system) / 1e3 / requests, 2),
  };
}

/** A V8 CPU profile of this process's main thread (the backend), from now to `stop()`. */
async function startProfile() {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) =>
      session.post(method, params, (error, result) =>
        error ? reject(error) : resolve(result),
      ),
    );
  await post('Profiler.enable');
  await post('Profiler.start');
  return {
    async stop() {
      const { profile } = await post('Profiler.stop');
      session.disconnect();
      return profile;
    },
  };
}

function scorecardPath(name: string): string {
  return `/entities/default/component/${name}/scorecard`;
}

/**
 * Waits until no entity's evaluation is pending and the result of entity i was evaluated
 * at or after `lastSent[i]` (when its last report was sent, ms since the epoch): then it
 * reflects that report (a report marked after an evaluation started leaves the entity
 * pending). Answers when (ms since the epoch).
 */
async function settle(baseUrl: string, lastSent: number[]): Promise<number> {
  const started = Date.now();
  const names = Array.from({ length: ENTITIES }, (_, i) => benchEntityName(i));
  while (Date.now() - started < 60_000) {
    const cards = await Promise.all(
      names.map(name => benchGet(baseUrl, scorecardPath(name))),
    );
    const fresh = cards.every(
      (body, i) =>
        body.pendingSince === null &&
        body.scorecard &&
        Date.parse(body.scorecard.evaluatedAt) >= lastSent[i],
    );
    if (fresh) return Date.now();
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error('The policy results were not up to date 60 s after the load');
}

async function dropDatabase(connection: string, name: string) {
  const admin = knexFactory({ client: 'pg', connection });
  try {
    await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
  } finally {
    await admin.destroy();
  }
}

runMain(main);
