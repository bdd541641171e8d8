// @ts-check

/**
 * Each entity's outcome per rule as rows, so that the scorecard's rule filter is an index
 * lookup instead of a scan of `policy_results.outcomes_json`; and a hash of each stored
 * result, so that an evaluation that finds the same result rewrites nothing but its time.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('policy_rule_outcomes', table => {
    table.comment('Outcome of each rule in the current result of each entity');
    table.string('entity_ref', 400).notNullable();
    table.string('rule_id', 100).notNullable();
    table.string('outcome', 30).notNullable();
    table.primary(['entity_ref', 'rule_id']);
    table.index(
      ['rule_id', 'outcome', 'entity_ref'],
      'policy_rule_outcomes_filter_idx',
    );
  });
  await knex.raw(
    knex.client.config.client === 'pg'
      ? 'insert into policy_rule_outcomes (entity_ref, rule_id, outcome) select entity_ref, j.key, j.value from policy_results, json_each_text(outcomes_json::json) as j'
      : 'insert into policy_rule_outcomes (entity_ref, rule_id, outcome) select entity_ref, j.key, j.value from policy_results, json_each(policy_results.outcomes_json) as j',
  );
  await knex.schema.alterTable('policy_results', table => {
    table
      .string('results_hash', 64)
      .nullable()
      .comment('sha256 of the stored result; null: write it again');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('policy_results', table => {
    table.dropColumn('results_hash');
  });
  await knex.schema.dropTable('policy_rule_outcomes');
};
