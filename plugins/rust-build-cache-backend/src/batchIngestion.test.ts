import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  BuildCacheReport,
  IngestReportBatchResponse,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import {
  annotatedComponent,
  createRouteTestBed,
} from '@rust-build-cache/plugin-rust-build-cache-node/testUtils';
import request from 'supertest';
import {
  startPluginBackend,
  TestConfigData,
} from './__testUtils__/pluginBackend';
import {
  recordingAuditor,
  RecordedEvent,
} from './__testUtils__/recordingAuditor';
import { makeReport } from './__testUtils__/reports';
import { createTestDatabases } from './__testUtils__/testDatabases';

// POST /reports/batch through the whole plugin, on each database: per-report answers,
// limits, access and the audit record.

jest.setTimeout(60_000);

const databases = createTestDatabases();

const BATCH = '/api/rust-build-cache/reports/batch';
const asService = mockCredentials.service.header();
const asUser = mockCredentials.user.header();

const billingEntity = annotatedComponent({
  name: 'billing',
  workspace: 'services/billing',
  projectSlug: 'Acme/Platform',
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
});

function billingReport(runId: string): BuildCacheReport {
  return makeReport({
    repository: { host: 'github.com', owner: 'acme', name: 'platform' },
    workspacePath: 'services/billing',
    kind: 'ci',
    runId,
    finishedAt: new Date(Date.now() - 60_000).toISOString(),
  });
}

describe.each(databases.eachSupportedId())('POST /reports/batch (%s)', id => {
  const bed = createRouteTestBed({
    databases,
    databaseId: id,
    startBackend: startPluginBackend,
  });
  let events: RecordedEvent[];

  async function startBackend(config: TestConfigData = {}) {
    const recording = recordingAuditor();
    events = recording.events;
    const { server } = await bed.start({
      config,
      entities: [billingEntity],
      features: [
        // Callers without a token are anonymous, so that the 401 can be seen.
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        recording.auditor.factory,
      ],
    });
    return server;
  }

  const storedRunIds = async () =>
    (await bed.knex('reports').select('run_id').orderBy('run_id')).map(
      row => row.run_id,
    );

  const postBatch = (server: any, body: unknown, authorization = asService) =>
    request(server)
      .post(BATCH)
      .set('Authorization', authorization)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(body));

  it('answers each report as POST /reports would, in order, storing the valid ones', async () => {
    const server = await startBackend();
    // Stored before: the batch's copy is a repeat.
    const earlier = await request(server)
      .post('/api/rust-build-cache/reports')
      .set('Authorization', asService)
      .send(billingReport('1'))
      .expect(201);

    const invalid = { ...billingReport('3'), kind: 'nightly' };
    const response = await postBatch(server, {
      reports: [
        billingReport('2'),
        billingReport('1'),
        invalid,
        billingReport('2'),
        null,
        billingReport('4'),
      ],
    }).expect(200);
    const { results } = response.body as IngestReportBatchResponse;

    const linked = {
      entityRef: 'component:default/billing',
      entityStatus: 'linked',
    };
    expect(results).toEqual([
      { status: 201, id: expect.any(String), created: true, ...linked },
      { status: 200, id: earlier.body.id, created: false, ...linked },
      { status: 400, error: expect.stringContaining('Invalid report:') },
      // The same job run earlier in the batch: stored once, this one is the repeat.
      { status: 200, id: (results[0] as any).id, created: false, ...linked },
      { status: 400, error: expect.stringContaining('Invalid report:') },
      { status: 201, id: expect.any(String), created: true, ...linked },
    ]);
    expect((results[2] as any).error).toContain('kind:');
    expect(await storedRunIds()).toEqual(['1', '2', '4']);

    const event = events.find(e => e.eventId === 'report-ingest-batch');
    expect(event).toEqual({
      eventId: 'report-ingest-batch',
      severityLevel: 'low',
      meta: { reports: 6 },
      outcome: 'success',
      successMeta: {
        created: 2,
        repeated: 2,
        invalid: 2,
        failed: 0,
        runIds: [
          (results[0] as any).id,
          earlier.body.id,
          (results[0] as any).id,
          (results[5] as any).id,
        ],
      },
    });
    expect(
      events.filter(e => e.eventId === 'report-ingest-batch'),
    ).toHaveLength(1);
  });

  it('gives one 201 per job run when batches with the same runs arrive at once', async () => {
    const server = await startBackend();
    const reports = ['10', '11', '12'].map(billingReport);
    const responses = await Promise.all(
      [0, 1, 2].map(() => postBatch(server, { reports }).expect(200)),
    );
    const statuses = responses.map(r =>
      r.body.results.map((item: { status: number }) => item.status),
    );
    for (let i = 0; i < reports.length; i++) {
      const column = statuses.map(row => row[i]).sort();
      expect(column).toEqual([200, 200, 201]);
    }
    expect(await storedRunIds()).toEqual(['10', '11', '12']);
  });

  it('refuses a body that is not {reports: [...]} or has no report, storing nothing', async () => {
    const server = await startBackend();
    for (const body of [[billingReport('1')], { reports: {} }, null]) {
      const response = await postBatch(server, body).expect(400);
      expect(response.body.error.message).toContain(
        'the body must be a JSON object {"reports": [<report>, ...]}',
      );
    }
    const empty = await postBatch(server, { reports: [] }).expect(400);
    expect(empty.body.error.message).toBe('Invalid batch: "reports" is empty');
    const malformed = await request(server)
      .post(BATCH)
      .set('Authorization', asService)
      .set('Content-Type', 'application/json')
      .send('{"reports": [')
      .expect(400);
    expect(malformed.body.error.message).toContain('Batch is not valid JSON');
    expect(await storedRunIds()).toEqual([]);
  });

  it('refuses more reports than maxBatchReports with 400, storing nothing', async () => {
    const server = await startBackend({
      rustBuildCache: { ingestion: { maxBatchReports: 2 } },
    });
    const response = await postBatch(server, {
      reports: ['1', '2', '3'].map(billingReport),
    }).expect(400);
    expect(response.body.error.message).toBe(
      'Invalid batch: 3 reports, more than 2, the limit set by rustBuildCache.ingestion.maxBatchReports',
    );
    await postBatch(server, { reports: ['1', '2'].map(billingReport) }).expect(
      200,
    );
    expect(await storedRunIds()).toEqual(['1', '2']);
  });

  it('refuses a body over maxBatchBytes with 413 naming the key, storing nothing', async () => {
    const body = { reports: ['1', '2'].map(billingReport) };
    const size = JSON.stringify(body).length;
    const server = await startBackend({
      rustBuildCache: {
        // Each report alone is under the single route's limit: the batch's own applies.
        ingestion: { maxBatchBytes: size - 1, maxReportBytes: size - 1 },
      },
    });
    const response = await postBatch(server, body).expect(413);
    expect(response.body.error).toMatchObject({
      name: 'ReportTooLargeError',
      message: `Batch is larger than ${
        size - 1
      } bytes, the limit set by rustBuildCache.ingestion.maxBatchBytes`,
    });
    expect(await storedRunIds()).toEqual([]);
  });

  it('answers 400 naming maxReportBytes for a report of a batch over that limit, storing the others', async () => {
    const small = billingReport('1');
    const large = {
      ...billingReport('2'),
      source: { ...billingReport('2').source, branch: 'b'.repeat(400) },
    };
    const limit = JSON.stringify(small).length + 100;
    const server = await startBackend({
      rustBuildCache: { ingestion: { maxReportBytes: limit } },
    });
    const response = await postBatch(server, {
      reports: [small, large],
    }).expect(200);
    expect(response.body.results).toEqual([
      expect.objectContaining({ status: 201 }),
      {
        status: 400,
        error: `Invalid report: ${
          JSON.stringify(large).length
        } bytes, larger than ${limit}, the limit set by rustBuildCache.ingestion.maxReportBytes`,
      },
    ]);
    expect(await storedRunIds()).toEqual(['1']);
  });

  it('refuses users with 403 and callers without a token with 401, before reading the body', async () => {
    const server = await startBackend();
    const body = { reports: [billingReport('1')] };
    const refused = await postBatch(server, body, asUser).expect(403);
    expect(refused.body.error.name).toBe('NotAllowedError');
    await request(server)
      .post(BATCH)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(body))
      .expect(401);
    expect(await storedRunIds()).toEqual([]);
    expect(events.some(e => e.eventId === 'report-ingest-batch')).toBe(false);
  });
});
