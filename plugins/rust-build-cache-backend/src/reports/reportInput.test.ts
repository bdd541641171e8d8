import { mockCredentials } from '@backstage/backend-test-utils';
import {
  BuildCacheReport,
  computeRunMetrics,
  MAX_REPORT_COUNT,
  MAX_REPORT_MAP_KEYS,
  MAX_REPORT_SECONDS,
  validateReport,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import request from 'supertest';
import { annotatedComponent } from '../__testUtils__/entities';
import { startPluginBackend } from '../__testUtils__/pluginBackend';
import { makeReport } from '../__testUtils__/reports';
import { snapshotReportTables } from '../__testUtils__/reportTables';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const REPORTS = '/api/rust-build-cache/reports';
const asService = mockCredentials.service.header();

const repository = { host: 'github.com', owner: 'acme', name: 'platform' };
const gateway = annotatedComponent({
  name: 'gateway',
  workspace: 'services/gateway',
  projectSlug: 'acme/platform',
});

/** A valid gateway report that finished a minute ago. */
function gatewayReport(runId: string): BuildCacheReport {
  return makeReport({
    repository,
    workspacePath: 'services/gateway',
    runId,
    finishedAt: new Date(Date.now() - 60_000).toISOString(),
  });
}

type Patch = (report: any) => void;

const hoursFromNow = (hours: number) =>
  new Date(Date.now() + hours * 3_600_000).toISOString();

const manyKeys = <T>(value: T) =>
  Object.fromEntries(
    Array.from({ length: MAX_REPORT_MAP_KEYS + 1 }, (_, i) => [`k${i}`, value]),
  );

/** Each field the probing found accepted that must not be, with the path the 400 names. */
const REFUSED: Array<[string, Patch]> = [
  // eslint-disable-next-line no-script-url -- refusing it is the point
  ['source.ci.url', r => (r.source.ci.url = 'javascript:alert(1)')],
  ['source.ci.url', r => (r.source.ci.url = 'data:text/html,<p>x</p>')],
  ['source.workspacePath', r => (r.source.workspacePath = '\t../x')],
  ['source.workspacePath', r => (r.source.workspacePath = ' /etc/passwd')],
  ['source.workspacePath', r => (r.source.workspacePath = 'a/../../b')],
  ['source.workspacePath', r => (r.source.workspacePath = 'a\\b')],
  ['source.finishedAt', r => (r.source.finishedAt = '9999-12-31T00:00:00Z')],
  ['source.finishedAt', r => (r.source.finishedAt = hoursFromNow(2))],
  ['source.finishedAt', r => (r.source.finishedAt = '2014-06-01T00:00:00Z')],
  ['source.startedAt', r => (r.source.startedAt = hoursFromNow(0.5))],
  ['source.ci.runAttempt', r => (r.source.ci.runAttempt = 2 ** 53 - 1)],
  [
    'sccache.counters.compileRequests',
    r => (r.sccache.counters.compileRequests = MAX_REPORT_COUNT + 1),
  ],
  [
    'sccache.counters.hits',
    r => (r.sccache.counters.hits = { Rust: MAX_REPORT_COUNT, CUDA: 1 }),
  ],
  [
    'sccache.counters.cacheWrites',
    r => (r.sccache.counters.cacheWrites = 2 ** 40),
  ],
  ['timings.unitCount', r => (r.timings.unitCount = MAX_REPORT_COUNT + 1)],
  [
    'sccache.durations.compilerWriteSeconds',
    r => (r.sccache.durations.compilerWriteSeconds = 1e300),
  ],
  ['source.branch', r => (r.source.branch = 'main\u0000')],
  ['source.ci.job', r => (r.source.ci.job = 'build \ud800')],
  ['toolchain.rustc.version', r => (r.toolchain.rustc.version += '\u0000')],
  [
    'sccache.counters.notCached."bad\\u0000reason"',
    r => (r.sccache.counters.notCached = { 'bad\u0000reason': 1 }),
  ],
  [
    'sccache.counters.notCached',
    r => (r.sccache.counters.notCached = manyKeys(1)),
  ],
  ['sccache.counters.errors', r => (r.sccache.counters.errors = manyKeys(0))],
  [
    'build.profiles',
    r => (r.build.profiles = manyKeys(r.build.profiles.release)),
  ],
];

describe.each(databases.eachSupportedId())(
  'report input bounds over HTTP (%s)',
  databaseId => {
    let knex: Knex;
    let stop: (() => Promise<void>) | undefined;

    afterEach(async () => {
      await stop?.();
      stop = undefined;
      await knex.destroy();
    });

    async function startBackend() {
      knex = await databases.init(databaseId);
      const { backend, server } = await startPluginBackend({
        knex,
        entities: [gateway],
      });
      stop = () => backend.stop();
      return server;
    }

    it('refuses each out-of-bounds field with 400 naming it, and stores nothing', async () => {
      const server = await startBackend();
      const before = await snapshotReportTables(knex);
      for (const [path, patch] of REFUSED) {
        const report = structuredClone(gatewayReport('1'));
        patch(report);
        const response = await request(server)
          .post(REPORTS)
          .set('Authorization', asService)
          .send(report);
        expect({ path, status: response.status }).toEqual({
          path,
          status: 400,
        });
        expect(response.body.error.name).toBe('InputError');
        expect(response.body.error.message).toContain(`\n${path}: `);
      }
      expect(await snapshotReportTables(knex)).toEqual(before);
    });

    it('refuses JSON that is not an object with 400 "the body must be a JSON object"', async () => {
      const server = await startBackend();
      for (const body of ['null', '123', '"x"', 'true', '[]', '[{}]']) {
        const response = await request(server)
          .post(REPORTS)
          .set('Authorization', asService)
          .set('Content-Type', 'application/json')
          .send(body)
          .expect(400);
        expect(response.body.error).toMatchObject({
          name: 'InputError',
          message: 'Invalid report: the body must be a JSON object',
        });
      }
      const malformed = await request(server)
        .post(REPORTS)
        .set('Authorization', asService)
        .set('Content-Type', 'application/json')
        .send('{"kind": ')
        .expect(400);
      expect(malformed.body.error.message).toContain('not valid JSON');
      expect(await snapshotReportTables(knex)).toEqual({
        reports: [],
        daily_rollups: [],
      });
    });

    it('stores the largest accepted values and reads them back unchanged', async () => {
      const server = await startBackend();
      const largest = (runId: string) => {
        const report: any = structuredClone(gatewayReport(runId));
        const counters = report.sccache.counters;
        report.source.ci.runAttempt = MAX_REPORT_COUNT;
        report.source.ci.runId = runId.padEnd(500, '9');
        report.source.ci.job = 'j'.repeat(500);
        report.source.branch = 'b'.repeat(500);
        report.source.commit = 'c'.repeat(100);
        report.source.ci.url = `https://ci.example.com/${'u'.repeat(1977)}`;
        report.toolchain.rustc.release = '1'.repeat(100);
        Object.assign(counters, {
          compileRequests: MAX_REPORT_COUNT,
          // The stored hit, miss and error columns are Rust's (other languages have
          // their own rollups), so Rust alone carries the largest count.
          hits: { Rust: MAX_REPORT_COUNT },
          misses: { Rust: MAX_REPORT_COUNT },
          errors: { Rust: MAX_REPORT_COUNT },
          // `incremental` is avoidable: its count is the avoidable_not_cached column.
          notCached: { incremental: MAX_REPORT_COUNT },
          cacheWrites: MAX_REPORT_COUNT,
          cacheWriteErrors: MAX_REPORT_COUNT,
          cacheTimeouts: MAX_REPORT_COUNT,
        });
        report.sccache.durations.compilerWriteSeconds = MAX_REPORT_SECONDS;
        report.sccache.cache.size = Number.MAX_SAFE_INTEGER;
        const validation = validateReport(report);
        if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
        return validation.report;
      };

      const first = largest('1');
      const stored = await request(server)
        .post(REPORTS)
        .set('Authorization', asService)
        .send(first)
        .expect(201);
      await request(server)
        .post(REPORTS)
        .set('Authorization', asService)
        .send(largest('2'))
        .expect(201);

      const run = await request(server)
        .get(`/api/rust-build-cache/runs/${stored.body.id}`)
        .expect(200);
      expect(run.body.report).toEqual(first);
      expect(run.body.runAttempt).toBe(MAX_REPORT_COUNT);
      const metrics = computeRunMetrics(first.sccache!);
      expect(run.body.metrics).toEqual(metrics);

      const row = await knex('reports').where('id', stored.body.id).first();
      expect(
        [
          row.run_attempt,
          row.requests,
          row.hits,
          row.misses,
          row.errors,
          row.avoidable_not_cached,
          row.cache_write_errors,
          row.cache_timeouts,
        ].map(Number),
      ).toEqual(Array(8).fill(MAX_REPORT_COUNT));
      expect(Number(row.compile_seconds)).toBe(MAX_REPORT_SECONDS);

      // The day's sums of both runs: twice the largest count, in the bigint rollups.
      const series = await request(server)
        .get(
          '/api/rust-build-cache/entities/default/component/gateway/timeseries',
        )
        .expect(200);
      expect(series.body.points).toEqual([
        expect.objectContaining({
          runs: 2,
          requests: 2 * MAX_REPORT_COUNT,
          hits: 2 * MAX_REPORT_COUNT,
          misses: 2 * MAX_REPORT_COUNT,
          errors: 2 * MAX_REPORT_COUNT,
          avoidableNotCached: 2 * MAX_REPORT_COUNT,
          cacheWriteErrors: 2 * MAX_REPORT_COUNT,
          compileSeconds: 2 * MAX_REPORT_SECONDS,
        }),
      ]);
    });

    it('stores a workspace path as it was checked: trimmed and normalised', async () => {
      const server = await startBackend();
      const report = gatewayReport('1');
      const response = await request(server)
        .post(REPORTS)
        .set('Authorization', asService)
        .send({
          ...report,
          source: { ...report.source, workspacePath: ' ./services//gateway/ ' },
        })
        .expect(201);
      expect(response.body.entityRef).toBe('component:default/gateway');
      const run = await request(server)
        .get(`/api/rust-build-cache/runs/${response.body.id}`)
        .expect(200);
      expect(run.body.workspacePath).toBe('services/gateway');
      expect(run.body.report.source.workspacePath).toBe('services/gateway');
    });
  },
);
