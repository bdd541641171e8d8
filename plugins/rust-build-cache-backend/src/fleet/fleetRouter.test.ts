import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  BuildCacheReport,
  FleetCompileTime,
  FleetFragmentation,
  FleetTimeSaved,
  FleetToolchainDrift,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import request from 'supertest';
import { annotatedComponent } from '../__testUtils__/entities';
import { startPluginBackend } from '../__testUtils__/pluginBackend';
import { makeReport } from '../__testUtils__/reports';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const BASE = '/api/rust-build-cache';
const repository = { host: 'github.com', owner: 'acme', name: 'platform' };
const names = ['billing', 'ledger', 'search'];
const entities = names.map(name =>
  annotatedComponent({
    name,
    workspace: `services/${name}`,
    projectSlug: 'acme/platform',
    spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
  }),
);

/** A CI run an hour ago with two Rust misses (the example report's real timings). */
function report(
  name: string,
  change: (r: BuildCacheReport) => void = () => {},
): BuildCacheReport {
  const r = makeReport({
    repository,
    workspacePath: `services/${name}`,
    kind: 'ci',
    runId: `${name}-1`,
    finishedAt: new Date(Date.now() - 3600_000).toISOString(),
  });
  r.sccache!.counters.misses = { Rust: 2 };
  r.sccache!.durations.compilerWriteSeconds = 4;
  change(r);
  return r;
}

const asUser = mockCredentials.user.header();
const asService = mockCredentials.service.header();
const config = {
  rustBuildCache: {
    policy: {
      baseline: { rustRelease: '1.95.0' },
      rules: [{ id: 'reports-fresh', severity: 'warning' }],
      levels: [{ id: 'bronze', title: 'Bronze', rules: ['reports-fresh'] }],
    },
    snapshot: { enabled: false },
  },
};

describe.each(databases.eachSupportedId())('fleet API (%s)', databaseId => {
  let knex: Knex;

  afterEach(async () => {
    await knex?.destroy();
  });

  async function start(
    permissions:
      | AuthorizeResult.ALLOW
      | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
  ) {
    knex = await databases.init(databaseId);
    const { server } = await startPluginBackend({
      knex,
      config,
      entities,
      permissions,
    });
    return server;
  }

  it('answers the four views from the pushed reports, for users and services', async () => {
    const server = await start();
    const reports = [
      report('billing'),
      report('ledger', r => {
        r.build.env.rustflags = { set: true, sha256: 'a'.repeat(64) };
      }),
      report('search', r => {
        r.toolchain.rustc = {
          ...r.toolchain.rustc!,
          release: '1.97.0-nightly',
          version: 'rustc 1.97.0-nightly (e50aa6fba 2026-05-19)',
        };
      }),
    ];
    for (const body of reports) {
      await request(server)
        .post(`${BASE}/reports`)
        .set('Authorization', asService)
        .send(body)
        .expect(201);
    }

    const get = (path: string, auth = asUser) =>
      request(server).get(`${BASE}/fleet/${path}`).set('Authorization', auth);

    const compile: FleetCompileTime = (await get('compile-time').expect(200))
      .body;
    expect(compile.days).toBe(30);
    expect(compile.reportsWithMisses).toBe(3);
    expect(compile.reportsWithTimings).toBe(3);
    // The example build kept two library units (itoa, and one more): both counted per service.
    expect(compile.crates[0]).toMatchObject({ services: 3, compiles: 3 });
    expect(compile.crates[0].entityRefs).toEqual(
      names.map(n => `component:default/${n}`),
    );
    expect(compile.method.limits.length).toBeGreaterThan(0);

    const drift: FleetToolchainDrift = (
      await get('toolchains', asService).expect(200)
    ).body;
    expect(drift.baseline).toBe('1.95.0');
    expect(
      drift.releases.map(r => [r.release, r.services, r.isBaseline]),
    ).toEqual([
      ['1.95.0', 2, true],
      ['1.97.0-nightly', 1, false],
    ]);
    // The example pins 1.95.0: search's CI ran nightly.
    expect(drift.pinMismatches.map(m => m.entityRef)).toEqual([
      'component:default/search',
    ]);

    const fragmentation: FleetFragmentation = (
      await get('fragmentation?limit=5').expect(200)
    ).body;
    expect(fragmentation.fingerprints).toHaveLength(1);
    expect(fragmentation.fingerprints[0]).toMatchObject({
      services: 3,
      keyGroups: 3,
      splits: { rustflags: 1, toolchain: 1 },
    });
    expect(fragmentation.warmJobs).toBe(3);
    expect(fragmentation.warmJobsIfUnified).toBe(1);

    const saved: FleetTimeSaved = (await get('time-saved?weeks=4').expect(200))
      .body;
    expect(saved.weeks).toHaveLength(4);
    const current = saved.weeks[3];
    expect(current.complete).toBe(false);
    // Unless the hour-old reports fell into last week (a test run just after Monday 00:00).
    const thisWeek = saved.weeks.find(w => w.runs > 0)!;
    expect(thisWeek.runs).toBe(3);
    expect(thisWeek.hits).toBe(6);
    expect(thisWeek.secondsSaved).toBeCloseTo(12, 2);
  });

  it('rejects out-of-range and unknown query parameters with 400', async () => {
    const server = await start();
    const bad = [
      ['compile-time?days=0', 'days'],
      ['compile-time?days=91', 'days'],
      ['compile-time?days=abc', 'days'],
      ['compile-time?limit=501', 'limit'],
      ['compile-time?day=7', 'day'],
      ['fragmentation?limit=0', 'limit'],
      ['time-saved?weeks=1', 'weeks'],
      ['time-saved?weeks=27', 'weeks'],
      ['toolchains?days=3', 'days'],
    ];
    for (const [path, field] of bad) {
      const res = await request(server)
        .get(`${BASE}/fleet/${path}`)
        .set('Authorization', asUser)
        .expect(400);
      expect(res.body.error.message).toMatch(
        new RegExp(`^Invalid query parameters:\\n(.|\\n)*${field}`),
      );
    }
  });

  it('refuses users and services without the read permission', async () => {
    const server = await start(AuthorizeResult.DENY);
    const res = await request(server)
      .get(`${BASE}/fleet/toolchains`)
      .set('Authorization', asUser)
      .expect(403);
    expect(res.body.error.message).toMatch(/rust-build-cache.reports.read/);
    await request(server)
      .get(`${BASE}/fleet/compile-time`)
      .set('Authorization', asService)
      .expect(403);
  });
});
