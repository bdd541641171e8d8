// @ts-check

/**
 * What the windowed policy rules read of each report (its `PolicyRun`: ~300 bytes of
 * numbers instead of the ~1.4 kB `PolicyReport`), written with the report, so that an
 * evaluation parses the whole policy projection only of each service's newest reports.
 * Existing projections are converted here.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('report_policy_inputs', table => {
    // Null only between this migration's two steps: ingestion writes it with the row.
    table
      .text('run_json')
      .nullable()
      .comment('PolicyRun: what the windowed rules read of the report');
  });
  await backfillPolicyRuns(knex);
};

const BACKFILL_BATCH = 1000;

/**
 * Converts every stored projection, in batches by id: one read and one update per batch.
 *
 * @param {import('knex').Knex} knex
 */
async function backfillPolicyRuns(knex) {
  // The one definition of the conversion (and of the run metrics), shared with ingestion.
  const {
    toPolicyRun,
  } = require('@rust-build-cache/plugin-rust-build-cache-common');
  const isPostgres = knex.client.config.client === 'pg';
  /** @type {string | undefined} */
  let after = undefined;
  for (;;) {
    const query = knex('report_policy_inputs')
      .select('report_id', 'policy_json')
      .orderBy('report_id')
      .limit(BACKFILL_BATCH);
    if (after !== undefined) query.where('report_id', '>', after);
    const rows = await query;
    if (rows.length === 0) return;
    const ids = rows.map((/** @type {any} */ row) => String(row.report_id));
    const runs = rows.map((/** @type {any} */ row) => {
      try {
        return JSON.stringify(toPolicyRun(JSON.parse(row.policy_json)));
      } catch (error) {
        throw new Error(
          `The policy projection of report ${row.report_id} cannot be converted: ${error}`,
        );
      }
    });
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
    after = ids[ids.length - 1];
  }
}

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('report_policy_inputs', table => {
    table.dropColumn('run_json');
  });
};
