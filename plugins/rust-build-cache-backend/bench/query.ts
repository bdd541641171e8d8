/*
 * Query latency on a seeded PostgreSQL (run bench/seed.ts first): entity time series and
 * run pages over HTTP on loopback, against a real backend with the seeded database.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/query.ts \
 *     --connection=postgresql://postgres@127.0.0.1:5432/postgres \
 *     [--entities=2000] [--requests=2000] [--port=7478]
 */
import {
  argValue,
  BENCH_TOKEN,
  benchEntity,
  benchEntityName,
  QUERY_BENCH_PREFIX,
  round,
  runHttpLoad,
  startBenchBackend,
  summarise,
} from './lib';

const WARMUP_REQUESTS = 200;

async function main() {
  const connection = argValue(
    'connection',
    'postgresql://postgres@127.0.0.1:5432/postgres',
  );
  const entities = Number(argValue('entities', '2000'));
  const requests = Number(argValue('requests', '2000'));
  const port = Number(argValue('port', '7478'));

  const backend = await startBenchBackend({
    port,
    database: { client: 'pg', connection, prefix: QUERY_BENCH_PREFIX },
    entities: Array.from({ length: entities }, (_, i) => benchEntity(i)),
  });
  try {
    // A fixed pseudo-random order of entities, the same on every run.
    const entityAt = (i: number) => benchEntityName((i * 7919 + 13) % entities);
    const entityPath = (i: number) =>
      `/entities/default/component/${entityAt(i)}`;
    const queries: Record<string, (i: number) => string> = {
      'timeseries?days=90': i => `${entityPath(i)}/timeseries?days=90`,
      'runs?limit=20': i => `${entityPath(i)}/runs?limit=20`,
      'runs?limit=20&offset=1000': i =>
        `${entityPath(i)}/runs?limit=20&offset=1000`,
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

    const results: Record<string, unknown> = {};
    for (const [name, query] of Object.entries(queries)) {
      await load(query, requests, WARMUP_REQUESTS, 1);
      for (const concurrency of [1, 8]) {
        const { latencies, seconds } = await load(
          query,
          0,
          requests,
          concurrency,
        );
        results[`${name}, ${concurrency} client(s)`] = {
          ...summarise(latencies),
          requestsPerSecond: round(requests / seconds, 0),
        };
      }
    }

    const sample = await fetch(
      `${backend.baseUrl}${queries['runs?limit=20'](0)}`,
      {
        headers: { authorization: `Bearer ${BENCH_TOKEN}` },
      },
    ).then(response => response.json());
    const series = await fetch(
      `${backend.baseUrl}${queries['timeseries?days=90'](0)}`,
      {
        headers: { authorization: `Bearer ${BENCH_TOKEN}` },
      },
    ).then(response => response.json());
    const { latencies: unmatched } = await load(() => '/unmatched', 0, 3, 1);

    console.log(
      JSON.stringify(
        {
          benchmark: 'query',
          entities,
          requests,
          sampleEntity: {
            name: entityAt(0),
            runs: sample.total,
            dailyPoints: series.points.length,
          },
          latencyMs: results,
          unmatchedMs: unmatched.map(ms => round(ms, 0)),
        },
        null,
        2,
      ),
    );
  } finally {
    await backend.stop();
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
