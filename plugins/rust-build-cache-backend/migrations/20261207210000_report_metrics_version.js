// @ts-check

/**
 * The version of `computeRunMetrics` (`RUN_METRICS_VERSION` of the common package) that
 * computed each report's stored `metrics_json`. A run page serves the stored metrics while
 * the version is current, and computes them again from the report otherwise. Reports
 * stored before this column keep null: their metrics may come from an earlier version, so
 * they are computed from the report, as they were before.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('reports', table => {
    table
      .integer('metrics_version')
      .nullable()
      .comment('RUN_METRICS_VERSION of metrics_json; null: recompute');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('reports', table => {
    table.dropColumn('metrics_version');
  });
};
