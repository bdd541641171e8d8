import {
  decodePolicyRun,
  reportsReadInFull,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import { makeReport } from '../__testUtils__/reports';
import {
  createTestStores,
  type TestStores,
  createTestDatabases,
} from '../__testUtils__/testDatabases';
import { toNewRun } from '../reports/ReportIngestionService';
import { sourceKeyString, StoredPolicyResult } from './PolicyStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const repository = { host: 'github.com', owner: 'acme', name: 'platform' };
const api = { repository: 'github.com/acme/platform', workspacePath: 'api' };
const web = { repository: 'github.com/acme/platform', workspacePath: 'web' };

const counts = (over: Partial<StoredPolicyResult['counts']> = {}) => ({
  passed: 0,
  failed: 0,
  warned: 0,
  exempt: 0,
  notApplicable: 0,
  insufficientData: 0,
  ...over,
});

function result(
  entityRef: string,
  over: Partial<StoredPolicyResult> = {},
): StoredPolicyResult {
  return {
    entityRef,
    owner: 'group:default/payments',
    level: 'bronze',
    nextLevel: { id: 'silver', blockingRuleIds: ['cargo-incremental-off'] },
    counts: counts({ passed: 1, failed: 1 }),
    results: [
      {
        ruleId: 'rustc-wrapper-sccache',
        severity: 'error',
        result: 'pass',
        summary: 'ok',
        evidence: { numbers: { rustcWrapper: 'sccache' }, runIds: ['1'] },
      },
      {
        ruleId: 'cargo-incremental-off',
        severity: 'error',
        result: 'fail',
        summary: 'incremental',
        evidence: { numbers: { cargoIncremental: null }, runIds: ['1'] },
      },
    ],
    evaluatedAt: new Date('2026-11-27T12:00:00.000Z'),
    ...over,
  };
}

describe.each(databases.eachSupportedId())('policy stores (%s)', databaseId => {
  let knex: Knex;
  let runs: TestStores;
  let store: TestStores;

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    runs = await createTestStores(knex);
    store = runs;
  });

  afterEach(async () => {
    await knex.destroy();
  });

  it('reads the last N CI reports of each source newest first, plus the latest of other kinds', async () => {
    const report = (
      workspacePath: string,
      runId: string,
      finishedAt: string,
      kind: 'ci' | 'prewarm' = 'ci',
    ) =>
      toNewRun(
        makeReport({ repository, workspacePath, runId, finishedAt, kind }),
        new Date(finishedAt),
      );
    await runs.reports.insertRuns({
      runs: [
        report('api', '1', '2026-11-20T10:00:00Z'),
        report('api', '2', '2026-11-21T10:00:00Z'),
        report('api', '3', '2026-11-22T10:00:00Z'),
        report('api', '4', '2026-11-23T10:00:00Z'),
        report('api', 'p1', '2026-11-19T10:00:00Z', 'prewarm'),
        report('api', 'p2', '2026-11-24T10:00:00Z', 'prewarm'),
        report('web', '9', '2026-11-22T10:00:00Z'),
        report('other', '10', '2026-11-22T10:00:00Z'),
      ],
    });

    const found = await store.policyInputs.listRecentReports({
      sources: [api, web, { ...api, workspacePath: 'none' }],
      ciRuns: 2,
    });
    expect(
      [...found.entries()].map(([key, stored]) => {
        const { runs: read, reports } = stored.read();
        return [
          key,
          read.map(r => r.runId),
          reports.map(r => r.source.ci.runId),
        ];
      }),
    ).toEqual([
      // Whole projections of the newest report and the newest CI run only.
      [sourceKeyString(api), ['p2', '4', '3'], ['p2', '4']],
      [sourceKeyString(web), ['9'], ['9']],
    ]);
    const apiReports = found.get(sourceKeyString(api))!.read();
    expect(apiReports.runs[0].kind).toBe('prewarm');
    expect(apiReports.reports[0].kind).toBe('prewarm');
    // Each read parses anew: nothing parsed is kept between evaluations.
    expect(found.get(sourceKeyString(api))!.read().runs[0]).not.toBe(
      apiReports.runs[0],
    );
  });

  it('orders runs that finished at the same time by report id, newest first', async () => {
    const finishedAt = '2026-11-22T10:00:00Z';
    await runs.reports.insertRuns({
      runs: ['a', 'b', 'c', 'd'].map(runId =>
        toNewRun(
          makeReport({ repository, workspacePath: 'api', runId, finishedAt }),
          new Date(finishedAt),
        ),
      ),
    });
    const stored: Array<{ report_id: string; run_json: string }> = await knex(
      'report_policy_inputs',
    ).select('report_id', 'run_json');
    const byIdDescending = stored
      .sort((a, b) => (a.report_id < b.report_id ? 1 : -1))
      .map(row => JSON.parse(row.run_json)[2]);
    const found = await store.policyInputs.listRecentReports({
      sources: [api],
      ciRuns: 3,
    });
    const { runs: read, reports } = found.get(sourceKeyString(api))!.read();
    expect(read.map(run => run.runId)).toEqual(byIdDescending.slice(0, 3));
    expect(reports.map(report => report.source.ci.runId)).toEqual([
      byIdDescending[0],
    ]);
  });

  it('reads in full the reports that reportsReadInFull names, chosen by the database', async () => {
    // Per source, newest first: [kind, has sccache statistics]. Sources without statistics
    // in their newest CI runs, with a newer report of another kind, without CI runs.
    const histories: Record<string, Array<['ci' | 'prewarm', boolean]>> = {
      a: [
        ['prewarm', true],
        ['ci', false],
        ['ci', false],
        ['ci', true],
        ['ci', true],
      ],
      b: [
        ['ci', false],
        ['ci', false],
      ],
      c: [
        ['ci', true],
        ['ci', false],
      ],
      d: [['prewarm', false]],
      e: [
        ['ci', false],
        ['prewarm', true],
        ['ci', true],
      ],
    };
    const hour = 3600_000;
    const start = Date.parse('2026-11-20T00:00:00Z');
    await runs.reports.insertRuns({
      runs: Object.entries(histories).flatMap(([path, history]) =>
        history.map(([kind, stats], i) => {
          const finishedAt = new Date(start - i * hour).toISOString();
          return toNewRun(
            makeReport({
              repository,
              workspacePath: path,
              runId: `${path}${i}`,
              finishedAt,
              kind,
              ...(stats ? {} : { sccache: null }),
            }),
            new Date(finishedAt),
          );
        }),
      ),
    });
    const sources = Object.keys(histories).map(workspacePath => ({
      repository: api.repository,
      workspacePath,
    }));
    const found = await store.policyInputs.listRecentReports({
      sources,
      ciRuns: 3,
    });
    for (const source of sources) {
      const { runs: read, reports } = found
        .get(sourceKeyString(source))!
        .read();
      expect([
        source.workspacePath,
        reports.map(r => r.source.ci.runId),
      ]).toEqual([
        source.workspacePath,
        reportsReadInFull(read).map(i => read[i].runId),
      ]);
      expect(reports.map(r => r.sccache !== null)).toEqual(
        reportsReadInFull(read).map(i => read[i].cache !== null),
      );
    }
    // The newest CI run with statistics is looked for among the CI runs read only.
    expect(
      found
        .get(sourceKeyString(sources[0]))!
        .read()
        .reports.map(r => r.source.ci.runId),
    ).toEqual(['a0', 'a1', 'a3']);

    // Runs stored as objects, as a replica of a version before the compact form writes
    // them during a rolling upgrade, are read the same.
    const stored: Array<{ report_id: string; run_json: string }> = await knex(
      'report_policy_inputs',
    ).select('report_id', 'run_json');
    for (const row of stored) {
      await knex('report_policy_inputs')
        .where('report_id', row.report_id)
        .update({
          run_json: JSON.stringify(decodePolicyRun(JSON.parse(row.run_json))),
        });
    }
    const asObjects = await store.policyInputs.listRecentReports({
      sources,
      ciRuns: 3,
    });
    for (const source of sources) {
      const key = sourceKeyString(source);
      expect(asObjects.get(key)!.read()).toEqual(found.get(key)!.read());
    }
  });

  it('reads the toolchain and Cargo.lock facts of repository snapshots', async () => {
    await runs.snapshots.saveRepositorySnapshot({
      source: api,
      snapshot: {
        ...api,
        readAt: '2026-11-27T10:00:00.000Z',
        toolchainFile: {
          file: 'rust-toolchain.toml',
          channel: '1.95.0',
          path: null,
          components: [],
          targets: [],
          profile: null,
        } as any,
        dependencies: null,
        cargoLockCommitted: true,
        profiles: {},
        workflows: null,
        problems: [],
      },
      changes: [],
    });
    const facts = await store.policyInputs.getRepositoryFacts({
      sources: [api, web],
    });
    expect(facts.size).toBe(1);
    expect(facts.get(sourceKeyString(api))).toEqual({
      toolchainFile: expect.objectContaining({ channel: '1.95.0' }),
      cargoLockCommitted: true,
    });
  });

  it('lists every entity linked to a source', async () => {
    await runs.entityLinks.replaceEntityLinks({
      links: [
        { entityRef: 'component:default/b', source: api },
        { entityRef: 'component:default/a', source: api },
        { entityRef: 'component:default/c', source: web },
      ],
    });
    expect(
      await store.policyInputs.listLinkedEntityRefs({ source: api }),
    ).toEqual(['component:default/a', 'component:default/b']);
  });

  it('upserts current results and daily snapshots, and filters the entity table', async () => {
    await store.policyResults.saveEvaluations({
      day: '2026-11-26',
      results: [
        result('component:default/a'),
        result('component:default/b', {
          owner: null,
          level: null,
          counts: counts({ warned: 1, passed: 1 }),
          results: [
            {
              ruleId: 'rustc-wrapper-sccache',
              severity: 'error',
              result: 'pass',
              summary: 'ok',
              evidence: { numbers: {}, runIds: [] },
            },
            {
              ruleId: 'cargo-incremental-off',
              severity: 'warning',
              result: 'warn',
              summary: 'incremental',
              evidence: { numbers: {}, runIds: [] },
            },
          ],
        }),
      ],
    });
    // The next day, a passes; b is evaluated again the same day.
    const passing = result('component:default/a', {
      level: 'gold',
      nextLevel: null,
      counts: counts({ passed: 2 }),
      results: result('component:default/a').results.map(r => ({
        ...r,
        result: 'pass' as const,
      })),
      evaluatedAt: new Date('2026-11-27T12:00:00.000Z'),
    });
    await store.policyResults.saveEvaluations({
      day: '2026-11-27',
      results: [passing],
    });
    await store.policyResults.saveEvaluations({
      day: '2026-11-27',
      results: [passing],
    });

    expect(
      await store.policyResults.getResult({ entityRef: 'component:default/a' }),
    ).toEqual(passing);
    expect(
      await store.policyResults.getResult({ entityRef: 'component:default/x' }),
    ).toBeUndefined();

    const refs = async (filter: object, limit?: number, offset?: number) => {
      const page = await store.policyResults.listResultRows({
        filter,
        limit,
        offset,
      });
      return [page.items.map(i => i.entityRef), page.total];
    };
    expect(await refs({})).toEqual([
      ['component:default/a', 'component:default/b'],
      2,
    ]);
    expect(await refs({}, 1, 1)).toEqual([['component:default/b'], 2]);
    expect(await refs({ owner: 'group:default/payments' })).toEqual([
      ['component:default/a'],
      1,
    ]);
    expect(await refs({ level: null })).toEqual([['component:default/b'], 1]);
    expect(await refs({ level: 'gold' })).toEqual([['component:default/a'], 1]);
    expect(await refs({ result: 'warn' })).toEqual([
      ['component:default/b'],
      1,
    ]);
    expect(
      await refs({ ruleId: 'cargo-incremental-off', result: 'pass' }),
    ).toEqual([['component:default/a'], 1]);
    expect(await refs({ ruleId: 'cargo-incremental-off' })).toEqual([
      ['component:default/b'],
      1,
    ]);
    expect(await refs({ ruleId: 'rustc-wrapper-sccache' })).toEqual([[], 0]);

    const summary = await store.policyResults.summarise({
      ruleIds: ['cargo-incremental-off', 'cargo-lock-committed'],
    });
    expect(summary.groups).toEqual(
      expect.arrayContaining([
        {
          owner: 'group:default/payments',
          level: 'gold',
          entities: 1,
          compliant: 1,
          failed: 0,
          warned: 0,
          lastEvaluatedAt: new Date('2026-11-27T12:00:00.000Z'),
        },
        {
          owner: null,
          level: null,
          entities: 1,
          compliant: 1,
          failed: 0,
          warned: 1,
          lastEvaluatedAt: new Date('2026-11-27T12:00:00.000Z'),
        },
      ]),
    );
    expect(summary.groups).toHaveLength(2);
    expect(summary.ruleOutcomes.get('cargo-incremental-off')).toEqual(
      counts({ passed: 1, warned: 1 }),
    );
    expect(summary.ruleOutcomes.get('cargo-lock-committed')).toEqual(counts());

    const [row] = (
      await store.policyResults.listResultRows({ filter: { level: null } })
    ).items;
    expect(row).toEqual({
      entityRef: 'component:default/b',
      owner: null,
      level: null,
      counts: counts({ warned: 1, passed: 1 }),
      outcomes: {
        'rustc-wrapper-sccache': 'pass',
        'cargo-incremental-off': 'warn',
      },
      evaluatedAt: new Date('2026-11-27T12:00:00.000Z'),
    });

    expect(
      await store.policyResults.countDailySnapshots({ fromDay: '2026-11-01' }),
    ).toEqual(
      expect.arrayContaining([
        { day: '2026-11-26', level: 'bronze', entities: 1, compliant: 0 },
        { day: '2026-11-26', level: null, entities: 1, compliant: 1 },
        { day: '2026-11-27', level: 'gold', entities: 1, compliant: 1 },
      ]),
    );
    expect(
      await store.policyResults.countDailySnapshots({ fromDay: '2026-11-27' }),
    ).toEqual([
      { day: '2026-11-27', level: 'gold', entities: 1, compliant: 1 },
    ]);
    // Every write of results or snapshots raises the version the scorecards cache by.
    const beforeRetention = await store.policyResults.resultsVersion();
    expect(
      await store.policyResults.deleteDailySnapshotsBefore({
        day: '2026-11-27',
      }),
    ).toBe(2);
    const version = await store.policyResults.resultsVersion();
    expect(version).toBeGreaterThan(beforeRetention);
    expect(await store.policyResults.resultsVersion()).toBe(version);
    // Nothing deleted, nothing raised.
    await store.policyResults.deleteDailySnapshotsBefore({ day: '2026-11-27' });
    expect(await store.policyResults.resultsVersion()).toBe(version);

    // A full evaluation writes one time in batches: each batch is another version.
    const later = new Date('2026-11-27T13:00:00.000Z');
    await store.policyResults.saveEvaluations({
      day: '2026-11-27',
      results: [{ ...passing, evaluatedAt: later }],
    });
    const afterA = await store.policyResults.resultsVersion();
    expect(afterA).not.toBe(version);
    await store.policyResults.saveEvaluations({
      day: '2026-11-27',
      results: [{ ...result('component:default/b'), evaluatedAt: later }],
    });
    const afterB = await store.policyResults.resultsVersion();
    expect(afterB).not.toBe(afterA);

    expect(
      await store.policyResults.deleteResults({
        entityRefs: ['component:default/b'],
      }),
    ).toBe(1);
    expect(await store.policyResults.resultsVersion()).not.toBe(afterB);
    expect(await store.policyResults.listResultEntityRefs()).toEqual([
      'component:default/a',
    ]);
  });

  it('creates and revokes exemptions with an audit entry each, and filters by state', async () => {
    const now = new Date('2026-11-27T12:00:00.000Z');
    const base = {
      entityRef: 'component:default/a',
      ruleId: 'cargo-incremental-off' as const,
      reason: 'migration in progress',
      author: 'user:default/alice',
      createdAt: new Date('2026-11-20T12:00:00.000Z'),
    };
    const active = await store.exemptions.createExemption({
      exemption: {
        ...base,
        id: '6f0a1c2e-8b1d-4c55-9a43-1f7b5f2b9e01',
        expiresAt: new Date('2026-12-27T12:00:00.000Z'),
      },
    });
    await store.exemptions.createExemption({
      exemption: {
        ...base,
        id: '6f0a1c2e-8b1d-4c55-9a43-1f7b5f2b9e02',
        expiresAt: new Date('2026-11-27T11:00:00.000Z'),
      },
    });
    await store.exemptions.createExemption({
      exemption: {
        ...base,
        entityRef: 'component:default/b',
        id: '6f0a1c2e-8b1d-4c55-9a43-1f7b5f2b9e03',
        expiresAt: new Date('2026-12-27T12:00:00.000Z'),
      },
    });
    expect(active.revokedAt).toBeNull();

    const ids = async (
      state: 'active' | 'expired' | 'revoked' | 'all',
      entityRefs?: string[],
    ) =>
      (await store.exemptions.listExemptions({ state, now, entityRefs }))
        .map(e => e.id.slice(-2))
        .sort();
    expect(await ids('active')).toEqual(['01', '03']);
    expect(await ids('expired')).toEqual(['02']);
    expect(await ids('all', ['component:default/a'])).toEqual(['01', '02']);

    const revokedAt = new Date('2026-11-27T12:30:00.000Z');
    const revoked = await store.exemptions.revokeExemption({
      id: active.id,
      actor: 'user:default/bob',
      at: revokedAt,
      reason: 'fixed',
    });
    expect(revoked).toMatchObject({
      id: active.id,
      revokedAt,
      revokedBy: 'user:default/bob',
    });
    expect(await ids('revoked')).toEqual(['01']);
    expect(await ids('active')).toEqual(['03']);

    await expect(
      store.exemptions.revokeExemption({
        id: active.id,
        actor: 'user:default/bob',
        at: revokedAt,
        reason: null,
      }),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    await expect(
      store.exemptions.revokeExemption({
        id: '6f0a1c2e-8b1d-4c55-9a43-1f7b5f2b9eff',
        actor: 'user:default/bob',
        at: revokedAt,
        reason: null,
      }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });

    const audit = await store.exemptions.listExemptionAudit({
      entityRef: 'component:default/a',
      limit: 10,
      offset: 0,
    });
    expect(audit.total).toBe(3);
    expect(audit.items[0]).toMatchObject({
      exemptionId: active.id,
      action: 'revoked',
      actor: 'user:default/bob',
      at: revokedAt,
      details: { reason: 'fixed' },
    });
    expect(audit.items.map(i => i.action)).toEqual([
      'revoked',
      'created',
      'created',
    ]);
    expect(audit.items[2].details).toEqual({
      reason: 'migration in progress',
      expiresAt: '2026-12-27T12:00:00.000Z',
    });
    const all = await store.exemptions.listExemptionAudit({
      limit: 1,
      offset: 1,
    });
    expect(all.total).toBe(4);
    expect(all.items).toHaveLength(1);
  });
});
