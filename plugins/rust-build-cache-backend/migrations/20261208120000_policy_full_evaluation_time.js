// @ts-check

/**
 * The time of the latest full evaluation, kept once instead of on every result it found
 * unchanged. A full evaluation evaluates every annotated entity at one time and drops the
 * results of the others, so each result stored when it finished was evaluated at that
 * time: a result's evaluation time is the later of its row's `evaluated_at` (when it was
 * last written or evaluated alone) and this one. Before, each full evaluation rewrote the
 * time of every unchanged result: 10,000 row versions (and their WAL and dead rows) per
 * evaluation of 10,000 entities, a third of PostgreSQL's work in it (docs/benchmarks.md).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('policy_results_version', table => {
    table
      .timestamp('full_evaluation_at', { useTz: true })
      .nullable()
      .comment(
        'The evaluation time of the latest full evaluation that finished; null before the first',
      );
  });
};

/**
 * Writes the full evaluation's time into the rows that rely on it, then drops it.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  const row = await knex('policy_results_version')
    .where('id', 1)
    .first('full_evaluation_at');
  if (row?.full_evaluation_at) {
    await knex('policy_results')
      .where('evaluated_at', '<', row.full_evaluation_at)
      .update({ evaluated_at: row.full_evaluation_at });
  }
  await knex.schema.alterTable('policy_results_version', table => {
    table.dropColumn('full_evaluation_at');
  });
};
