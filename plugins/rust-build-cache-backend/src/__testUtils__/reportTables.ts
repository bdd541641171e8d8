import { Knex } from 'knex';

/**
 * The tables that ingesting a report writes: the reports and their daily sums. (Entity
 * links are only read; the plugin writes them in the background, whatever is posted.)
 */
export const REPORT_TABLES = ['reports', 'daily_rollups'] as const;

/**
 * Every row of the report tables, each as JSON, sorted: equal snapshots mean nothing was
 * added, removed or changed.
 */
export async function snapshotReportTables(
  knex: Knex,
): Promise<Record<(typeof REPORT_TABLES)[number], string[]>> {
  const entries = await Promise.all(
    REPORT_TABLES.map(async table => {
      const rows: unknown[] = await knex(table).select('*');
      return [table, rows.map(row => JSON.stringify(row)).sort()] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<
    (typeof REPORT_TABLES)[number],
    string[]
  >;
}
