import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli';
import { PUSH_REPORT } from '../testing/pushReport';
import {
  json,
  startReportServer,
  type ReceivedRequest,
  type ReportServer,
} from '../testing/reportServer';
import { createTestSystem } from '../testing/testSystem';
import type { ServerResponse } from 'node:http';

// `push` with several --report flags: batches through /reports/batch, one line per report.

let dir: string;
let server: ReportServer | undefined;

const reportOfJob = (job: string) => ({
  ...PUSH_REPORT,
  source: {
    ...PUSH_REPORT.source,
    ci: { ...PUSH_REPORT.source.ci, job },
  },
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rbc-push-several-'));
  for (const job of ['a', 'b', 'c']) {
    await writeFile(join(dir, `${job}.json`), JSON.stringify(reportOfJob(job)));
  }
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

const stored = (job: string, status: 200 | 201) => ({
  status,
  id: `run-${job}`,
  created: status === 201,
  entityRef: 'component:default/payments',
  entityStatus: 'linked',
});

/** Answers a batch with 201 for each report, or as `answer` says for a job. */
function batchServer(
  answer: (job: string) => object = job => stored(job, 201),
) {
  return (req: ReceivedRequest, _i: number, res: ServerResponse) => {
    if (req.url !== '/api/rust-build-cache/reports/batch') {
      json(res, 404, 'Not Found');
      return;
    }
    const { reports } = JSON.parse(req.body);
    json(res, 200, {
      results: reports.map((r: typeof PUSH_REPORT) => answer(r.source.ci.job)),
    });
  };
}

async function push(
  respond: (req: ReceivedRequest, i: number, res: ServerResponse) => void,
  args: string[],
) {
  server = await startReportServer(respond);
  const test = createTestSystem({
    cwd: dir,
    env: {
      RUST_BUILD_CACHE_URL: server.url,
      RUST_BUILD_CACHE_TOKEN: 'secret-token',
    },
  });
  const exitCode = await runCli(['push', ...args], test.system);
  return {
    exitCode,
    stdout: test.stdout(),
    stderr: test.stderr(),
    requests: server.requests,
  };
}

const THREE = [
  '--report',
  'a.json',
  '--report',
  'b.json',
  '--report',
  'c.json',
];

describe('push with several reports', () => {
  it('sends them in one batch request and prints one line per report', async () => {
    const result = await push(
      batchServer(job => stored(job, job === 'b' ? 200 : 201)),
      THREE,
    );
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        'a.json: Report stored: id run-a, entity component:default/payments',
        'b.json: Report was already stored (sent before for this run): id run-b, entity component:default/payments',
        'c.json: Report stored: id run-c, entity component:default/payments',
        '',
      ].join('\n'),
    );
    expect(result.requests).toHaveLength(1);
    const [request] = result.requests;
    expect(request.headers.authorization).toBe('Bearer secret-token');
    expect(JSON.parse(request.body)).toEqual({
      reports: ['a', 'b', 'c'].map(reportOfJob),
    });
  });

  it('sends at most --batch-size reports per request', async () => {
    const result = await push(batchServer(), [...THREE, '--batch-size', '2']);
    expect(result.exitCode).toBe(0);
    expect(
      result.requests.map(r =>
        JSON.parse(r.body).reports.map(
          (report: typeof PUSH_REPORT) => report.source.ci.job,
        ),
      ),
    ).toEqual([['a', 'b'], ['c']]);
  });

  it('falls back to one request per report when the backend has no batch route (404)', async () => {
    const result = await push(
      (req, _i, res) => {
        if (req.url.endsWith('/batch')) {
          json(res, 404, 'Not Found');
        } else {
          json(res, 201, stored(JSON.parse(req.body).source.ci.job, 201));
        }
      },
      [...THREE, '--batch-size', '2'],
    );
    expect(result.exitCode).toBe(0);
    // Asked once; every later report goes one by one.
    expect(result.requests.map(r => r.url)).toEqual([
      '/api/rust-build-cache/reports/batch',
      '/api/rust-build-cache/reports',
      '/api/rust-build-cache/reports',
      '/api/rust-build-cache/reports',
    ]);
    expect(result.stderr).toContain(
      'note: the backend has no /api/rust-build-cache/reports/batch',
    );
    expect(result.stdout.split('\n')).toHaveLength(4);
    expect(result.stdout).toContain('c.json: Report stored: id run-c');
  });

  it('warns for a report that was not stored, sends the others, and fails only with --strict', async () => {
    await writeFile(join(dir, 'broken.json'), '{');
    const answer = (job: string) =>
      job === 'b'
        ? { status: 400, error: 'Invalid report:\nkind: bad' }
        : stored(job, 201);
    const args = [...THREE, '--report', 'broken.json'];

    const lenient = await push(batchServer(answer), args);
    expect(lenient.exitCode).toBe(0);
    expect(lenient.stdout).toBe(
      [
        'a.json: Report stored: id run-a, entity component:default/payments',
        'c.json: Report stored: id run-c, entity component:default/payments',
        '',
      ].join('\n'),
    );
    expect(lenient.stderr).toContain(
      'warning: report broken.json was not stored: report at broken.json: invalid JSON',
    );
    expect(lenient.stderr).toContain(
      'warning: report b.json was not stored: the server answered 400 (Invalid report:\nkind: bad)',
    );
    expect(lenient.stderr).toContain(
      'warning: 2 of 4 reports were not stored\n(push does not fail the build; pass --strict to make it fail)\n',
    );
    await server?.close();

    const strict = await push(batchServer(answer), [...args, '--strict']);
    expect(strict.exitCode).toBe(1);
    expect(strict.stdout.split('\n')).toHaveLength(3);
    expect(strict.stderr).toContain(
      'rust-build-cache push: error: 2 of 4 reports were not stored\n',
    );
  });

  it('refuses a bad --batch-size', async () => {
    const result = await push(batchServer(), [...THREE, '--batch-size', '0']);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain(
      '--batch-size must be a positive integer, got',
    );
    expect(result.requests).toHaveLength(0);
  });
});
