import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { isPostgres } from './dbValues';

/** Whether PostgreSQL keeps the plans of a store's fixed statements (config `database.preparedStatements`). */
export interface StatementOptions {
  preparedStatements: boolean;
}

/**
 * The rows of a raw statement that PostgreSQL parses and plans once per pooled connection,
 * then only binds and runs: `pg` sends a query that has a `name` as a named prepared
 * statement and reuses it on that connection. For the entity pages' statements planning
 * took about as long as running them (~1 ms each; `pgbench -M simple` against `-M
 * prepared` in docs/benchmarks.md). Only statements whose text is one of a few fixed
 * variants may use this: every distinct text stays prepared on each connection for its
 * lifetime, so values must be bindings, never part of the text. The name is derived from
 * the text, since `pg` refuses one name for two texts on a connection.
 *
 * Without `preparedStatements` (for poolers that give a client another server connection
 * per transaction, such as PgBouncer's transaction mode before 1.21) the statement is sent
 * unnamed. SQLite's driver prepares every statement anyway: there this is `db.raw`.
 */
export async function queryPlannedOnce<Row>(
  db: Knex,
  sql: string,
  bindings: readonly Knex.RawBinding[],
  options: StatementOptions,
): Promise<Row[]> {
  const postgres = isPostgres(db);
  const raw = db.raw(sql, bindings);
  if (!postgres) return await raw;
  const named = options.preparedStatements
    ? raw.options({ name: statementName(sql) })
    : raw;
  // `pg` answers a result object; better-sqlite3 the rows.
  return (await named).rows;
}

/** Names by text, as few as the named variants: hashing the text per request cost ~1.5 % of the backend's CPU. */
const names = new Map<string, string>();

/** The name of a statement's text: the same in every process, one per text. */
export function statementName(sql: string): string {
  let name = names.get(sql);
  if (name === undefined) {
    name = `rbc_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    names.set(sql, name);
  }
  return name;
}
