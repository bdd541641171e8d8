// @ts-check

/**
 * Nightly pre-warming: schedules, their runs (one per cron slot or "run now") and the warm
 * jobs of each run. A scheduled run's (schedule_id, scheduled_for) is unique: that insert
 * is how exactly one replica claims a cron slot.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('prewarm_schedules', table => {
    table.comment('Pre-warm schedules');
    table.string('id', 36).primary();
    table.string('name', 200).notNullable();
    table.string('cron', 200).notNullable();
    table.string('time_zone', 100).notNullable();
    table.text('scope_json').notNullable().comment('PrewarmScope');
    table.string('executor_id', 200).notNullable();
    table.integer('concurrency').notNullable();
    table.integer('time_limit_minutes').notNullable();
    table.boolean('paused').notNullable().defaultTo(false);
    table.string('created_by', 500).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table
      .timestamp('dispatch_from', { useTz: true })
      .notNullable()
      .comment(
        'Cron slots at or before this are never dispatched (creation, cron edit, resume)',
      );
  });

  await knex.schema.createTable('prewarm_runs', table => {
    table.comment('One dispatch of a pre-warm schedule');
    table.string('id', 36).primary();
    table
      .string('schedule_id', 36)
      .notNullable()
      .comment('No foreign key: history outlives its schedule');
    table.string('schedule_name', 200).notNullable();
    table.string('trigger', 20).notNullable().comment('schedule | manual');
    table.string('triggered_by', 500).nullable();
    table.string('executor_id', 200).notNullable();
    table.integer('concurrency').notNullable();
    table.integer('time_limit_minutes').notNullable();
    table.string('state', 20).notNullable();
    table.timestamp('scheduled_for', { useTz: true }).nullable();
    table.timestamp('queued_at', { useTz: true }).notNullable();
    table.timestamp('started_at', { useTz: true }).nullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.boolean('cancel_requested').notNullable().defaultTo(false);
    table
      .string('claimed_by', 200)
      .nullable()
      .comment('Instance executing the run');
    table.timestamp('heartbeat_at', { useTz: true }).nullable();
    // NULLs are distinct in both PostgreSQL and SQLite: manual runs never collide.
    table.unique(['schedule_id', 'scheduled_for'], {
      indexName: 'prewarm_runs_slot_unique',
    });
    table.index(['schedule_id', 'queued_at'], 'prewarm_runs_by_schedule');
    table.index(['state'], 'prewarm_runs_by_state');
  });

  await knex.schema.createTable('prewarm_jobs', table => {
    table.comment('Warm jobs: one per warm group of a run');
    table.string('id', 36).primary();
    table
      .string('run_id', 36)
      .notNullable()
      .references('id')
      .inTable('prewarm_runs')
      .onDelete('CASCADE');
    table
      .integer('position')
      .notNullable()
      .comment('Order by expected benefit');
    table.string('group_id', 64).notNullable();
    table.text('key_json').notNullable().comment('WarmGroupKey');
    table.text('representative_json').notNullable();
    table.text('entity_refs_json').notNullable();
    table.double('expected_benefit').notNullable();
    table.string('state', 30).notNullable();
    table.timestamp('queued_at', { useTz: true }).notNullable();
    table.timestamp('started_at', { useTz: true }).nullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.string('external_id', 500).nullable();
    table.string('external_url', 2000).nullable();
    table.integer('cache_writes').nullable();
    table.string('report_id', 36).nullable();
    table.text('log_tail').notNullable().defaultTo('');
    table.text('error').nullable();
    table.timestamp('heartbeat_at', { useTz: true }).nullable();
    table.string('claimed_by', 200).nullable();
    table.index(['run_id', 'position'], 'prewarm_jobs_by_run');
    table.index(['group_id', 'state'], 'prewarm_jobs_by_group');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('prewarm_jobs');
  await knex.schema.dropTable('prewarm_runs');
  await knex.schema.dropTable('prewarm_schedules');
};
