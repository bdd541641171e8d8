// @ts-check

/**
 * State of pulling reports from CI providers: where each provider resumes per repository,
 * and the outcome of the last pull per entity.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('pull_cursors', table => {
    table.comment('Where a pull provider resumes for one repository');
    table.string('provider_id', 100).notNullable();
    table
      .string('repository', 800)
      .notNullable()
      .comment('host/owner/name, lower case');
    table.text('cursor').notNullable().comment('Opaque to the backend');
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.primary(['provider_id', 'repository']);
  });

  await knex.schema.createTable('entity_pull_status', table => {
    table.comment('Outcome of the last pull of an entity');
    table.string('entity_ref', 400).primary().notNullable();
    table.string('provider_id', 100).notNullable();
    table.timestamp('last_pulled_at', { useTz: true }).notNullable();
    table.timestamp('last_success_at', { useTz: true }).nullable();
    table.integer('last_ingested').notNullable();
    table.text('last_error').nullable();
    table.timestamp('rate_limited_until', { useTz: true }).nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('entity_pull_status');
  await knex.schema.dropTable('pull_cursors');
};
