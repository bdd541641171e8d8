// @ts-check

/**
 * Repository snapshots: what each repository workspace pins on its default branch (the
 * latest read only), and the history of changes of its toolchain pin and dependencies.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('repository_snapshots', table => {
    table.comment('Latest snapshot of a repository workspace');
    table
      .string('repository', 800)
      .notNullable()
      .comment('host/owner/name, lower case');
    table.string('workspace_path', 800).notNullable();
    table.timestamp('read_at', { useTz: true }).notNullable();
    table.text('snapshot_json').notNullable().comment('RepositorySnapshot');
    table.primary(['repository', 'workspace_path']);
  });

  await knex.schema.createTable('repository_snapshot_changes', table => {
    table.comment('Changes of the toolchain pin or dependency fingerprint');
    table.bigIncrements('id').primary();
    table.string('repository', 800).notNullable();
    table.string('workspace_path', 800).notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('field', 50).notNullable().comment('toolchain | dependencies');
    table.text('from_value').nullable();
    table.text('to_value').nullable();
    table.index(
      ['repository', 'workspace_path', 'at'],
      'snapshot_changes_by_source',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('repository_snapshot_changes');
  await knex.schema.dropTable('repository_snapshots');
};
