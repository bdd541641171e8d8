import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli';
import {
  json,
  startReportServer,
  type ReportServer,
  type Responder,
} from '../testing/reportServer';
import { createTestSystem } from '../testing/testSystem';
import { PUSH_REPORT as REPORT } from '../testing/pushReport';

const STORED = {
  id: 'run-1',
  created: true,
  entityRef: 'component:default/payments',
};

let dir: string;
let server: ReportServer | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rbc-push-'));
  await writeFile(
    join(dir, 'rust-build-cache-report.json'),
    JSON.stringify(REPORT),
  );
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function push(
  respond: Responder,
  args: string[] = [],
  env: Record<string, string> = {},
) {
  server = await startReportServer(respond);
  const test = createTestSystem({
    cwd: dir,
    env: {
      RUST_BUILD_CACHE_URL: server.url,
      RUST_BUILD_CACHE_TOKEN: 'secret-token',
      ...env,
    },
  });
  const exitCode = await runCli(['push', ...args], test.system);
  return {
    exitCode,
    stdout: test.stdout(),
    stderr: test.stderr(),
    sleeps: test.sleeps,
    requests: server.requests,
  };
}

describe('push', () => {
  it('sends the report with the token and prints where it was stored (201)', async () => {
    const result = await push((_req, _i, res) => json(res, 201, STORED));

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(
      'Report stored: id run-1, entity component:default/payments\n',
    );
    expect(result.requests).toHaveLength(1);
    const [request] = result.requests;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/api/rust-build-cache/reports');
    expect(request.headers.authorization).toBe('Bearer secret-token');
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual(REPORT);
  });

  it('says so when the report was already stored (200)', async () => {
    const result = await push((_req, _i, res) =>
      json(res, 200, { ...STORED, created: false, entityRef: null }),
    );
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(
      'Report was already stored (sent before for this run): id run-1, entity none yet (no catalog entity matches its repository and workspace)\n',
    );
  });

  it('tells "no entity" from "linking pending" by the backend\'s entityStatus', async () => {
    const noEntity = await push((_req, _i, res) =>
      json(res, 201, { ...STORED, entityRef: null, entityStatus: 'no-entity' }),
    );
    expect(noEntity.stdout).toBe(
      'Report stored: id run-1, entity none (no catalog entity has this repository and workspace: annotate the entity with rust-build-cache/workspace and its repository)\n',
    );
    const pending = await push((_req, _i, res) =>
      json(res, 201, {
        ...STORED,
        entityRef: null,
        entityStatus: 'linking-pending',
      }),
    );
    expect(pending.stdout).toBe(
      'Report stored: id run-1, entity not linked yet (the backend could not ask the catalog now; its link task links the report to its entity later)\n',
    );
  });

  it('takes --url, --token and --report over the environment, under a base path', async () => {
    await writeFile(
      join(dir, 'other.json'),
      JSON.stringify({ ...REPORT, kind: 'prewarm' }),
    );
    server = await startReportServer((_req, _i, res) => json(res, 201, STORED));
    const test = createTestSystem({
      cwd: dir,
      env: {
        RUST_BUILD_CACHE_URL: 'http://127.0.0.1:1',
        RUST_BUILD_CACHE_TOKEN: 'env-token',
      },
    });

    const exitCode = await runCli(
      [
        'push',
        '--url',
        `${server.url}/backstage/`,
        '--token',
        'flag-token',
        '--report',
        'other.json',
      ],
      test.system,
    );

    expect(exitCode).toBe(0);
    expect(server.requests[0].url).toBe(
      '/backstage/api/rust-build-cache/reports',
    );
    expect(server.requests[0].headers.authorization).toBe('Bearer flag-token');
    expect(JSON.parse(server.requests[0].body).kind).toBe('prewarm');
  });

  it.each([
    [
      400,
      { error: { name: 'InputError', message: 'source.ci.runId: Too small' } },
      'the server answered 400 (InputError: source.ci.runId: Too small)',
    ],
    [
      401,
      { error: { name: 'AuthenticationError', message: 'Illegal token' } },
      'the server answered 401 (AuthenticationError: Illegal token): check the token (--token or RUST_BUILD_CACHE_TOKEN)',
    ],
    [404, 'Not Found', 'the server answered 404 ("Not Found")'],
  ])(
    'does not retry a %i and prints the server message',
    async (status, body, message) => {
      const lenient = await push((_req, _i, res) => json(res, status, body));
      expect(lenient.requests).toHaveLength(1);
      expect(lenient.sleeps).toEqual([]);
      expect(lenient.exitCode).toBe(0);
      expect(lenient.stderr).toContain(
        `warning: the build-cache report was not sent: ${message}`,
      );
      expect(lenient.stderr).toContain('pass --strict to make it fail');
      await server?.close();

      const strict = await push(
        (_req, _i, res) => json(res, status, body),
        ['--strict'],
      );
      expect(strict.exitCode).toBe(1);
      expect(strict.stderr).toBe(`rust-build-cache push: error: ${message}\n`);
    },
  );

  it('honours Retry-After on 429', async () => {
    const result = await push((_req, i, res) =>
      i === 0
        ? json(
            res,
            429,
            { error: { name: 'TooManyRequests', message: 'slow down' } },
            { 'retry-after': '2' },
          )
        : json(res, 201, STORED),
    );
    expect(result.exitCode).toBe(0);
    expect(result.requests).toHaveLength(2);
    expect(result.sleeps).toEqual([2000]);
    expect(result.stderr).toContain(
      'warning: the server answered 429 (TooManyRequests: slow down); retrying in 2.0 s (attempt 2 of 5)',
    );
    expect(result.stdout).toContain('Report stored: id run-1');
  });

  it('gives up when Retry-After is longer than push waits', async () => {
    const result = await push(
      (_req, _i, res) => json(res, 503, {}, { 'retry-after': '3600' }),
      ['--strict'],
    );
    expect(result.exitCode).toBe(1);
    expect(result.requests).toHaveLength(1);
    expect(result.sleeps).toEqual([]);
    expect(result.stderr).toContain(
      'the server asks to retry after 3600 s, longer than push waits (60 s)',
    );
  });

  it('retries 5xx with exponential backoff, then succeeds, sending the same body each time', async () => {
    const result = await push((_req, i, res) =>
      i < 2
        ? json(res, 500, { error: { name: 'Error', message: 'db down' } })
        : json(res, 201, STORED),
    );
    expect(result.exitCode).toBe(0);
    expect(result.requests).toHaveLength(3);
    // random() = 0 gives the lower end of the jitter range: half of 1 s, 2 s.
    expect(result.sleeps).toEqual([500, 1000]);
    expect(new Set(result.requests.map(r => r.body)).size).toBe(1);
    expect(JSON.parse(result.requests[2].body)).toEqual(REPORT);
  });

  it('stops after --retries and fails only with --strict', async () => {
    const answer500: Responder = (_req, _i, res) =>
      json(res, 502, 'bad gateway');
    const lenient = await push(answer500, ['--retries', '2']);
    expect(lenient.requests).toHaveLength(3);
    expect(lenient.sleeps).toHaveLength(2);
    expect(lenient.exitCode).toBe(0);
    expect(lenient.stderr).toContain(
      'the server answered 502 ("bad gateway") (gave up after 3 attempts)',
    );
    await server?.close();

    const strict = await push(answer500, ['--retries', '0', '--strict']);
    expect(strict.requests).toHaveLength(1);
    expect(strict.exitCode).toBe(1);
  });

  it('times out a hanging answer and retries', async () => {
    const result = await push(
      (_req, i, res) => {
        if (i > 0) json(res, 201, STORED);
        // the first request never gets an answer
      },
      ['--timeout-ms', '300'],
    );
    expect(result.exitCode).toBe(0);
    expect(result.requests).toHaveLength(2);
    expect(result.stderr).toContain('no answer from http://127.0.0.1:');
    expect(result.stderr).toContain('within 300 ms; retrying');
  });

  it('retries when the server cannot be reached', async () => {
    server = await startReportServer(() => undefined);
    const closedUrl = server.url;
    await server.close();
    server = undefined;
    const test = createTestSystem({
      cwd: dir,
      env: { RUST_BUILD_CACHE_URL: closedUrl, RUST_BUILD_CACHE_TOKEN: 't' },
    });
    const exitCode = await runCli(
      ['push', '--retries', '1', '--strict'],
      test.system,
    );
    expect(exitCode).toBe(1);
    expect(test.sleeps).toHaveLength(1);
    expect(test.stderr()).toContain(
      `cannot reach ${closedUrl}/api/rust-build-cache/reports: ECONNREFUSED`,
    );
  });

  it('does not follow a redirect, which would turn the POST into a GET', async () => {
    const result = await push(
      (_req, _i, res) => {
        res.writeHead(301, {
          location:
            'https://backstage.example.com/api/rust-build-cache/reports',
        });
        res.end();
      },
      ['--strict'],
    );
    expect(result.exitCode).toBe(1);
    expect(result.requests).toHaveLength(1);
    expect(result.stderr).toContain(
      'a redirect to https://backstage.example.com/api/rust-build-cache/reports',
    );
  });

  describe('before sending', () => {
    it.each([
      [
        'a missing report',
        undefined,
        'report at rust-build-cache-report.json: file not found',
      ],
      [
        'invalid JSON',
        '{"schemaVersion": 1,',
        'report at rust-build-cache-report.json: invalid JSON',
      ],
      [
        'a report that does not match the schema',
        JSON.stringify({ ...REPORT, kind: 'nightly', schemaVersion: 9 }),
        'report at rust-build-cache-report.json: not a valid rust-build-cache report (schema version 1):\nschemaVersion: ',
      ],
    ])('rejects %s without sending it', async (_what, content, message) => {
      await rm(join(dir, 'rust-build-cache-report.json'));
      if (content !== undefined)
        await writeFile(join(dir, 'rust-build-cache-report.json'), content);

      const lenient = await push(() => undefined);
      expect(lenient.exitCode).toBe(0);
      expect(lenient.stderr).toContain(
        `warning: the build-cache report was not sent: ${message}`,
      );
      const strict = await push(() => undefined, ['--strict']);
      expect(strict.exitCode).toBe(1);
      expect(strict.stderr).toContain(`error: ${message}`);
      expect(strict.requests).toHaveLength(0);
    });

    it.each([
      [
        ['--retries', 'many'],
        {},
        "--retries must be a whole number ≥ 0, got 'many'",
      ],
      [
        ['--timeout-ms', '0'],
        {},
        "--timeout-ms must be a positive integer, got '0'",
      ],
      [
        [],
        { RUST_BUILD_CACHE_TOKEN: '' },
        'no token: set RUST_BUILD_CACHE_TOKEN or pass --token',
      ],
      [
        ['--url', 'backstage.example.com'],
        {},
        "the backend URL must be http(s), e.g. https://backstage.example.com, got 'backstage.example.com'",
      ],
      [['--bogus'], {}, "Unknown option '--bogus'"],
      [
        ['--url', 'https://user:hunter2@backstage.example.com'],
        {},
        'the backend URL must not contain credentials',
      ],
    ])(
      'rejects the command line %j: exit 0 with a warning, 2 with --strict',
      async (args, env, message) => {
        const lenient = await push(() => undefined, args, env);
        expect(lenient.exitCode).toBe(0);
        expect(lenient.stderr).toContain(message);
        const strict = await push(() => undefined, [...args, '--strict'], env);
        expect(strict.exitCode).toBe(2);
        expect(strict.requests).toHaveLength(0);
      },
    );
  });

  it('prints its help', async () => {
    const test = createTestSystem({ cwd: dir });
    expect(await runCli(['push', '--help'], test.system)).toBe(0);
    expect(test.stdout()).toContain('--retries N');
    expect(
      await readFile(join(dir, 'rust-build-cache-report.json'), 'utf8'),
    ).toBe(JSON.stringify(REPORT));
  });
});
