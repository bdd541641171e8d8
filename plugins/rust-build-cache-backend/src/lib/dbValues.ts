import type { Knex } from 'knex';

/**
 * How a timestamp column comes back: PostgreSQL returns Date; better-sqlite3 returns Date
 * bindings as epoch milliseconds (a number, or a string of digits when read through some
 * aggregates).
 */
export type DbTimestamp = Date | number | string;

/** PostgreSQL returns bigint sums and counts as strings. */
export type DbNumber = number | string;

/** A timestamp column as a Date (see `DbTimestamp`). */
export function toDate(value: DbTimestamp): Date {
  if (value instanceof Date) return value;
  return new Date(
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  );
}

/** Code-unit order, the same in every database and locale (unlike localeCompare). */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** `items` in consecutive slices of at most `size` (for bounded INSERT/IN lists). */
export function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}

/** Whether the client is PostgreSQL's (else SQLite's, the plugin's two databases). */
export function isPostgres(db: Pick<Knex, 'client'>): boolean {
  return db.client.config.client === 'pg';
}
