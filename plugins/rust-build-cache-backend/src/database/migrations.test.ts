import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  encodePolicyRun,
  PolicyRun,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const migrationsDir = resolvePackagePath(
  '@rust-build-cache/plugin-rust-build-cache-backend',
  'migrations',
);

const databases = createTestDatabases();

const TABLES = ['reports', 'daily_rollups', 'entity_links'];

describe.each(databases.eachSupportedId())('migrations (%s)', databaseId => {
  let knex: Knex;

  beforeEach(async () => {
    knex = await databases.init(databaseId);
  });

  afterEach(async () => {
    await knex.destroy();
  });

  const existingTables = async () => {
    const exists = await Promise.all(
      TABLES.map(table => knex.schema.hasTable(table)),
    );
    return TABLES.filter((_, i) => exists[i]);
  };

  const reportRow = (id: string, idempotencyKey: string) => ({
    id,
    idempotency_key: idempotencyKey,
    repository: 'github.com/acme/platform',
    workspace_path: '.',
    kind: 'ci',
    provider: 'github-actions',
    run_id: '1',
    run_attempt: 1,
    job: 'build',
    finished_at: new Date('2026-11-01T10:00:00Z'),
    received_at: new Date('2026-11-01T10:00:01Z'),
    report_json: '{}',
  });

  it('creates the schema, enforces the idempotency key, and drops it all on the way down', async () => {
    await knex.migrate.up({ directory: migrationsDir });
    expect(await existingTables()).toEqual(TABLES);

    await knex('reports').insert(
      reportRow('6f0a1c2e-8b1d-4c55-9a43-1f7b5f2b9e01', 'k'),
    );
    // Not toThrow(): better-sqlite3's errors come from another realm than jest's Error.
    await expect(
      knex('reports').insert(
        reportRow('6f0a1c2e-8b1d-4c55-9a43-1f7b5f2b9e02', 'k'),
      ),
    ).rejects.toHaveProperty('message', expect.stringMatching(/unique/i));

    await knex.migrate.down({ directory: migrationsDir });
    expect(await existingTables()).toEqual([]);

    // And up again from nothing: down left no stray indexes or tables behind.
    await knex.migrate.latest({ directory: migrationsDir });
    expect(await existingTables()).toEqual(TABLES);
  });

  it('creates the policy scorecard tables and undoes them by name', async () => {
    const policyTables = [
      'policy_results',
      'policy_result_details',
      'policy_daily_snapshots',
      'policy_exemptions',
      'policy_exemption_audit',
    ];
    const have = () =>
      Promise.all(policyTables.map(table => knex.schema.hasTable(table)));
    await knex.migrate.latest({ directory: migrationsDir });
    expect(await have()).toEqual([true, true, true, true, true]);
    const snapshot = { entity_ref: 'component:default/a', day: '2026-11-27' };
    const counts = { passed: 1, failed: 0, warned: 0, exempt: 0 };
    const row = {
      ...snapshot,
      ...counts,
      not_applicable: 0,
      insufficient_data: 0,
      failing_rule_ids_json: '[]',
    };
    await knex('policy_daily_snapshots').insert(row);
    await expect(
      knex('policy_daily_snapshots').insert(row),
    ).rejects.toHaveProperty('message', expect.stringMatching(/unique/i));
    await knex.migrate.down({
      directory: migrationsDir,
      name: '20261128100000_policy_scorecards.js',
    });
    expect(await have()).toEqual([false, false, false, false, false]);
  });

  it('creates the pre-warm tables, where a cron slot of a schedule is claimed once', async () => {
    const prewarmTables = ['prewarm_schedules', 'prewarm_runs', 'prewarm_jobs'];
    const have = () =>
      Promise.all(prewarmTables.map(table => knex.schema.hasTable(table)));
    await knex.migrate.latest({ directory: migrationsDir });
    expect(await have()).toEqual([true, true, true]);
    const run = (id: string, slot: Date | null) => ({
      id,
      schedule_id: 's1',
      schedule_name: 'Nightly',
      trigger: slot ? 'schedule' : 'manual',
      executor_id: 'local',
      concurrency: 1,
      time_limit_minutes: 60,
      state: 'queued',
      scheduled_for: slot,
      queued_at: new Date('2026-11-28T03:00:00Z'),
    });
    const slot = new Date('2026-11-28T03:00:00Z');
    await knex('prewarm_runs').insert(run('r1', slot));
    await expect(
      knex('prewarm_runs').insert(run('r2', slot)),
    ).rejects.toHaveProperty('message', expect.stringMatching(/unique/i));
    // Manual runs have no slot and never collide.
    await knex('prewarm_runs').insert([run('r3', null), run('r4', null)]);
    await knex.migrate.down({
      directory: migrationsDir,
      name: '20261128110000_prewarm.js',
    });
    expect(await have()).toEqual([false, false, false]);
  });

  it("finds a source's policy runs by an index that holds them on PostgreSQL", async () => {
    const postgres = knex.client.config.client === 'pg';
    const sourceIndexes = async (): Promise<
      Array<{ name: string; definition: string }>
    > =>
      postgres
        ? (
            await knex.raw(
              "select indexname as name, indexdef as definition from pg_indexes where tablename = 'report_policy_inputs' and indexname like '%source%'",
            )
          ).rows
        : await knex.raw(
            "select name, sql as definition from sqlite_master where type = 'index' and tbl_name = 'report_policy_inputs' and name like '%source%'",
          );
    await knex.migrate.latest({ directory: migrationsDir });
    // PostgreSQL: index-only scans read the runs from the leaf pages, a source's side by
    // side. SQLite reads its rows by rowid: its index stays.
    const [index, ...others] = await sourceIndexes();
    expect(others).toEqual([]);
    expect([
      index.name,
      /INCLUDE \(run_json\)$/.test(index.definition),
    ]).toEqual(
      postgres
        ? ['report_policy_inputs_source_runs_idx', true]
        : ['report_policy_inputs_source_idx', false],
    );
    await knex.migrate.down({
      directory: migrationsDir,
      name: '20261208090000_policy_runs_covering_index.js',
    });
    expect((await sourceIndexes()).map(({ name }) => name)).toEqual([
      'report_policy_inputs_source_idx',
    ]);
  });

  it('keeps the full evaluation time once, and writes it into the results on the way down', async () => {
    await knex.migrate.latest({ directory: migrationsDir });
    const row = (entityRef: string, evaluatedAt: string) => ({
      entity_ref: entityRef,
      owner: null,
      level: null,
      passed: 0,
      failed: 0,
      warned: 0,
      exempt: 0,
      not_applicable: 0,
      insufficient_data: 0,
      outcomes_json: '{}',
      evaluated_at: new Date(evaluatedAt),
      results_hash: null,
    });
    await knex('policy_results').insert([
      row('component:default/older', '2026-12-07T08:00:00Z'),
      row('component:default/newer', '2026-12-07T12:00:00Z'),
    ]);
    await knex('policy_results_version')
      .where('id', 1)
      .update({ full_evaluation_at: new Date('2026-12-07T10:00:00Z') });
    await knex.migrate.down({
      directory: migrationsDir,
      name: '20261208120000_policy_full_evaluation_time.js',
    });
    expect(
      await knex.schema.hasColumn(
        'policy_results_version',
        'full_evaluation_at',
      ),
    ).toBe(false);
    const times = await knex('policy_results')
      .select('entity_ref', 'evaluated_at')
      .orderBy('entity_ref');
    expect(
      times.map(t => [t.entity_ref, new Date(t.evaluated_at).toISOString()]),
    ).toEqual([
      ['component:default/newer', '2026-12-07T12:00:00.000Z'],
      ['component:default/older', '2026-12-07T10:00:00.000Z'],
    ]);
  });

  it("adds the policy source windows (with their reports) and their sources' inputs version, and removes them on the way down", async () => {
    await knex.migrate.latest({ directory: migrationsDir });
    expect(await knex.schema.hasTable('policy_source_windows')).toBe(true);
    expect(
      await knex.schema.hasColumn('report_sources', 'inputs_version'),
    ).toBe(true);
    expect(
      await knex.schema.hasColumn('policy_source_windows', 'reports_json'),
    ).toBe(true);
    // A source stored before the version existed gets one.
    await knex.migrate.down({
      directory: migrationsDir,
      name: '20261210100000_policy_source_window_reports.js',
    });
    await knex('report_sources').insert({
      repository: 'github.com/acme/platform',
      workspace_path: '.',
      reports: 3,
      last_finished_at: new Date('2026-12-01T10:00:00Z'),
      inputs_version: null,
    });
    await knex.migrate.latest({ directory: migrationsDir });
    expect(await knex('report_sources').pluck('inputs_version')).toEqual([
      expect.stringMatching(/^[0-9a-f-]{36}$/),
    ]);
    await knex.migrate.down({
      directory: migrationsDir,
      name: '20261210100000_policy_source_window_reports.js',
    });
    expect(
      await knex.schema.hasColumn('policy_source_windows', 'reports_json'),
    ).toBe(false);
    expect(
      await knex.schema.hasColumn('policy_source_windows', 'newest_ci_id'),
    ).toBe(true);
    await knex.migrate.down({
      directory: migrationsDir,
      name: '20261210090000_policy_source_windows.js',
    });
    expect(await knex.schema.hasTable('policy_source_windows')).toBe(false);
    expect(
      await knex.schema.hasColumn('report_sources', 'inputs_version'),
    ).toBe(false);
  });

  it('stores policy runs in their compact form, and writes them back as objects on the way down', async () => {
    await knex.migrate.latest({ directory: migrationsDir });
    const run: PolicyRun = {
      kind: 'ci',
      finishedAt: '2026-11-01T10:00:00.000Z',
      runId: '1',
      rustflagsSha256: null,
      dependencies: { lockVersion: 4 },
      cache: {
        rustCompiled: true,
        hits: 7,
        misses: 2,
        avoidableNotCached: 1,
        failures: {
          readErrors: 0,
          writeErrors: 1,
          timeouts: 0,
          errorsBeforeLookup: 3,
        },
      },
    };
    const runs = [run, { ...run, runId: '2', cache: null, dependencies: null }];
    await knex('report_policy_inputs').insert(
      runs.map((r, i) => ({
        report_id: `6f0a1c2e-8b1d-4c55-9a43-1f7b5f2b9e0${i}`,
        repository: 'github.com/acme/platform',
        workspace_path: '.',
        kind: 'ci',
        finished_at: new Date(r.finishedAt),
        policy_json: '{}',
        run_json: JSON.stringify(encodePolicyRun(r)),
      })),
    );
    const stored = async () =>
      (
        await knex('report_policy_inputs')
          .select('run_json')
          .orderBy('report_id')
      ).map(row => JSON.parse(row.run_json));
    const name = '20261209090000_policy_runs_compact.js';
    await knex.migrate.down({ directory: migrationsDir, name });
    expect(await stored()).toEqual(runs);
    // As if a conversion was interrupted (each batch commits): the rest is converted.
    await knex('report_policy_inputs')
      .where('report_id', '6f0a1c2e-8b1d-4c55-9a43-1f7b5f2b9e00')
      .update({ run_json: JSON.stringify(encodePolicyRun(run)) });
    await knex.migrate.up({ directory: migrationsDir, name });
    expect(await stored()).toEqual(runs.map(r => encodePolicyRun(r)));
  });

  it('marks the rollups stored before per-language metrics legacy, and undoes it', async () => {
    // Up to the migration before: rollups summed over every language.
    const name = '20261206120000_per_language_rollups.js';
    for (;;) {
      const [, pending] = await knex.migrate.list({ directory: migrationsDir });
      if (pending[0].file === name) break;
      await knex.migrate.up({ directory: migrationsDir });
    }
    const rollup = {
      repository: 'github.com/acme/platform',
      workspace_path: '.',
      day: '2026-11-01',
      runs: 1,
      requests: 9,
      hits: 3,
      misses: 1,
      errors: 0,
      avoidable_not_cached: 0,
      compile_seconds: 1.5,
      cache_write_errors: 0,
    };
    await knex('daily_rollups').insert(rollup);
    await knex.migrate.up({ directory: migrationsDir, name });
    expect(await knex('daily_rollups').select('languages')).toEqual([
      { languages: 'legacy' },
    ]);
    // Rows written from now on are split by language.
    await knex('daily_rollups').insert({ ...rollup, day: '2026-12-06' });
    expect(
      (await knex('daily_rollups').where({ day: '2026-12-06' }))[0].languages,
    ).toBe('split');
    expect(await knex.schema.hasTable('daily_language_rollups')).toBe(true);

    await knex.migrate.down({ directory: migrationsDir, name });
    expect(await knex.schema.hasTable('daily_language_rollups')).toBe(false);
    expect(await knex.schema.hasColumn('daily_rollups', 'languages')).toBe(
      false,
    );
  });
});
