// @ts-check

/**
 * Stores each report's `PolicyRun` in its compact form (`encodePolicyRun`: one JSON array,
 * a quarter of the object's text). A full evaluation of 10,000 services with the default
 * window reads 11 runs of each: ~32 MB of object texts that the database joined and sent
 * and the backend parsed on every evaluation, ~9 MB now. Existing runs are converted here,
 * both ways (about 14 s per 300,000 reports on the benchmark machine).
 *
 * Not in one transaction (`config` below): each batch commits, so that PostgreSQL builds
 * the runs' index without the rows' old versions, and 3.6 million reports are not one
 * transaction. An interrupted conversion is finished when the migration runs again: it
 * converts only the runs still in the other form.
 */
exports.config = { transaction: false };

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const {
    encodePolicyRun,
  } = require('@rust-build-cache/plugin-rust-build-cache-common');
  await withoutRunsIndex(knex, () =>
    convertRuns(knex, run => (Array.isArray(run) ? run : encodePolicyRun(run))),
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  const {
    decodePolicyRun,
  } = require('@rust-build-cache/plugin-rust-build-cache-common');
  await withoutRunsIndex(knex, () =>
    convertRuns(knex, run =>
      Array.isArray(run)
        ? decodePolicyRun(
            /** @type {import('@rust-build-cache/plugin-rust-build-cache-common').EncodedPolicyRun} */ (
              run
            ),
          )
        : run,
    ),
  );
};

/**
 * PostgreSQL's index of a source's runs holds their texts (see the covering index's
 * migration): it is built again after the conversion rather than updated row by row, which
 * would cost a new index entry per report and leave the index at its old size.
 *
 * @param {import('knex').Knex} knex
 * @param {() => Promise<void>} convert
 */
async function withoutRunsIndex(knex, convert) {
  const postgres = knex.client.config.client === 'pg';
  if (postgres)
    await knex.raw('drop index if exists report_policy_inputs_source_runs_idx');
  await convert();
  if (postgres)
    await knex.raw(
      'create index if not exists report_policy_inputs_source_runs_idx on report_policy_inputs (repository, workspace_path, kind, finished_at, report_id) include (run_json)',
    );
}

const BATCH = 2000;

/**
 * Rewrites every stored run that `convert` changes, in batches by id: one read and one
 * update per batch.
 *
 * @param {import('knex').Knex} knex
 * @param {(run: any) => unknown} convert
 */
async function convertRuns(knex, convert) {
  const isPostgres = knex.client.config.client === 'pg';
  /** @type {string | undefined} */
  let after = undefined;
  for (;;) {
    const query = knex('report_policy_inputs')
      .select('report_id', 'run_json')
      .orderBy('report_id')
      .limit(BATCH);
    if (after !== undefined) query.where('report_id', '>', after);
    const rows = await query;
    if (rows.length === 0) return;
    after = String(rows[rows.length - 1].report_id);
    /** @type {string[]} */
    const ids = [];
    /** @type {string[]} */
    const runs = [];
    for (const row of rows) {
      let run;
      try {
        run = JSON.stringify(convert(JSON.parse(row.run_json)));
      } catch (error) {
        throw new Error(
          `The policy run of report ${row.report_id} cannot be converted: ${error}`,
        );
      }
      // Runs converted before an interruption are left as they are.
      if (run === row.run_json) continue;
      ids.push(String(row.report_id));
      runs.push(run);
    }
    if (ids.length === 0) continue;
    if (isPostgres) {
      await knex.raw(
        'update report_policy_inputs as t set run_json = v.run_json from unnest(?::uuid[], ?::text[]) as v(report_id, run_json) where t.report_id = v.report_id',
        [ids, runs],
      );
    } else {
      await knex.raw(
        "update report_policy_inputs set run_json = json_extract(v.value, '$[1]') from json_each(?) as v where report_id = json_extract(v.value, '$[0]')",
        [JSON.stringify(ids.map((id, i) => [id, runs[i]]))],
      );
    }
  }
}
