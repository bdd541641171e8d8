/*
 * What bench/policy.ts seeds and evaluates: the policy with all 12 built-in rules, and
 * 10,000 entities' CI reports, repository snapshots and exemptions written through the
 * plugin's write path.
 */
import { Knex } from 'knex';
import {
  BuildCacheReport,
  DEFAULT_POLICY,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { readExampleReport } from '../src/__testUtils__/reports';
import { migrateDatabase } from '../src/database/migrations';
import { DatabaseReportStore } from '../src/reports/DatabaseReportStore';
import { toNewRun } from '../src/reports/ReportIngestionService';
import { argValue, benchEntityName, benchReport } from './lib';

/** How many of the latest CI runs the windowed rules look at (their default is 10). */
const WINDOW = Number(argValue('window', '10'));
const DAY_MS = 24 * 60 * 60 * 1000;

/** What the bench changes in the default policy's rules: the window, and a lower bar. */
const PARAM_OVERRIDES: Record<string, Record<string, unknown>> = {
  'cache-errors-bounded': { runs: WINDOW },
  'effective-hit-rate': { threshold: 0.6, runs: WINDOW, minRuns: 5 },
  'rustflags-stable': { runs: WINDOW },
};

/**
 * All 12 built-in rules, as an organisation would configure them: the default policy,
 * with a baseline and the one rule that needs it (in gold), and the bench's params.
 */
export const POLICY_CONFIG = {
  baseline: { rustRelease: '1.95.0' },
  rules: [
    ...DEFAULT_POLICY.rules.map(rule => ({
      ...rule,
      params: { ...rule.params, ...PARAM_OVERRIDES[rule.id] },
    })),
    { id: 'toolchain-near-baseline', severity: 'warning' },
  ],
  levels: DEFAULT_POLICY.levels.map(level =>
    level.id === 'gold'
      ? { ...level, rules: [...level.rules, 'toolchain-near-baseline'] }
      : level,
  ),
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

export async function seed(knex: Knex, entities: number, runs: number) {
  const store = await DatabaseReportStore.create(
    await migrateDatabase({ getClient: async () => knex }),
  );
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
