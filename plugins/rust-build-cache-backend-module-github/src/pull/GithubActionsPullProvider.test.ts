import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  RealReportName,
  realReport,
  variant,
} from '@rust-build-cache/plugin-rust-build-cache-common/testUtils';
import {
  createTestDatabases,
  TRIGGERED_ONLY_SCHEDULE,
} from '@rust-build-cache/plugin-rust-build-cache-node/testUtils';
import { Knex } from 'knex';
import supertest from 'supertest';
import {
  compileGithubValidators,
  FakeGithub,
  responseValidator,
} from '../__testUtils__/fakeGithub';
import {
  PULL_TASK_ID,
  startPluginBackend,
} from '../__testUtils__/pluginBackend';
import { writeZip } from '../__testUtils__/zipWriter';
import { GithubActionsPullSettings } from '../config';

// The provider in the plugin, as a deployment runs it: each pull is the plugin's scheduled
// pull task, its outcome read from the database and the pull-status route, GitHub a real
// HTTP server on loopback.

jest.setTimeout(60_000);

const databases = createTestDatabases();

const HOST = 'github.test';
const OWNER = 'acme';
const REPO = 'platform';

const REAL_REPORTS: RealReportName[] = [
  'billing-api-warm',
  'ledger-worker-warm',
  'search-indexer-warm',
  'rate-limiter-warm',
  'rate-limiter-rustflags-changed',
];

/** Nine recorded reports of real sccache builds (each its own run), moved into the fake repository. */
function realReports(): Array<{ name: string; report: Record<string, any> }> {
  return Array.from({ length: 9 }, (_, index) => {
    const name = REAL_REPORTS[index % REAL_REPORTS.length];
    const report = variant(realReport(name), `real-${index}`, copy => {
      copy.source.repository = { host: HOST, owner: OWNER, name: REPO };
    });
    return { name: `${index}-${name}.json`, report };
  });
}

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'platform',
    annotations: {
      'rust-build-cache/workspace': '.',
      'rust-build-cache/repository': `${HOST}/${OWNER}/${REPO}`,
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
};

const settings: GithubActionsPullSettings = {
  artifactName: 'rust-build-cache-report',
  maxArtifactBytes: 1024 * 1024,
  maxReportBytes: 1024 * 1024,
  initialLookbackDays: 7,
  maxRunsPerPass: 100,
  maxRunMinutes: 45,
  retry: { maxAttempts: 3, baseDelayMs: 10, requestTimeoutMs: 500 },
};

function minutesAgo(minutes: number): string {
  return new Date(Date.now() - minutes * 60_000)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
}

describe('fake GitHub responses', () => {
  beforeAll(() => compileGithubValidators(), 600_000);

  it('are checked against a validator that rejects what GitHub would not send', () => {
    const validate = responseValidator('listRuns');
    expect(validate({ total_count: 1, workflow_runs: [{ id: 'x' }] })).toBe(
      false,
    );
    expect(
      responseValidator('listArtifacts')({ total_count: 0, artifacts: [] }),
    ).toBe(true);
  });
});

describe.each(databases.eachSupportedId())(
  'GithubActionsPullProvider (%s)',
  databaseId => {
    let knex: Knex;
    let github: FakeGithub;
    let stopBackend: (() => Promise<void>) | undefined;
    let server: Parameters<typeof supertest>[0] | undefined;
    const reports = realReports();

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      github = new FakeGithub(OWNER, REPO);
      await github.start();
      // Three runs with reports (2, 3 and 4 files), one run of another workflow without.
      const zipOf = (from: number, to: number) =>
        writeZip(
          reports.slice(from, to).map(({ name, report }) => ({
            name: `reports/${name}`,
            data: Buffer.from(JSON.stringify(report)),
          })),
        );
      github.runs.push(
        { id: 101, createdAt: minutesAgo(50), zip: zipOf(0, 2) },
        { id: 102, createdAt: minutesAgo(40) },
        { id: 103, createdAt: minutesAgo(30), zip: zipOf(2, 5) },
        { id: 104, createdAt: minutesAgo(20), zip: zipOf(5, 9) },
      );
    });

    afterEach(async () => {
      await stopBackend?.();
      stopBackend = undefined;
      await github.stop();
      // Not expect(): jest allows none outside tests; a throw here fails the test too.
      if (github.schemaViolations.length > 0) {
        throw new Error(
          `The fake served responses that GitHub's OpenAPI description forbids:\n${github.schemaViolations.join(
            '\n',
          )}`,
        );
      }
      await knex.destroy();
    });

    /**
     * A fresh backend with the plugin and this module, as after a restart (the previous one
     * stops); `pullAll` runs the plugin's scheduled pull task once.
     */
    function createPullService(
      overrides: Partial<GithubActionsPullSettings> = {},
    ) {
      const { retry, maxReportBytes, ...githubActions } = {
        ...settings,
        ...overrides,
      };
      const started = (async () => {
        await stopBackend?.();
        const backend = await startPluginBackend({
          knex,
          config: {
            integrations: {
              github: [
                {
                  host: HOST,
                  apiBaseUrl: github.apiBaseUrl,
                  token: 'test-token',
                },
              ],
            },
            rustBuildCache: {
              ingestion: { maxReportBytes },
              snapshot: { enabled: false },
              pull: {
                concurrency: 2,
                schedule: TRIGGERED_ONLY_SCHEDULE,
                githubActions: { enabled: true, ...githubActions, retry },
              },
            },
          },
          entities: [entity],
        });
        stopBackend = () => backend.backend.stop();
        server = backend.server;
        return backend;
      })();
      return {
        /** Resolves once the backend has started. */
        started,
        async pullAll() {
          await (await started).scheduler.triggerTask(PULL_TASK_ID);
        },
      };
    }

    const storedReports = async () =>
      Number((await knex('reports').count({ n: '*' }))[0].n);
    /** The entity's pull status from the route, its times as dates. */
    const status = async () => {
      const response = await supertest(server!)
        .get(
          '/api/rust-build-cache/entities/default/component/platform/pull-status',
        )
        .set('Authorization', mockCredentials.user.header())
        .expect(200);
      const body = response.body.status;
      return body
        ? {
            ...body,
            rateLimitedUntil: body.rateLimitedUntil
              ? new Date(body.rateLimitedUntil)
              : null,
          }
        : null;
    };
    const zipDownloads = () => github.requestsTo(/\/zip$/).length;

    it('ingests every run exactly once across restarts', async () => {
      await createPullService().pullAll();

      expect(await storedReports()).toBe(9);
      expect(await status()).toMatchObject({
        providerId: 'github-actions',
        lastIngested: 9,
        lastError: null,
        rateLimitedUntil: null,
      });
      expect(zipDownloads()).toBe(3);
      expect(
        github.requests.every(r =>
          r.path.startsWith('/blobs/')
            ? true
            : r.authorization === 'Bearer test-token',
        ),
      ).toBe(true);

      // Restart: a new provider on the same database resumes at the stored cursor,
      // maxRunMinutes (45) back, and touches none of the runs it has done.
      const artifactLists = github.requestsTo(/\/artifacts$/).length;
      await createPullService().pullAll();
      expect(await storedReports()).toBe(9);
      expect(zipDownloads()).toBe(3);
      expect(github.requestsTo(/\/artifacts$/)).toHaveLength(artifactLists);
      const [lastList] = github.requestsTo(/\/actions\/runs$/).slice(-1);
      const since = Date.parse(lastList.query.get('created')!.slice(2));
      expect(Date.now() - since).toBeGreaterThan(44 * 60_000);
      expect(Date.now() - since).toBeLessThan(46 * 60_000);

      // A new run is pulled on the next pass, and only it.
      github.runs.push({
        id: 105,
        createdAt: minutesAgo(5),
        zip: writeZip([
          {
            name: 'late.json',
            data: Buffer.from(
              JSON.stringify({
                ...reports[0].report,
                source: {
                  ...reports[0].report.source,
                  ci: { ...reports[0].report.source.ci, runId: 'late' },
                },
              }),
            ),
          },
        ]),
      });
      await createPullService().pullAll();
      expect(await storedReports()).toBe(10);
      expect(zipDownloads()).toBe(4);
      expect((await status())?.lastIngested).toBe(1);
    });

    it('pulls a run that completes after newer runs were pulled', async () => {
      github.runs.push({
        id: 106,
        createdAt: minutesAgo(25),
        status: 'in_progress',
        zip: writeZip([
          {
            name: 'slow.json',
            data: Buffer.from(
              JSON.stringify({
                ...reports[0].report,
                source: {
                  ...reports[0].report.source,
                  ci: { ...reports[0].report.source.ci, runId: 'slow' },
                },
              }),
            ),
          },
        ]),
      });
      await createPullService().pullAll();
      expect(await storedReports()).toBe(9);

      github.runs[4].status = undefined;
      await createPullService().pullAll();
      expect(await storedReports()).toBe(10);
      expect(zipDownloads()).toBe(4);
    });

    it('stops at a primary rate limit and resumes after the reset without losing runs', async () => {
      // Started first: the limit's window (a second or two) must not pass during the start.
      const service = createPullService();
      await service.started;
      // The plugin stores and evaluates what it ingests: leave the first pass room.
      const reset = Math.ceil(Date.now() / 1000) + 4;
      let limited = true;
      github.fault = request =>
        limited &&
        request.path.endsWith('/artifacts') &&
        request.path.includes('/103/')
          ? {
              status: 403,
              headers: {
                'x-ratelimit-remaining': '0',
                'x-ratelimit-reset': String(reset),
              },
            }
          : undefined;
      await service.pullAll();

      expect(await storedReports()).toBe(2);
      const limitedStatus = await status();
      expect(limitedStatus?.lastError).toBe(
        `Rate limited until ${new Date(reset * 1000).toISOString()}`,
      );
      expect(limitedStatus?.rateLimitedUntil).toEqual(new Date(reset * 1000));

      // Within the window, the host is not called at all.
      const before = github.requests.length;
      await service.pullAll();
      expect(github.requests.length).toBe(before);

      limited = false;
      await new Promise(resolve =>
        setTimeout(resolve, reset * 1000 - Date.now() + 50),
      );
      await service.pullAll();
      expect(await storedReports()).toBe(9);
      expect(await status()).toMatchObject({
        lastError: null,
        rateLimitedUntil: null,
      });
      expect(zipDownloads()).toBe(3);
    });

    it('honours retry-after of a 429 on the artifact download', async () => {
      let faults = 1;
      github.fault = request =>
        request.path.endsWith('/artifacts/104/zip') && faults-- > 0
          ? { status: 429, headers: { 'retry-after': '1' } }
          : undefined;
      await createPullService().pullAll();
      expect(await storedReports()).toBe(5);
      expect((await status())?.lastError).toMatch(/^Rate limited until /);

      await new Promise(resolve => setTimeout(resolve, 1100));
      await createPullService().pullAll();
      expect(await storedReports()).toBe(9);
      expect((await status())?.lastError).toBeNull();
    });

    it('retries a 500 and succeeds', async () => {
      let faults = 2;
      github.fault = request =>
        request.path.endsWith('/actions/runs') && faults-- > 0
          ? { status: 500 }
          : undefined;
      await createPullService().pullAll();
      expect(github.requestsTo(/\/actions\/runs$/)).toHaveLength(3);
      expect(await storedReports()).toBe(9);
    });

    it('retries a timeout, and keeps the cursor before a run that keeps timing out', async () => {
      let faults = 1;
      let persistent = true;
      github.fault = request => {
        if (request.path.endsWith('/runs/101/artifacts') && faults-- > 0) {
          return 'hang';
        }
        if (persistent && request.path.endsWith('/runs/103/artifacts')) {
          return 'hang';
        }
        return undefined;
      };
      // The timeout must leave room for a real answer on a loaded 2-core machine:
      // at 200 ms the successful retry of run 101 itself timed out under load.
      await createPullService({
        retry: { maxAttempts: 2, baseDelayMs: 10, requestTimeoutMs: 1500 },
      }).pullAll();
      // Run 101 made it on the retry; 103 never did, so 104 waits behind it.
      expect(await storedReports()).toBe(2);
      expect((await status())?.lastError).toMatch(
        /^Run 103: .*failed after 2 attempts.*retried on the next pull$/,
      );

      persistent = false;
      await createPullService().pullAll();
      expect(await storedReports()).toBe(9);
      expect((await status())?.lastError).toBeNull();
    });

    it('records a corrupt artifact as an error of its run and moves past it', async () => {
      const zip = github.runs[2].zip!;
      github.runs[2].zip = Buffer.concat([
        zip.subarray(0, 100),
        Buffer.from('garbage'),
        zip.subarray(107),
      ]);
      await createPullService().pullAll();
      expect(await storedReports()).toBe(6);
      expect((await status())?.lastError).toMatch(
        /^Run 103: artifact rust-build-cache-report: .*CRC/,
      );

      // Definitively skipped: not downloaded again.
      await createPullService().pullAll();
      expect(github.requestsTo(/\/artifacts\/103\/zip$/)).toHaveLength(1);
    });

    it('records an oversized artifact as an error of its run', async () => {
      const limit = github.runs[3].zip!.length - 1;
      await createPullService({ maxArtifactBytes: limit }).pullAll();
      expect(await storedReports()).toBe(5);
      expect((await status())?.lastError).toBe(
        `Run 104: artifact rust-build-cache-report is ${
          limit + 1
        } bytes, more than rustBuildCache.pull.githubActions.maxArtifactBytes (${limit})`,
      );
      expect(github.requestsTo(/\/artifacts\/104\/zip$/)).toHaveLength(0);
    });

    it('refuses a download that turns out larger than its declared size', async () => {
      github.runs[3].sizeInBytes = 10;
      const limit = github.runs[3].zip!.length - 1;
      await createPullService({ maxArtifactBytes: limit }).pullAll();
      expect(await storedReports()).toBe(5);
      expect((await status())?.lastError).toMatch(
        /^Run 104: artifact rust-build-cache-report: Download is \d+ bytes, more than the limit/,
      );
    });
  },
);
