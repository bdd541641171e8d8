/*
 * Shared parts of the benchmarks: a real backend (backend-defaults: real database, auth,
 * scheduler and HTTP server) running this plugin, an in-memory catalog, the entities and
 * reports they seed, statistics and printed figures. Its HTTP clients are in httpLoad.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createBackend } from '@backstage/backend-defaults';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { Config, ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { BuildCacheReport } from '@rust-build-cache/plugin-rust-build-cache-common';
import { annotatedComponent } from '@rust-build-cache/plugin-rust-build-cache-node/testUtils';
import { rustBuildCachePlugin } from '../src/plugin';

export const BENCH_TOKEN = 'rust-build-cache-bench-token-0123456789';

/** Database prefix of bench/seed.ts and bench/query.ts: both use `<prefix>rust-build-cache`. */
export const QUERY_BENCH_PREFIX = 'rbc_bench_query_';

export type BenchDatabase =
  | { client: 'pg'; connection: string; prefix: string }
  | { client: 'better-sqlite3'; directory: string };

/** `backend` config of a benchmark's backend on loopback `port`, with the bench database. */
export function benchBackendConfig(port: number, database: BenchDatabase) {
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    listen: { port, host: '127.0.0.1' },
    database:
      database.client === 'pg'
        ? {
            client: 'pg',
            connection: database.connection,
            prefix: database.prefix,
          }
        : {
            client: 'better-sqlite3',
            connection: { directory: database.directory },
          },
  };
}

/** A backend (backend-defaults) that reads `config` instead of the app's config files. */
export function backendWithConfig(config: Config) {
  const backend = createBackend();
  backend.add(
    createServiceFactory({
      service: coreServices.rootConfig,
      deps: {},
      factory: () => config,
    }),
  );
  return backend;
}

/** Starts a backend with this plugin on `port`; stop it with the returned function. */
export async function startBenchBackend(options: {
  port: number;
  database: BenchDatabase;
  entities: Entity[];
  /** More top-level config, e.g. `{ rustBuildCache: { policy } }`. */
  config?: Record<string, unknown>;
}): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const config = new ConfigReader({
    backend: {
      ...benchBackendConfig(options.port, options.database),
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: BENCH_TOKEN, subject: 'bench' },
            accessRestrictions: [{ plugin: 'rust-build-cache' }],
          },
        ],
      },
    },
    permission: { enabled: false },
    ...options.config,
  });

  const backend = backendWithConfig(config);
  backend.add(catalogServiceMock.factory({ entities: options.entities }));
  backend.add(rustBuildCachePlugin);
  await backend.start();
  return {
    baseUrl: `${baseUrl}/api/rust-build-cache`,
    stop: () => backend.stop(),
  };
}

export function benchEntityName(index: number): string {
  return `service-${String(index).padStart(4, '0')}`;
}

/** Entity `index` reports from workspace `services/<name>` of github.com/bench/monorepo. */
export function benchEntity(index: number): Entity {
  const name = benchEntityName(index);
  return annotatedComponent({
    name,
    workspace: `services/${name}`,
    projectSlug: 'bench/monorepo',
    spec: { type: 'service', lifecycle: 'production', owner: 'bench' },
  });
}

/** A report of entity `entityIndex`'s workspace, finished at `finishedAt`. */
export function benchReport(
  example: BuildCacheReport,
  entityIndex: number,
  runId: string,
  finishedAt: Date,
): BuildCacheReport {
  return {
    ...example,
    kind: 'ci',
    source: {
      ...example.source,
      repository: { host: 'github.com', owner: 'bench', name: 'monorepo' },
      workspacePath: `services/${benchEntityName(entityIndex)}`,
      startedAt: new Date(finishedAt.getTime() - 300_000).toISOString(),
      finishedAt: finishedAt.toISOString(),
      ci: { ...example.source.ci, runId, runAttempt: 1 },
    },
  };
}

export function percentile(sortedMs: number[], p: number): number {
  const index = Math.min(
    sortedMs.length - 1,
    Math.ceil((p / 100) * sortedMs.length) - 1,
  );
  return sortedMs[Math.max(0, index)];
}

export function summarise(latenciesMs: number[]) {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1]),
  };
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Prints a benchmark's figures for bench/run-all, as one line `BENCH_FIGURES <json>`. */
export function printFigures(figures: BenchFigure[]): void {
  console.log(`BENCH_FIGURES ${JSON.stringify(figures)}`);
}

/** One measured figure; see bench/runAll.ts. */
export interface BenchFigure {
  /** E.g. `ingest PostgreSQL, 8 clients`. */
  measure: string;
  value: number;
  unit: string;
  /** The target, e.g. `{ op: '>=', value: 2000 }`. */
  target?: { op: '>=' | '<'; value: number };
}

/** The 1-, 5- and 15-minute load averages, as `1.2 / 3.4 / 5.6`. */
/** CPU ticks used so far by each PostgreSQL server process of this machine (by pid). */
export type PostgresCpuReading = Map<string, number>;

/**
 * Reads the user and system CPU time of this machine's PostgreSQL server processes from
 * /proc (Linux only); {@link postgresCpuMsSince} turns two readings into the database's
 * share of a load.
 */
export function readPostgresCpu(): PostgresCpuReading {
  const ticks: PostgresCpuReading = new Map();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    const close = stat.lastIndexOf(')');
    if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres'))
      continue;
    // Fields after the command: state is field 3, utime 14 and stime 15 (man 5 proc).
    const fields = stat.slice(close + 2).split(' ');
    ticks.set(pid, Number(fields[11]) + Number(fields[12]));
  }
  return ticks;
}

/**
 * PostgreSQL's CPU milliseconds since `before`: per process, what it used since then (all
 * of it for processes started since). A process that ended in between is not counted.
 */
export function postgresCpuMsSince(before: PostgresCpuReading): number {
  let ticks = 0;
  for (const [pid, now] of readPostgresCpu()) {
    ticks += now - (before.get(pid) ?? 0);
  }
  // USER_HZ is 100 on every Linux this runs on.
  return ticks * 10;
}

export function loadAverage(): string {
  return loadavg()
    .map(l => l.toFixed(1))
    .join(' / ');
}

export function argValue(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  const arg = process.argv.find(a => a.startsWith(prefix));
  return arg ? arg.slice(prefix.length) : fallback;
}

/**
 * Runs a benchmark's `main`, then exits: 1 after printing the error when it fails, else 0.
 * Explicitly, since after stop() the backend's default services leave a timer behind that
 * would keep the process alive for minutes.
 */
export function runMain(main: () => Promise<unknown>): void {
  main().then(
    () => process.exit(0),
    error => {
      console.error(error);
      process.exit(1);
    },
  );
}
