// @ts-check

/**
 * What the policy rules read of each report (its `PolicyReport`, a few hundred bytes
 * instead of the whole report), written with the report, so that evaluating the policy
 * never parses whole reports. Existing reports are projected here.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('report_policy_inputs', table => {
    table.comment(
      'The part of each report that the policy rules read (PolicyReport)',
    );
    table.uuid('report_id').primary().notNullable().comment('reports.id');
    table.string('repository', 800).notNullable();
    table.string('workspace_path', 500).notNullable();
    table.string('kind', 20).notNullable();
    table.timestamp('finished_at', { useTz: true }).notNullable();
    table.text('policy_json').notNullable().comment('PolicyReport');
    // Serves "the last N reports of a kind of a workspace" by a backward range scan.
    table.index(
      ['repository', 'workspace_path', 'kind', 'finished_at', 'report_id'],
      'report_policy_inputs_source_idx',
    );
    // Retention deletes by finish time, like reports.
    table.index(['finished_at'], 'report_policy_inputs_finished_at_idx');
  });
  await backfillPolicyInputs(knex);
};

const BACKFILL_BATCH = 1000;

/**
 * Projects every stored report, in batches by id.
 *
 * @param {import('knex').Knex} knex
 */
async function backfillPolicyInputs(knex) {
  // The one definition of the projection, shared with ingestion.
  const {
    toPolicyReport,
  } = require('@rust-build-cache/plugin-rust-build-cache-common');
  /** @type {string | undefined} */
  let after = undefined;
  for (;;) {
    const query = knex('reports')
      .select('id', 'repository', 'workspace_path', 'kind', 'finished_at')
      .select('report_json')
      .orderBy('id')
      .limit(BACKFILL_BATCH);
    if (after !== undefined) query.where('id', '>', after);
    const rows = await query;
    if (rows.length === 0) return;
    await knex('report_policy_inputs').insert(
      rows.map((/** @type {any} */ row) => {
        let policyJson;
        try {
          policyJson = JSON.stringify(
            toPolicyReport(JSON.parse(row.report_json)),
          );
        } catch (error) {
          throw new Error(
            `Stored report ${row.id} cannot be projected for the policy: ${error}`,
          );
        }
        return {
          report_id: row.id,
          repository: row.repository,
          workspace_path: row.workspace_path,
          kind: row.kind,
          finished_at: row.finished_at,
          policy_json: policyJson,
        };
      }),
    );
    after = rows[rows.length - 1].id;
  }
}

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('report_policy_inputs');
};
