import {
  TestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';

/**
 * The set-up that route tests of the plugin share, for one database of a
 * `describe.each(databases.eachSupportedId())`. Call it in the `describe`: it registers
 * hooks that open the database before each test and, after it, stop the backend the test
 * started and close the database. `start` starts a backend with `startBackend`
 * (`startPluginTestBackend`, or a package's wrapper of it) on the test's database;
 * `knex` is that database, for a look at what the routes stored. A test of stores alone
 * leaves out `startBackend` and uses only `knex`.
 *
 * @public
 */
export function createRouteTestBed<
  TOptions extends { knex: Awaited<ReturnType<TestDatabases['init']>> },
  TStarted extends { backend: TestBackend },
>(options: {
  databases: TestDatabases;
  databaseId: TestDatabaseId;
  startBackend?: (options: TOptions) => Promise<TStarted>;
}): {
  readonly knex: Awaited<ReturnType<TestDatabases['init']>>;
  start(options: Omit<TOptions, 'knex'>): Promise<TStarted>;
} {
  const { databases, databaseId, startBackend } = options;
  let knex: Awaited<ReturnType<TestDatabases['init']>> | undefined;
  let started: TestBackend[] = [];

  beforeEach(async () => {
    knex = await databases.init(databaseId);
  });

  afterEach(async () => {
    const stopping = started;
    started = [];
    for (const backend of stopping) await backend.stop();
    await knex?.destroy();
    knex = undefined;
  });

  const database = () => {
    if (!knex) throw new Error('The test database is open only during a test');
    return knex;
  };
  return {
    get knex() {
      return database();
    },
    async start(startOptions) {
      if (!startBackend) throw new Error('This test bed starts no backend');
      const result = await startBackend({
        ...startOptions,
        knex: database(),
      } as TOptions);
      started.push(result.backend);
      return result;
    },
  };
}

/**
 * A task schedule for tests: hourly, first an hour after start, so that the task runs
 * only when the test triggers it (the test's scheduler does not wait for an hour).
 *
 * @public
 */
export const TRIGGERED_ONLY_SCHEDULE = {
  frequency: { hours: 1 },
  timeout: { minutes: 5 },
  initialDelay: { hours: 1 },
};
