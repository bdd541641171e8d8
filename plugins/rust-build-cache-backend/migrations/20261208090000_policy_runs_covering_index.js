// @ts-check

/**
 * PostgreSQL: the index that finds a source's newest reports also holds their `run_json`,
 * so that an evaluation reads the runs from the index's leaf pages, a source's runs side by
 * side (an index-only scan), instead of one heap page per run: reports arrive interleaved
 * across sources, and each heap row carries the ~1.4 kB policy projection too. At 10,000
 * sources this read was most of PostgreSQL's CPU in a full evaluation (docs/benchmarks.md).
 * It replaces the index of the same key, so an insert still writes one index entry.
 * SQLite's read looks the rows up by rowid anyway: there the index stays as it is.
 *
 * Building it reads every stored projection once: 1.7 s for 300,000 reports and 31 s for
 * 3.6 million (an index of 1.6 GB, about 440 bytes per report) on the benchmark machine.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw(
    'create index report_policy_inputs_source_runs_idx on report_policy_inputs (repository, workspace_path, kind, finished_at, report_id) include (run_json)',
  );
  await knex.raw('drop index report_policy_inputs_source_idx');
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw(
    'create index report_policy_inputs_source_idx on report_policy_inputs (repository, workspace_path, kind, finished_at, report_id)',
  );
  await knex.raw('drop index report_policy_inputs_source_runs_idx');
};
