// @ts-check

/**
 * Daily rollups per language. Until now a rollup summed hits, misses, errors and avoidable
 * non-cacheable requests over every language sccache counted (Rust and the C/C++ that build
 * scripts compile); from now on those columns are Rust's, and the other languages get rows
 * of their own. Existing rollups are marked `legacy`: the backend splits them again from the
 * stored reports of their day (`splitLegacyRollups`), or marks them `mixed` when retention
 * has deleted some of those reports.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('daily_rollups', table => {
    table
      .string('languages', 10)
      .notNullable()
      .defaultTo('split')
      .comment(
        "split: hits..avoidable_not_cached are Rust's; legacy: all languages, to be split; mixed: all languages, reports gone",
      );
  });
  await knex('daily_rollups').update({ languages: 'legacy' });

  await knex.schema.createTable('daily_language_rollups', table => {
    table.comment(
      'Sums per workspace, UTC day and sccache language group other than Rust',
    );
    table.string('repository', 800).notNullable();
    table.string('workspace_path', 500).notNullable();
    table.string('day', 10).notNullable().comment('YYYY-MM-DD, UTC');
    table
      .string('language', 200)
      .notNullable()
      .comment('sccache language group, e.g. C/C++');
    table.bigInteger('hits').notNullable();
    table.bigInteger('misses').notNullable();
    table.bigInteger('errors').notNullable();
    table.bigInteger('avoidable_not_cached').notNullable();
    table.primary(['repository', 'workspace_path', 'day', 'language']);
    table.index(['day'], 'daily_language_rollups_day_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('daily_language_rollups');
  await knex.schema.alterTable('daily_rollups', table => {
    table.dropColumn('languages');
  });
};
