// @ts-check

/**
 * Notifications sent, one row per (subject, topic, UTC day): a replica inserts the row
 * before it sends, so that of two replicas racing on the same notification only the one
 * whose insert succeeds sends it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('notifications_sent', table => {
    table.comment(
      'Claims of sent notifications: at most one per subject, topic and UTC day',
    );
    table
      .string('subject', 400)
      .notNullable()
      .comment(
        'Lower-case entity ref, or prewarm-schedule:<id> for pre-warm failures',
      );
    table.string('topic', 100).notNullable();
    table.string('day', 10).notNullable().comment('UTC day, YYYY-MM-DD');
    table.timestamp('sent_at', { useTz: true }).notNullable();
    table.primary(['subject', 'topic', 'day']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('notifications_sent');
};
