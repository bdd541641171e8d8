// @ts-check

/**
 * One row per (repository, workspace) that has stored reports: how many, and when the
 * latest finished. Maintained at ingestion and by retention, so that listing the sources
 * no entity links to reads this small table instead of every report.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('report_sources', table => {
    table.comment('Stored reports per repository workspace');
    table.string('repository', 800).notNullable();
    table.string('workspace_path', 500).notNullable();
    table.bigInteger('reports').notNullable();
    table.timestamp('last_finished_at', { useTz: true }).notNullable();
    table.primary(['repository', 'workspace_path']);
  });
  await knex.raw(
    'insert into report_sources (repository, workspace_path, reports, last_finished_at) select repository, workspace_path, count(*), max(finished_at) from reports group by repository, workspace_path',
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('report_sources');
};
