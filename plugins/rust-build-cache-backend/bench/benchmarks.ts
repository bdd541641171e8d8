/*
 * The benchmarks bench/run-all runs, one entry each, in this order. A benchmark is a
 * command; its figures come from its output: a line `BENCH_FIGURES <json>` (see
 * `printFigures` in lib.ts), or `parse` for a script that prints something else. A figure
 * that names a `reference` (the measure of another figure) is also shown as a ratio to it.
 *
 * To add a benchmark: add an entry here.
 */
import { BenchFigure } from './lib';

export interface RunAllOptions {
  /** PostgreSQL to run in (its server also runs pgbench): an admin connection string. */
  connection: string;
  /** Database name prefix of this run (default: each script's own). */
  prefix?: string;
  /** Port of the bench backend (default: each script's own). */
  port?: number;
}

/** The ingestion script's flags for `--prefix` and `--port` of run-all. */
function ownDatabaseArgs({ prefix, port }: RunAllOptions): string[] {
  return [
    ...(prefix ? [`--prefix=${prefix}ingest_`] : []),
    ...(port ? [`--port=${port}`] : []),
  ];
}

export interface BenchmarkEntry {
  id: string;
  /** What it measures, for `--list`. */
  description: string;
  /** Not run unless named with `--only` (e.g. it needs a seeded database). */
  optional?: boolean;
  /** Node script under bench/ (run with the Backstage TS transform), or a command. */
  script?: string;
  command?: string[];
  args(options: RunAllOptions): string[];
  /** Figures from stdout; default: the `BENCH_FIGURES` line. */
  parse?(stdout: string): BenchFigure[];
  /** `measure` of a figure → the measure of its reference figure. */
  references?: Record<string, string>;
}

export const PGBENCH_MEASURE = 'pgbench two-insert transaction, 8 clients';
export const NODE_START_MEASURE = 'node -e 0';

/**
 * Reports per request of the batch ingestion benchmarks: what a workflow's last job pushes
 * for a matrix of jobs. Half the default maxBatchReports; see docs/benchmarks.md.
 */
const INGEST_BATCH = 50;

export const BENCHMARKS: BenchmarkEntry[] = [
  {
    id: 'pgbench',
    description:
      "reference: PostgreSQL's own rate of a transaction of two inserts (a 2.6 kB row with a unique key and a small row), 8 clients",
    script: 'pgbench.ts',
    args: ({ connection, prefix }) => [
      `--connection=${connection}`,
      ...(prefix ? [`--database=${prefix}pgbench`] : []),
    ],
  },
  {
    id: 'ingest-postgres-batch',
    description: `POST /reports/batch over HTTP into PostgreSQL, 8 clients, 5,000 distinct reports in batches of ${INGEST_BATCH}; freshness of the policy results`,
    script: 'ingest.ts',
    args: options => [
      '--db=postgres',
      `--connection=${options.connection}`,
      '--reports=5000',
      `--batch=${INGEST_BATCH}`,
      ...ownDatabaseArgs(options),
    ],
    references: {
      [`ingest PostgreSQL, batches of ${INGEST_BATCH}, 8 clients`]:
        PGBENCH_MEASURE,
    },
  },
  {
    id: 'ingest-sqlite-batch',
    description: `POST /reports/batch over HTTP into SQLite, 8 clients, 5,000 reports in batches of ${INGEST_BATCH}`,
    script: 'ingest.ts',
    args: options => [
      '--db=sqlite',
      '--reports=5000',
      `--batch=${INGEST_BATCH}`,
      ...ownDatabaseArgs(options),
    ],
  },
  {
    id: 'ingest-postgres',
    description:
      "information: POST /reports (one report per request) over HTTP into PostgreSQL, 8 clients, 5,000 distinct reports, as a ratio to the same run's GET /health rate (Backstage's request path alone, the ceiling of one report per request)",
    script: 'ingest.ts',
    args: options => [
      '--db=postgres',
      `--connection=${options.connection}`,
      '--reports=5000',
      ...ownDatabaseArgs(options),
    ],
    references: {
      'ingest PostgreSQL, 8 clients': 'GET /health, 8 clients (PostgreSQL run)',
    },
  },
  {
    id: 'ingest-sqlite',
    description:
      'information: POST /reports (one report per request) over HTTP into SQLite, 8 clients, 5,000 reports, as a ratio to GET /health',
    script: 'ingest.ts',
    args: options => [
      '--db=sqlite',
      '--reports=5000',
      ...ownDatabaseArgs(options),
    ],
    references: {
      'ingest SQLite, 8 clients': 'GET /health, 8 clients (SQLite run)',
    },
  },
  {
    id: 'store-postgres',
    description:
      'the write path alone, no HTTP: DatabaseReportStore.insertRuns of batches of 4 reports into PostgreSQL, one after the other; reports/s and CPU per report',
    script: 'ingestStore.ts',
    args: ({ connection }) => ['--db=postgres', `--connection=${connection}`],
  },
  {
    id: 'store-sqlite',
    description:
      'the write path alone, no HTTP: DatabaseReportStore.insertRuns of batches of 4 reports into SQLite',
    script: 'ingestStore.ts',
    args: () => ['--db=sqlite'],
  },
  {
    id: 'cli-collect',
    description:
      '`rust-build-cache collect` (bundled CLI) on a workspace with 1,000 locked packages and a 1,000-unit timings file; reference: `node -e 0`, measured alike in the same run',
    script: 'cli.ts',
    args: () => [],
    references: { 'rust-build-cache collect': NODE_START_MEASURE },
  },
  {
    id: 'validate',
    description:
      '`validateReport(JSON.parse(text))` per 2.6 kB report, CPU µs over 2,000 distinct reports; reference: `JSON.parse` of the same texts in the same run',
    script: 'validate.ts',
    args: () => [],
    references: {
      'validate: JSON.parse + validateReport': 'validate: JSON.parse',
      'validate: JSON.parse + validateReport({ now })': 'validate: JSON.parse',
    },
  },
  {
    id: 'policy-postgres',
    description:
      "full policy evaluation of 10,000 entities × 12 rules × 30 runs, the entities read from Backstage's catalog backend in the same process, and the scorecard API (PostgreSQL)",
    script: 'policy.ts',
    args: ({ connection }) => ['--db=postgres', `--connection=${connection}`],
    parse: stdout => parsePolicy(stdout, 'PostgreSQL'),
  },
  {
    id: 'policy-sqlite',
    description:
      "full policy evaluation of 10,000 entities × 12 rules × 30 runs, the entities read from Backstage's catalog backend in the same process, and the scorecard API (SQLite)",
    script: 'policy.ts',
    args: () => ['--db=sqlite'],
    parse: stdout => parsePolicy(stdout, 'SQLite'),
  },
  {
    id: 'query',
    description:
      'entity queries at 3.6 M reports, 1 and 8 clients (needs bench/seed.ts first: 3.6 M reports, 20 GB; 6 min on a quiet machine, VACUUM ANALYZE after it)',
    optional: true,
    script: 'query.ts',
    args: ({ connection }) => [`--connection=${connection}`],
    parse: parseQuery,
  },
];

/** bench/policy.ts prints one JSON object per line. */
function parsePolicy(stdout: string, database: string): BenchFigure[] {
  const lines = jsonLines(stdout);
  const figures: BenchFigure[] = [];
  const catalogs: Record<string, string> = {
    memory: 'the in-memory catalog',
    real: "Backstage's catalog backend in the same process",
  };
  const evaluations = lines.filter(l => l.step === 'full evaluation');
  for (const [catalog, name] of Object.entries(catalogs)) {
    const seconds = evaluations
      .filter(l => l.catalog === catalog)
      .map(l => l.seconds as number);
    if (seconds.length === 0) continue;
    figures.push({
      measure: `full policy evaluation, ${database}, ${name} (best of ${seconds.length})`,
      value: Math.min(...seconds),
      unit: 's',
      target: { op: '<', value: 1 },
    });
  }
  if (evaluations.length) {
    // What a nightly evaluation in a backend that has not run one yet costs (V8 compiles
    // the evaluation's code and sizes its heap during the first few).
    figures.push({
      measure: `full policy evaluation, ${database}, the first in the process`,
      value: evaluations[0].seconds,
      unit: 's',
    });
  }
  for (const l of lines.filter(line => line.step === 'api' && line.p95)) {
    figures.push({
      measure: `${l.query}, ${database}, p95`,
      value: l.p95,
      unit: 'ms',
      target: { op: '<', value: 30 },
    });
  }
  return figures;
}

/** bench/query.ts prints one indented JSON object at the end. */
function parseQuery(stdout: string): BenchFigure[] {
  const start = stdout.lastIndexOf('\n{');
  const result = JSON.parse(stdout.slice(start + 1));
  const figures: BenchFigure[] = Object.entries(
    result.latencyMs as Record<string, { p95: number }>,
  ).map(([query, latency]) => ({
    measure: `${query}, p95`,
    value: latency.p95,
    unit: 'ms',
    // #14 asks for deep pages by keyset (`cursor=`); a deep `offset=` page, which walks
    // the skipped index entries, is shown for comparison.
    ...(query.includes('offset=') ? {} : { target: { op: '<', value: 20 } }),
  }));
  figures.push({
    measure: `GET /unmatched, p95 of ${result.unmatched.count}`,
    value: result.unmatched.p95 as number,
    unit: 'ms',
    target: { op: '<', value: 50 },
  });
  return figures;
}

function jsonLines(stdout: string): any[] {
  return stdout
    .split('\n')
    .filter(line => line.startsWith('{') && line.endsWith('}'))
    .map(line => JSON.parse(line));
}
