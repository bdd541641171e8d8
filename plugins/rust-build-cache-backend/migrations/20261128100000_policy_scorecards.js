// @ts-check

/**
 * Policy scorecards: the current evaluation of each entity, one snapshot per entity and
 * UTC day for the trend, exemptions (waivers) and their audit log.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('policy_results', table => {
    table.comment('Current policy evaluation of each catalog entity');
    table.string('entity_ref', 400).primary().notNullable();
    table.string('owner', 400).nullable().comment('Entity ref of the owner');
    table.string('level', 100).nullable().comment('Highest level reached');
    table.integer('passed').notNullable();
    table.integer('failed').notNullable();
    table.integer('warned').notNullable();
    table.integer('exempt').notNullable();
    table.integer('not_applicable').notNullable();
    table.integer('insufficient_data').notNullable();
    table
      .text('outcomes_json')
      .notNullable()
      .comment('{ ruleId: outcome }, for filters and rule counts');
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.index(['owner'], 'policy_results_owner_idx');
  });

  // Kept apart from policy_results, so that the summary and the entity table scan narrow
  // rows only.
  await knex.schema.createTable('policy_result_details', table => {
    table.comment('Per-rule results of the current evaluation of each entity');
    table.string('entity_ref', 400).primary().notNullable();
    table.text('next_level_json').nullable();
    table
      .text('results_json')
      .notNullable()
      .comment('Per-rule results with evidence, without policy texts');
  });

  await knex.schema.createTable('policy_daily_snapshots', table => {
    table.comment(
      'One evaluation per entity and UTC day, for the 90-day trend',
    );
    table.string('entity_ref', 400).notNullable();
    table.string('day', 10).notNullable().comment('YYYY-MM-DD, UTC');
    table.string('owner', 400).nullable();
    table.string('level', 100).nullable();
    table.integer('passed').notNullable();
    table.integer('failed').notNullable();
    table.integer('warned').notNullable();
    table.integer('exempt').notNullable();
    table.integer('not_applicable').notNullable();
    table.integer('insufficient_data').notNullable();
    table.text('failing_rule_ids_json').notNullable();
    table.primary(['entity_ref', 'day']);
    table.index(['day'], 'policy_daily_snapshots_day_idx');
  });

  await knex.schema.createTable('policy_exemptions', table => {
    table.comment('Time-limited exceptions to one rule for one entity');
    table.string('id', 36).primary().notNullable();
    table.string('entity_ref', 400).notNullable();
    table.string('rule_id', 100).notNullable();
    table.text('reason').notNullable();
    table.string('author', 400).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.timestamp('revoked_at', { useTz: true }).nullable();
    table.string('revoked_by', 400).nullable();
    table.index(['entity_ref'], 'policy_exemptions_entity_idx');
  });

  await knex.schema.createTable('policy_exemption_audit', table => {
    table.comment('Who created or revoked which exemption, and when');
    table.bigIncrements('id').primary();
    table.string('exemption_id', 36).notNullable();
    table.string('entity_ref', 400).notNullable();
    table.string('rule_id', 100).notNullable();
    table.string('action', 20).notNullable().comment('created | revoked');
    table.string('actor', 400).notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.text('details_json').notNullable();
    table.index(['entity_ref'], 'policy_exemption_audit_entity_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('policy_exemption_audit');
  await knex.schema.dropTable('policy_exemptions');
  await knex.schema.dropTable('policy_daily_snapshots');
  await knex.schema.dropTable('policy_result_details');
  await knex.schema.dropTable('policy_results');
};
