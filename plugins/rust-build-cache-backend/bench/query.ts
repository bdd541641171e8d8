/*
 * Query latency on a seeded PostgreSQL (run bench/seed.ts first): entity time series, run
 * pages (by offset and by keyset cursor) and `GET /unmatched`, over HTTP on loopback,
 * against a real backend with the seeded database.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/query.ts \
 *     --connection=postgresql://postgres@127.0.0.1:5432/postgres \
 *     [--entities=2000] [--catalog=<entities>] [--requests=2000] [--port=7478]
 *     [--prefix=rbc_bench_query_] [--only=<part of a query's name>] [--prepared=yes|no]
 *
 * The queries go to the first `--entities` entities; the catalog holds `--catalog` of them
 * (at least `--entities`), so that every seeded source can be linked.
 *
 * `runQueryBenchmark` returns the figures (p95 per query and client count) for a caller
 * that runs several benchmarks.
 */
import { runHttpLoad } from './httpLoad';
import {
  argValue,
  BENCH_TOKEN,
  postgresCpuMsSince,
  readPostgresCpu,
  benchEntity,
  benchEntityName,
  QUERY_BENCH_PREFIX,
  round,
  runMain,
  startBenchBackend,
  summarise,
} from './lib';

const WARMUP_REQUESTS = 200;

/** Statements the backend (in this process) sent to PostgreSQL, through `pg`'s client. */
let statementsSent = 0;
type Query = (...args: unknown[]) => unknown;
// `pg` has no type declarations here; only its client's `query` is wrapped.
const pgClient: { prototype: { query: Query } } = require('pg').Client;

const sendQuery = pgClient.prototype.query;
pgClient.prototype.query = function countedQuery(
  this: unknown,
  ...args: unknown[]
) {
  statementsSent += 1;
  return sendQuery.apply(this, args);
};
/** Deep pages start after this many runs (page 51 of 20). */
const DEEP_OFFSET = 1000;

export interface QueryBenchmarkFigures {
  entities: number;
  requests: number;
  /** `<query>, <n> client(s)` → latency summary in ms and requests per second. */
  latencyMs: Record<
    string,
    ReturnType<typeof summarise> & {
      requestsPerSecond: number;
      /** Main-thread CPU of the backend per request (the clients run in a worker). */
      backendCpuMsPerRequest: number;
      /** CPU of the clients' thread per request: it shares the 2 cores too. */
      clientCpuMsPerRequest: number;
      /** PostgreSQL's server processes' CPU per request (from /proc, 10 ms ticks). */
      databaseCpuMsPerRequest: number;
      /** Statements the backend sent to PostgreSQL per request. */
      statementsPerRequest: number;
    }
  >;
  /** The slowest p95 of the entity queries with 8 clients (target < 20 ms). */
  worstEntityP95With8Clients: number;
  /** `GET /unmatched` (target p95 < 50 ms). */
  unmatched: ReturnType<typeof summarise>;
}

export async function runQueryBenchmark(options: {
  connection: string;
  prefix: string;
  entities: number;
  /** Entities in the catalog; defaults to `entities`. */
  catalogEntities?: number;
  requests: number;
  port: number;
  unmatchedRequests?: number;
  /** Only the entity queries whose name contains this (to profile one). */
  only?: string;
  /** `rustBuildCache.database.preparedStatements` (default true), to compare both. */
  preparedStatements?: boolean;
}): Promise<QueryBenchmarkFigures> {
  const { entities, requests } = options;
  const backend = await startBenchBackend({
    port: options.port,
    database: {
      client: 'pg',
      connection: options.connection,
      prefix: options.prefix,
    },
    entities: Array.from(
      { length: Math.max(entities, options.catalogEntities ?? 0) },
      (_, i) => benchEntity(i),
    ),
    config: {
      rustBuildCache: {
        database: { preparedStatements: options.preparedStatements ?? true },
      },
    },
  });
  try {
    const get = async (path: string, attempt = 1): Promise<any> => {
      let response: Response;
      try {
        response = await fetch(`${backend.baseUrl}${path}`, {
          headers: { authorization: `Bearer ${BENCH_TOKEN}` },
        });
      } catch (error) {
        // A kept-alive connection the server closed just then: send it again.
        if (attempt < 3) return get(path, attempt + 1);
        throw error;
      }
      if (!response.ok)
        throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response.json();
    };
    // A fixed pseudo-random order of entities, the same on every run.
    const entityIndex = (i: number) => (i * 7919 + 13) % entities;
    const entityPath = (i: number) =>
      `/entities/default/component/${benchEntityName(entityIndex(i))}`;

    // The cursor a client holds after paging to run DEEP_OFFSET of each entity.
    const deepCursors = new Map<number, string>();
    const needed = new Set(
      Array.from({ length: requests + WARMUP_REQUESTS }, (_, i) =>
        entityIndex(i),
      ),
    );
    const pending = [...needed];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let e = pending.pop(); e !== undefined; e = pending.pop()) {
          const page = await get(
            `/entities/default/component/${benchEntityName(
              e,
            )}/runs?limit=1&offset=${DEEP_OFFSET - 1}`,
          );
          if (!page.nextCursor)
            throw new Error(`${benchEntityName(e)} has no run ${DEEP_OFFSET}`);
          deepCursors.set(e, page.nextCursor);
        }
      }),
    );

    const queries: Record<string, (i: number) => string> = {
      'timeseries?days=90': i => `${entityPath(i)}/timeseries?days=90`,
      'runs?limit=20': i => `${entityPath(i)}/runs?limit=20`,
      [`runs?limit=20&offset=${DEEP_OFFSET}`]: i =>
        `${entityPath(i)}/runs?limit=20&offset=${DEEP_OFFSET}`,
      [`runs?limit=20&cursor=… (after run ${DEEP_OFFSET})`]: i =>
        `${entityPath(i)}/runs?limit=20&cursor=${deepCursors.get(
          entityIndex(i),
        )}`,
      latest: i => `${entityPath(i)}/latest`,
    };
    const load = (
      query: (i: number) => string,
      from: number,
      count: number,
      concurrency: number,
    ) =>
      runHttpLoad({
        baseUrl: backend.baseUrl,
        requests: Array.from({ length: count }, (_, i) => ({
          method: 'GET' as const,
          path: query(from + i),
        })),
        concurrency,
        expectStatus: 200,
      });

    const latencyMs: QueryBenchmarkFigures['latencyMs'] = {};
    let worst = 0;
    for (const [name, query] of Object.entries(queries)) {
      if (options.only && !name.includes(options.only)) continue;
      await load(query, requests, WARMUP_REQUESTS, 1);
      for (const concurrency of [1, 8]) {
        // The clients run in a worker: the main thread's CPU is the backend's own work.
        const cpuBefore = process.threadCpuUsage();
        const databaseCpuBefore = readPostgresCpu();
        const statementsBefore = statementsSent;
        const { latencies, seconds, clientCpuMs } = await load(
          query,
          0,
          requests,
          concurrency,
        );
        const cpu = process.threadCpuUsage(cpuBefore);
        const databaseCpuMs = postgresCpuMsSince(databaseCpuBefore);
        const summary = summarise(latencies);
        latencyMs[`${name}, ${concurrency} client(s)`] = {
          ...summary,
          requestsPerSecond: round(requests / seconds, 0),
          backendCpuMsPerRequest: round(
            (cpu.user + cpu.system) / 1000 / requests,
            2,
          ),
          clientCpuMsPerRequest: round(clientCpuMs / requests, 2),
          databaseCpuMsPerRequest: round(databaseCpuMs / requests, 2),
          statementsPerRequest: round(
            (statementsSent - statementsBefore) / requests,
            2,
          ),
        };
        if (concurrency === 8) worst = Math.max(worst, summary.p95);
      }
    }

    const unmatchedRequests = options.unmatchedRequests ?? 200;
    await load(() => '/unmatched', 0, 10, 1);
    const { latencies: unmatched } = await load(
      () => '/unmatched',
      0,
      unmatchedRequests,
      1,
    );
    return {
      entities,
      requests,
      latencyMs,
      worstEntityP95With8Clients: worst,
      unmatched: summarise(unmatched),
    };
  } finally {
    await backend.stop();
  }
}

async function main() {
  const figures = await runQueryBenchmark({
    connection: argValue(
      'connection',
      'postgresql://postgres@127.0.0.1:5432/postgres',
    ),
    prefix: argValue('prefix', QUERY_BENCH_PREFIX),
    entities: Number(argValue('entities', '2000')),
    catalogEntities: Number(argValue('catalog', '0')),
    requests: Number(argValue('requests', '2000')),
    port: Number(argValue('port', '7478')),
    only: argValue('only', ''),
    preparedStatements: argValue('prepared', 'yes') === 'yes',
  });
  console.log(
    `query: worst entity-query p95 with 8 clients ${figures.worstEntityP95With8Clients} ms (target < 20); GET /unmatched p95 ${figures.unmatched.p95} ms (target < 50)`,
  );
  // Last: bench/run-all reads the final JSON object.
  console.log(JSON.stringify({ benchmark: 'query', ...figures }, null, 2));
}

if (require.main === module) runMain(main);
