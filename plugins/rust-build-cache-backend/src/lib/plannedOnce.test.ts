import { TestDatabaseId } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import {
  createTestDatabases,
  createTestStores,
} from '../__testUtils__/testDatabases';
import { makeReport } from '../__testUtils__/reports';
import { toNewRun } from '../reports/ReportIngestionService';
import { DatabaseReportStore } from '../reports/DatabaseReportStore';
import { statementName } from './plannedOnce';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const postgres: TestDatabaseId[] = databases
  .eachSupportedId()
  .map(([id]) => id)
  .filter(id => id.startsWith('POSTGRES'));
// Without PostgreSQL, createTestDatabases warns that its cases are skipped.
const describeOnPostgres =
  postgres.length > 0
    ? describe.each(postgres)
    : describe.skip.each<TestDatabaseId>(['POSTGRES_15']);
const entityRef = 'component:default/billing';

it('names a statement by its text', () => {
  expect(statementName('select 1')).toBe(statementName('select 1'));
  expect(statementName('select 1')).not.toBe(statementName('select 2'));
});

// Statements are prepared per connection: one connection, so that the test sees them.
describeOnPostgres('entity reads as prepared statements (%s)', id => {
  let pooled: Knex;
  let db: Knex;

  beforeEach(async () => {
    pooled = await databases.init(id);
    db = knexFactory({
      client: 'pg',
      connection: pooled.client.config.connection,
      pool: { min: 1, max: 1 },
    });
    const stores = await createTestStores(db);
    const run = toNewRun(
      makeReport({
        repository: { host: 'github.com', owner: 'acme', name: 'platform' },
        workspacePath: 'services/billing',
      }),
      new Date(),
    );
    await stores.reports.insertRuns({ runs: [run] });
    await stores.entityLinks.upsertEntityLink({
      link: { entityRef, source: run.source },
    });
  });

  afterEach(async () => {
    await db.destroy();
    await pooled.destroy();
  });

  async function readEntityPages(store: DatabaseReportStore) {
    const page = await store.listLinkedRuns({
      entityRef,
      limit: 5,
      offset: 0,
    });
    const [newest] = page!.items;
    return [
      page,
      await store.listLinkedRuns({
        entityRef,
        limit: 5,
        offset: 0,
        after: { finishedAt: newest.finishedAt, id: newest.id },
      }),
      await store.getLinkedDailyRollups({
        entityRef,
        fromDay: '2026-01-01',
        toDay: '2027-12-31',
      }),
      await store.getLatestLinkedRun({ entityRef }),
      await store.getLatestLinkedRun({ entityRef, kind: 'ci' }),
    ];
  }

  async function preparedStatements() {
    const { rows } = await db.raw(
      "select name, generic_plans, custom_plans from pg_prepared_statements where name like 'rbc\\_%' order by name",
    );
    return rows as Array<{
      name: string;
      generic_plans: number;
      custom_plans: number;
    }>;
  }

  it('plans each variant once per connection and answers as unnamed statements do', async () => {
    const unnamed = await DatabaseReportStore.create(db, {
      preparedStatements: false,
    });
    const expected = await readEntityPages(unnamed);
    expect(await preparedStatements()).toEqual([]);

    const named = await DatabaseReportStore.create(db);
    for (let i = 0; i < 8; i++) {
      expect(await readEntityPages(named)).toEqual(expected);
    }
    const statements = await preparedStatements();
    // Two run pages (with and without a cursor), the rollups, two latest-run variants.
    expect(statements).toHaveLength(5);
    for (const statement of statements) {
      expect(statement.name).toMatch(/^rbc_[0-9a-f]{24}$/);
      // Executed 8 times, the plan of at least the last few was the cached generic one.
      expect(
        Number(statement.generic_plans) + Number(statement.custom_plans),
      ).toBe(8);
      expect(Number(statement.generic_plans)).toBeGreaterThan(0);
    }
  });
});
