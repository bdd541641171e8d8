// @ts-check

/**
 * Reports, their daily rollups, and the links from catalog entities to the
 * (repository, workspace) pairs that reports name.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reports', table => {
    table.comment(
      'One build-cache report: one CI or pre-warm job of one Cargo workspace',
    );
    table.uuid('id').primary().notNullable();
    // sha256 of (provider, repository, run id, run attempt, job, workspace path, kind):
    // a fixed-width key keeps the unique index small whatever the lengths of run ids and job names.
    table.string('idempotency_key', 64).notNullable();
    table
      .string('repository', 800)
      .notNullable()
      .comment('host/owner/name, lower case');
    table.string('workspace_path', 500).notNullable();
    table.string('kind', 20).notNullable();
    table.string('branch', 500).nullable();
    table.string('commit', 100).nullable();
    table.string('provider', 50).notNullable();
    table.string('run_id', 500).notNullable();
    table.integer('run_attempt').notNullable();
    table.string('job', 500).notNullable();
    table.text('url').nullable();
    table.timestamp('started_at', { useTz: true }).nullable();
    table.timestamp('finished_at', { useTz: true }).notNullable();
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.string('sccache_version', 100).nullable();
    table.string('cache_backend', 50).nullable();
    table.string('rustc_release', 100).nullable();
    // Metric columns are null when the report carried no sccache statistics.
    table.integer('requests').nullable();
    table.integer('hits').nullable();
    table.integer('misses').nullable();
    table.integer('errors').nullable();
    table.integer('avoidable_not_cached').nullable();
    table.double('compile_seconds').nullable();
    table.integer('cache_write_errors').nullable();
    table.integer('cache_timeouts').nullable();
    table.double('hit_rate').nullable();
    table.double('effective_hit_rate').nullable();
    table
      .text('metrics_json')
      .nullable()
      .comment('RunMetrics as computed at ingestion');
    table.text('report_json').notNullable();

    table.unique(['idempotency_key'], {
      indexName: 'reports_idempotency_key_uniq',
    });
    // Serves "newest runs of a workspace" (ORDER BY finished_at DESC, id DESC) by a
    // backward scan, reading only the rows of the page.
    table.index(
      ['repository', 'workspace_path', 'finished_at', 'id'],
      'reports_source_finished_at_idx',
    );
    table.index(['finished_at'], 'reports_finished_at_idx');
  });

  await knex.schema.createTable('daily_rollups', table => {
    table.comment(
      'Sums of the metrics of CI runs per workspace and UTC day; outlives raw reports',
    );
    table.string('repository', 800).notNullable();
    table.string('workspace_path', 500).notNullable();
    table.string('day', 10).notNullable().comment('YYYY-MM-DD, UTC');
    table.integer('runs').notNullable();
    table.bigInteger('requests').notNullable();
    table.bigInteger('hits').notNullable();
    table.bigInteger('misses').notNullable();
    table.bigInteger('errors').notNullable();
    table.bigInteger('avoidable_not_cached').notNullable();
    table.double('compile_seconds').notNullable();
    table.bigInteger('cache_write_errors').notNullable();
    table.primary(['repository', 'workspace_path', 'day']);
    table.index(['day'], 'daily_rollups_day_idx');
  });

  await knex.schema.createTable('entity_links', table => {
    table.comment(
      'Catalog entity → the (repository, workspace) its reports name',
    );
    table.string('entity_ref', 400).primary().notNullable();
    table.string('repository', 800).notNullable();
    table.string('workspace_path', 500).notNullable();
    table.index(['repository', 'workspace_path'], 'entity_links_source_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('entity_links');
  await knex.schema.dropTable('daily_rollups');
  await knex.schema.dropTable('reports');
};
