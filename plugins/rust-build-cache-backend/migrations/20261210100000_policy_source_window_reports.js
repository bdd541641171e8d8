// @ts-check

/**
 * A source's stored policy window holds the policy projections of its reports read in full
 * (`reportsReadInFull`) as well, instead of their ids: a full evaluation then reads one row
 * per source and no report (on SQLite, looking up the 10,000 reports of 10,000 sources by
 * id took about 100 ms per evaluation, more than reading the windows). The windows are
 * only kept between reads, so the table is created anew, empty: the next evaluation reads
 * the runs and stores the windows. A migration that rewrites `report_policy_inputs`'
 * `policy_json` must delete the windows.
 *
 * The sources stored before `20261210090000` get an `inputs_version` too (one value for
 * all: it only has to change with each write of a source): without one, the window of a
 * source that gets no new report would never be stored.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const { randomUUID } = require('node:crypto');
  await knex('report_sources')
    .whereNull('inputs_version')
    .update({ inputs_version: randomUUID() });
  await knex.schema.dropTable('policy_source_windows');
  await createWindows(knex, table =>
    table
      .text('reports_json')
      .notNullable()
      .comment(
        'JSON array of the policy_json of the reports read in full (reportsReadInFull)',
      ),
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('policy_source_windows');
  await createWindows(knex, table => {
    table.string('newest_id', 36).nullable();
    table.string('newest_ci_id', 36).nullable();
    table.string('newest_ci_stats_id', 36).nullable();
  });
};

/**
 * The table as `20261210090000_policy_source_windows` created it, with `reports` columns.
 *
 * @param {import('knex').Knex} knex
 * @param {(table: import('knex').Knex.CreateTableBuilder) => void} reports
 */
async function createWindows(knex, reports) {
  await knex.schema.createTable('policy_source_windows', table => {
    table.comment(
      'Each source’s policy window as last read, valid while its report_sources row is unchanged',
    );
    table.string('repository', 800).notNullable();
    table.string('workspace_path', 500).notNullable();
    table
      .uuid('inputs_version')
      .notNullable()
      .comment('report_sources.inputs_version when the window was read');
    table
      .bigInteger('source_reports')
      .notNullable()
      .comment('report_sources.reports when the window was read');
    table
      .integer('ci_runs')
      .notNullable()
      .comment('How many CI runs the window holds at most');
    table
      .text('runs_json')
      .notNullable()
      .comment('JSON array of the runs’ run_json, newest first');
    reports(table);
    table.primary(['repository', 'workspace_path']);
  });
}
