import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

/**
 * PostgreSQL ids that `TestDatabases` can reach through a connection string; it reads
 * `BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING`. The major in the name is
 * only a label: any reachable server works.
 */
const POSTGRES_IDS: TestDatabaseId[] = [
  'POSTGRES_18',
  'POSTGRES_17',
  'POSTGRES_16',
  'POSTGRES_15',
  'POSTGRES_14',
  'POSTGRES_13',
];

function postgresConnectionVariable(id: TestDatabaseId): string {
  return `BACKSTAGE_TEST_DATABASE_${id.replace('_', '')}_CONNECTION_STRING`;
}

/**
 * SQLite always, plus every PostgreSQL with a connection string. Without one, the
 * PostgreSQL cases are skipped with a warning rather than silently: `TestDatabases` would
 * otherwise drop them without a word, or (with CI set) try to start Docker.
 *
 * @public
 */
export function createTestDatabases(): TestDatabases {
  const postgresIds = POSTGRES_IDS.filter(
    id => process.env[postgresConnectionVariable(id)],
  );
  if (postgresIds.length === 0) {
    // eslint-disable-next-line no-console
    console.warn(
      `PostgreSQL test cases SKIPPED: no connection string set. Set one of ${POSTGRES_IDS.map(
        postgresConnectionVariable,
      ).join(
        ', ',
      )}, e.g. BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=postgresql://postgres@127.0.0.1:5432/test`,
    );
  }
  return TestDatabases.create({ ids: ['SQLITE_3', ...postgresIds] });
}
