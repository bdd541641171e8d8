// @ts-check

/**
 * One counter that every write of the policy results or their daily snapshots raises in
 * its own transaction, so that the scorecards' cached summary, pages and trend are checked
 * against it with one primary-key read instead of a scan of every result (and so that a
 * write by any replica invalidates every replica's cache).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('policy_results_version', table => {
    table.comment(
      'Raised by every write of policy_results or policy_daily_snapshots',
    );
    table.integer('id').primary().notNullable().comment('Always 1');
    table.bigInteger('version').notNullable();
  });
  await knex('policy_results_version').insert({ id: 1, version: 0 });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('policy_results_version');
};
