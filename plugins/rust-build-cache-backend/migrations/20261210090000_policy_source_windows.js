// @ts-check

/**
 * Each source's policy window (its last CI runs and latest report of another kind, as the
 * policy reads them) kept once read, so that a full evaluation reads one row per source by
 * primary key instead of scanning each source's runs again: 10,000 index scans per
 * evaluation, most of SQLite's time in it and half a second of PostgreSQL's work
 * (docs/benchmarks.md).
 *
 * A window is valid while its source's row in `report_sources` is unchanged:
 * `inputs_version` there is a new random value with every insert or retention delete of the
 * source's reports (in their transaction), and `reports` its count, which a replica of an
 * earlier version also changes during a rolling upgrade. The policy reads a window only
 * when both match and it holds the number of CI runs asked for; otherwise it reads the
 * runs and stores the window again. Nothing needs filling here: the windows are written
 * by the reads. A migration that rewrites `report_policy_inputs.run_json` must delete the
 * windows.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('report_sources', table => {
    table
      .uuid('inputs_version')
      .nullable()
      .comment(
        'New with every insert or delete of the source’s reports: whether a stored policy window is still valid; null matches no window',
      );
  });
  await knex.schema.createTable('policy_source_windows', table => {
    table.comment(
      'Each source’s policy window of runs as last read, valid while its report_sources row is unchanged',
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
      .comment('JSON array of the runs’ stored run_json, newest first');
    table.string('newest_id', 36).nullable();
    table.string('newest_ci_id', 36).nullable();
    table.string('newest_ci_stats_id', 36).nullable();
    table.primary(['repository', 'workspace_path']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('policy_source_windows');
  await knex.schema.alterTable('report_sources', table => {
    table.dropColumn('inputs_version');
  });
};
