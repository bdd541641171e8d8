import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { realReportPath } from '@rust-build-cache/plugin-rust-build-cache-common/testUtils';
import { runCli } from '../cli';
import {
  json,
  startReportServer,
  type ReportServer,
  type Responder,
} from '../testing/reportServer';
import { createTestSystem } from '../testing/testSystem';

/** Rules the compliant billing-api report meets; minRuns 1 because check sees one report. */
const POLICY = {
  rules: [
    { id: 'rustc-wrapper-sccache', severity: 'error' },
    { id: 'cargo-incremental-off', severity: 'error' },
    {
      id: 'effective-hit-rate',
      severity: 'error',
      params: { threshold: 0.8, minRuns: 1 },
    },
    { id: 'cargo-lock-committed', severity: 'error' },
    { id: 'reports-fresh', severity: 'error' },
    { id: 'toolchain-pinned-exact', severity: 'warning' },
    {
      id: 'cache-size-bounded',
      severity: 'error',
      appliesTo: { lifecycles: ['production'] },
    },
  ],
  levels: [
    {
      id: 'bronze',
      title: 'Bronze',
      rules: ['rustc-wrapper-sccache', 'cargo-incremental-off'],
    },
    { id: 'silver', title: 'Silver', rules: ['toolchain-pinned-exact'] },
  ],
};

/** The real reports were recorded at 2026-11-27T17:38Z. */
const NOW = new Date('2026-11-27T18:00:00Z');

let dir: string;
let server: ReportServer | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rbc-check-'));
  await writeFile(join(dir, 'policy.json'), JSON.stringify(POLICY));
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** Puts a real recorded report where check looks by default. */
async function useReport(name: 'billing-api-warm' | 'ledger-worker-warm') {
  await copyFile(
    realReportPath(name),
    join(dir, 'rust-build-cache-report.json'),
  );
}

async function check(args: string[], env: Record<string, string> = {}) {
  const test = createTestSystem({ cwd: dir, env, now: NOW });
  const exitCode = await runCli(['check', ...args], test.system);
  return { exitCode, stdout: test.stdout(), stderr: test.stderr() };
}

describe('check', () => {
  it('fails on the real ledger-worker report: incremental compilation is on', async () => {
    await useReport('ledger-worker-warm');
    const result = await check(['--policy', 'policy.json']);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(
      '  FAIL    cargo-incremental-off (error): 1 compile request(s) were not cacheable because they were incremental (CARGO_INCREMENTAL is not set).\n' +
        '          Fix: Set `CARGO_INCREMENTAL=0`',
    );
    expect(result.stdout).toContain(
      '  FAIL    effective-hit-rate (error): Rust effective hit rate 66.7% over the last 1 CI run(s), below 80.0%.',
    );
    expect(result.stdout).toContain(
      '  Level: none; 3 passed, 2 failed, 1 warnings, 0 exempt, 1 not applicable, 0 insufficient data',
    );
  });

  it('passes on the real billing-api report, which meets every error rule', async () => {
    await useReport('billing-api-warm');
    const result = await check(['--policy', 'policy.json']);

    expect(result.exitCode).toBe(0);
    expect(result.stdout.split('\n').slice(0, 2)).toEqual([
      'rust-build-cache policy check: github.com/acme-demo/billing-api workspace ., run real-build-billing-api-warm',
      '  Level: bronze; 5 passed, 0 failed, 1 warnings, 0 exempt, 1 not applicable, 0 insufficient data',
    ]);
    expect(result.stdout).toContain(
      '  PASS    cargo-incremental-off (error): CARGO_INCREMENTAL is 0.\n',
    );
    // The warning-severity rule is shown with its fix, but does not fail the build.
    expect(result.stdout).toMatch(
      / {2}WARN {4}toolchain-pinned-exact \(warning\): No rust-toolchain file[^\n]*\n {10}Fix: Commit a rust-toolchain\.toml/,
    );
    expect(result.stdout).toContain('  N/A     cache-size-bounded (error): ');
  });

  it('applies appliesTo with the entity flags', async () => {
    await useReport('billing-api-warm');
    const result = await check([
      '--policy',
      'policy.json',
      '--lifecycle',
      'production',
      '--tag',
      'rust',
      '--tag',
      'payments',
    ]);
    // billing-api's disk cache has no SCCACHE_CACHE_SIZE: an error for production services.
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('  FAIL    cache-size-bounded (error): ');
  });

  it('appends a Markdown table to the GitHub step summary', async () => {
    await useReport('ledger-worker-warm');
    const summaryFile = join(dir, 'summary.md');
    await writeFile(summaryFile, '# Earlier step\n');
    const result = await check(['--policy', 'policy.json'], {
      GITHUB_ACTIONS: 'true',
      GITHUB_STEP_SUMMARY: summaryFile,
    });

    expect(result.exitCode).toBe(1);
    const summary = await readFile(summaryFile, 'utf8');
    expect(summary).toMatch(/^# Earlier step\n### Rust build cache policy: /);
    expect(summary).toContain(
      '| Result | Rule | Severity | Summary | What to change |',
    );
    expect(summary).toMatch(
      /\n\| FAIL \| Incremental compilation off in CI \(`cargo-incremental-off`\) \| error \| 1 compile request[^|]+\| Set `CARGO_INCREMENTAL=0`[^|]+\|\n/,
    );
    expect(summary).toMatch(
      /\n\| PASS \| [^|]+\(`rustc-wrapper-sccache`\) \| error \| [^|]+ \| {2}\|\n/,
    );
  });

  it('uses the built-in default policy when none is given, and says so', async () => {
    await useReport('billing-api-warm');
    const result = await check([]);
    expect(result.stderr).toBe(
      'note: no --policy or --url given: checking against the built-in default policy\n',
    );
    // The default policy requires an exact toolchain pin, which billing-api lacks.
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('  FAIL    toolchain-pinned-exact (error)');
  });

  describe('bad inputs', () => {
    it('names the policy file and the bad key', async () => {
      await useReport('billing-api-warm');
      await writeFile(
        join(dir, 'policy.json'),
        JSON.stringify({
          rules: [
            {
              id: 'effective-hit-rate',
              severity: 'error',
              params: { threshold: 2 },
            },
          ],
          levels: [],
        }),
      );
      const result = await check(['--policy', 'policy.json']);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toBe(
        'rust-build-cache check: error: policy at policy.json: not a valid policy:\n' +
          'rules[0].params.threshold: must be between 0 and 1\n',
      );
    });

    it('reports invalid JSON and missing files with their path', async () => {
      await useReport('billing-api-warm');
      await writeFile(join(dir, 'broken.json'), '{"rules": [');
      const broken = await check(['--policy', 'broken.json']);
      expect(broken.exitCode).toBe(1);
      expect(broken.stderr).toMatch(
        /^rust-build-cache check: error: policy at broken\.json: invalid JSON \(/,
      );

      const missing = await check(['--policy', 'nope.json']);
      expect(missing.exitCode).toBe(1);
      expect(missing.stderr).toBe(
        'rust-build-cache check: error: policy at nope.json: file not found\n',
      );

      const noReport = await check(['--report', 'other.json']);
      expect(noReport.exitCode).toBe(1);
      expect(noReport.stderr).toMatch(/report at other\.json: file not found/);
    });

    it('exits 2 for a bad command line', async () => {
      for (const args of [
        ['--policy', 'policy.json', '--url', 'https://backstage.example.com'],
        ['--bogus'],
        ['--kind', ''],
      ]) {
        const result = await check(args);
        expect(result.exitCode).toBe(2);
        expect(result.stderr).toMatch(/^rust-build-cache check: error: /);
      }
    });
  });

  describe('--url', () => {
    async function checkWithServer(respond: Responder) {
      await useReport('billing-api-warm');
      server = await startReportServer(respond);
      const result = await check(['--url', `${server.url}/backstage/`], {
        RUST_BUILD_CACHE_TOKEN: 'secret-token',
      });
      return { ...result, requests: server.requests };
    }

    it('fetches the policy from the backend with the token', async () => {
      const result = await checkWithServer((_req, _i, res) =>
        json(res, 200, { policy: POLICY, source: 'config' }),
      );
      expect(result.exitCode).toBe(0);
      expect(result.requests).toHaveLength(1);
      expect(result.requests[0]).toMatchObject({
        method: 'GET',
        url: '/backstage/api/rust-build-cache/policy',
      });
      expect(result.requests[0].headers.authorization).toBe(
        'Bearer secret-token',
      );
    });

    it('says to pass --policy while the backend has no policy route (404)', async () => {
      const result = await checkWithServer((_req, _i, res) =>
        json(res, 404, {
          error: { name: 'NotFoundError', message: 'Not found' },
        }),
      );
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toBe(
        `rust-build-cache check: error: the backend does not serve a policy yet; pass --policy (GET ${server?.url}/backstage/api/rust-build-cache/policy answered 404)\n`,
      );
    });

    it('rejects an invalid policy from the backend, naming the key', async () => {
      const result = await checkWithServer((_req, _i, res) =>
        json(res, 200, {
          policy: { rules: [{ id: 'nope', severity: 'error' }], levels: [] },
          source: 'config',
        }),
      );
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(
        /policy from http:\/\/127\.0\.0\.1:\d+\/backstage\/api\/rust-build-cache\/policy: not a valid policy:\nrules\[0\]\.id: must be one of the built-in rules/,
      );
    });

    it('rejects an answer without a policy field', async () => {
      const result = await checkWithServer((_req, _i, res) =>
        json(res, 200, POLICY),
      );
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(/: the answer has no "policy" field/);
    });

    it('points at the token on 401', async () => {
      const result = await checkWithServer((_req, _i, res) =>
        json(res, 401, {}),
      );
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(/answered 401: check the token/);
    });
  });
});
