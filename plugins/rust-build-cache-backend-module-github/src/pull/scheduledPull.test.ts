import { SchedulerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';
import {
  createTestDatabases,
  TRIGGERED_ONLY_SCHEDULE,
} from '@rust-build-cache/plugin-rust-build-cache-node/testUtils';
import {
  compileGithubValidators,
  FakeGithub,
} from '../__testUtils__/fakeGithub';
import {
  PULL_TASK_ID,
  startPluginBackend,
} from '../__testUtils__/pluginBackend';
import { reportOf } from '../__testUtils__/reports';
import { writeZip } from '../__testUtils__/zipWriter';

// The scheduled pull as a deployment runs it: two repositories on two GitHub hosts (each a
// real HTTP server on loopback), a fault on one of them, and a backend restart on the same
// database. Every run must end up stored exactly once.

jest.setTimeout(60_000);

const databases = createTestDatabases();

const repositories = [
  { host: 'github.test', owner: 'acme', name: 'platform', runIds: [7, 8] },
  { host: 'ghe.test', owner: 'acme', name: 'billing', runIds: [21, 22] },
];

function entityOf(repository: (typeof repositories)[number]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: repository.name,
      annotations: {
        'rust-build-cache/workspace': '.',
        'rust-build-cache/repository': `${repository.host}/${repository.owner}/${repository.name}`,
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

describe.each(databases.eachSupportedId())(
  'the scheduled pull task (%s)',
  databaseId => {
    beforeAll(() => compileGithubValidators(), 600_000);

    let knex: Knex;
    let fakes: FakeGithub[];
    let stopBackend: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      fakes = [];
      for (const repository of repositories) {
        const github = new FakeGithub(repository.owner, repository.name);
        await github.start();
        for (const [index, id] of repository.runIds.entries()) {
          const { host, owner, name } = repository;
          github.runs.push({
            id,
            createdAt: new Date(Date.now() - (10 - index) * 60_000)
              .toISOString()
              .replace(/\.\d{3}Z$/, 'Z'),
            zip: writeZip([
              {
                name: 'rust-build-cache-report.json',
                data: Buffer.from(
                  JSON.stringify(reportOf({ host, owner, name }, String(id))),
                ),
              },
            ]),
          });
        }
        fakes.push(github);
      }
    });

    afterEach(async () => {
      await stopBackend?.();
      for (const github of fakes) {
        await github.stop();
        if (github.schemaViolations.length > 0) {
          throw new Error(github.schemaViolations.join('\n'));
        }
      }
      await knex.destroy();
    });

    async function startBackend(): Promise<SchedulerService> {
      const { backend, scheduler } = await startPluginBackend({
        knex,
        config: {
          integrations: {
            github: repositories.map((repository, index) => ({
              host: repository.host,
              apiBaseUrl: fakes[index].apiBaseUrl,
              token: 'test-token',
            })),
          },
          rustBuildCache: {
            snapshot: { enabled: false },
            pull: {
              githubActions: {
                enabled: true,
                retry: { maxAttempts: 2, baseDelayMs: 10 },
              },
              schedule: TRIGGERED_ONLY_SCHEDULE,
            },
          },
        },
        entities: repositories.map(entityOf),
      });
      stopBackend = () => backend.stop();
      return scheduler;
    }

    async function storedRunIds(): Promise<string[]> {
      const rows = await knex('reports').select('repository', 'run_id');
      return rows.map(row => `${row.repository}#${row.run_id}`).sort();
    }

    const zipDownloads = () =>
      fakes.map(github => github.requestsTo(/\/blobs\//).length);

    it('ingests every run exactly once across a fault and a restart', async () => {
      // The artifact of billing's run 22 fails with 500 on every attempt of the first pass.
      let faulty = true;
      fakes[1].fault = request =>
        faulty && /\/artifacts\/22\/zip$/.test(request.path)
          ? { status: 500 }
          : undefined;

      await (await startBackend()).triggerTask(PULL_TASK_ID);
      expect(await storedRunIds()).toEqual([
        'ghe.test/acme/billing#21',
        'github.test/acme/platform#7',
        'github.test/acme/platform#8',
      ]);

      // Restart on the same database, the fault gone: only the missing run is fetched.
      await stopBackend!();
      faulty = false;
      const downloadsBefore = zipDownloads();
      await (await startBackend()).triggerTask(PULL_TASK_ID);
      expect(await storedRunIds()).toEqual([
        'ghe.test/acme/billing#21',
        'ghe.test/acme/billing#22',
        'github.test/acme/platform#7',
        'github.test/acme/platform#8',
      ]);
      expect(zipDownloads()).toEqual([
        downloadsBefore[0],
        downloadsBefore[1] + 1,
      ]);

      // Another pass: nothing new, nothing downloaded again.
      const downloadsAfter = zipDownloads();
      await (await startBackend()).triggerTask(PULL_TASK_ID);
      expect((await storedRunIds()).length).toBe(4);
      expect(zipDownloads()).toEqual(downloadsAfter);
    });
  },
);
