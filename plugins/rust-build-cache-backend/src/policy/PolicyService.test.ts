import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { annotatedComponent } from '../__testUtils__/entities';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  BuildCacheReport,
  DEFAULT_POLICY,
  PolicyConfig,
  validateReport,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import {
  createTestStores,
  type TestStores,
  createTestDatabases,
} from '../__testUtils__/testDatabases';
import {
  ReportIngestionService,
  toNewRun,
} from '../reports/ReportIngestionService';
import { ownerRef } from '../catalog/annotatedEntities';
import { PolicyService } from './PolicyService';
import { csvField } from './scorecardCsv';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const fixturesDir = join(
  dirname(
    require.resolve(
      '@rust-build-cache/plugin-rust-build-cache-common/package.json',
    ),
  ),
  'src',
  'policy',
  '__fixtures__',
);

/** A real recorded report (see the common package's policy fixtures README). */
function realReport(name: string): BuildCacheReport {
  const validation = validateReport(
    JSON.parse(readFileSync(join(fixturesDir, `${name}.json`), 'utf8')),
  );
  if (!validation.ok) throw new Error(`${name} is not a valid report`);
  return validation.report;
}

const NOW = new Date('2026-11-27T18:00:00.000Z');

/** The real report as run `runId` of workspace `services/<name>`, `hoursAgo` before NOW. */
function run(
  recorded: string,
  name: string,
  runId: string,
  hoursAgo: number,
): BuildCacheReport {
  const report = realReport(recorded);
  return {
    ...report,
    source: {
      ...report.source,
      repository: { host: 'github.com', owner: 'acme', name: 'platform' },
      workspacePath: `services/${name}`,
      startedAt: null,
      finishedAt: new Date(NOW.getTime() - hoursAgo * 3_600_000).toISOString(),
      ci: { ...report.source.ci, runId, runAttempt: 1 },
    },
  };
}

function component(
  name: string,
  extra: Partial<Entity['metadata']> = {},
): Entity {
  return annotatedComponent({
    name,
    workspace: `services/${name}`,
    projectSlug: 'acme/platform',
    metadata: extra,
    spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
  });
}

describe.each(databases.eachSupportedId())('PolicyService (%s)', databaseId => {
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

  const service = (
    entities: Entity[],
    options: {
      policy?: PolicyConfig;
      enrolled?: string[];
    } = {},
  ) =>
    new PolicyService({
      policy: options.policy ?? DEFAULT_POLICY,
      source: 'default',
      inputs: store.policyInputs,
      results: store.policyResults,
      exemptions: store.exemptions,
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      now: () => NOW,
      prewarmEnrollment: options.enrolled
        ? { enrolledEntityRefs: async () => new Set(options.enrolled) }
        : undefined,
    });

  const store_ = (reports: BuildCacheReport[]) =>
    runs.reports.insertRuns({ runs: reports.map(r => toNewRun(r, NOW)) });

  it('evaluates every annotated entity from its real reports in one pass', async () => {
    await store_([
      ...[1, 2, 3].map(i => run('billing-api-warm', 'billing', `b${i}`, i)),
      ...[1, 2, 3].map(i => run('ledger-worker-warm', 'ledger', `l${i}`, i)),
      run('rate-limiter-rustflags-changed', 'limiter', 'r1', 1),
      run('rate-limiter-warm', 'limiter', 'r2', 2),
      run('rate-limiter-warm', 'limiter', 'r3', 3),
    ]);
    const unannotated: Entity = {
      ...component('frontend'),
      metadata: { name: 'frontend' },
    };
    const policy = service([
      component('billing'),
      component('ledger'),
      component('limiter'),
      unannotated,
    ]);
    expect(await policy.evaluateAll()).toEqual({ evaluated: 3, removed: 0 });

    const outcomes = async (name: string) => {
      const card = await policy.getEntityScorecard(`component:default/${name}`);
      return Object.fromEntries(card!.results.map(r => [r.ruleId, r.result]));
    };
    // billing: compliant setup, but no toolchain file.
    expect(await outcomes('billing')).toMatchObject({
      'cargo-incremental-off': 'pass',
      'rustc-wrapper-sccache': 'pass',
      'toolchain-pinned-exact': 'fail',
      'reports-fresh': 'pass',
      'prewarm-enrolled': 'not-applicable',
    });
    expect(await outcomes('ledger')).toMatchObject({
      'cargo-incremental-off': 'fail',
    });
    const limiter = await policy.getEntityScorecard(
      'component:default/limiter',
    );
    const rustflags = limiter!.results.find(
      r => r.ruleId === 'rustflags-stable',
    )!;
    expect(rustflags).toMatchObject({
      result: 'warn',
      evidence: {
        numbers: { runs: 3, distinctRustflags: 2 },
        runIds: ['r2', 'r3'],
      },
    });
    expect(limiter!.owner).toBe('group:default/payments');
    expect(
      await policy.getEntityScorecard('component:default/frontend'),
    ).toBeNull();

    const summary = await policy.getSummary();
    expect(summary.entities).toBe(3);
    expect(summary.evaluatedAt).toBe(NOW.toISOString());
    expect(
      summary.rules.find(r => r.ruleId === 'cargo-incremental-off'),
    ).toMatchObject({ passed: 2, failed: 1 });

    // The next full evaluation without billing in the catalog drops its result.
    expect(
      await service([component('ledger'), component('limiter')]).evaluateAll(),
    ).toEqual({ evaluated: 2, removed: 1 });
    expect(
      await policy.getEntityScorecard('component:default/billing'),
    ).toBeNull();
    // The cached summary follows the change.
    expect((await policy.getSummary()).entities).toBe(2);
  });

  it('prefers the repository snapshot, and reads pre-warm enrolment when it exists', async () => {
    await store_(
      [1, 2, 3].map(i => run('billing-api-warm', 'billing', `b${i}`, i)),
    );
    const source = {
      repository: 'github.com/acme/platform',
      workspacePath: 'services/billing',
    };
    await runs.snapshots.saveRepositorySnapshot({
      source,
      snapshot: {
        ...source,
        readAt: NOW.toISOString(),
        toolchainFile: {
          file: 'rust-toolchain.toml',
          channel: '1.95.0',
          path: null,
          components: [],
          targets: [],
          profile: null,
        },
        dependencies: null,
        cargoLockCommitted: false,
        profiles: {},
        workflows: null,
        problems: [],
      },
      changes: [],
    });
    const policy = service([component('billing')], {
      enrolled: ['component:default/billing'],
    });
    const card = await policy.evaluateEntity('Component:default/Billing');
    const result = (id: string) => card!.results.find(r => r.ruleId === id)!;
    expect(result('toolchain-pinned-exact').result).toBe('pass');
    expect(result('cargo-lock-committed').result).toBe('fail');
    expect(result('prewarm-enrolled').result).toBe('pass');
    expect(card!.level).toBeNull();

    const prewarm = async (policyService: PolicyService) =>
      (await policyService.evaluateEntity(
        'component:default/billing',
      ))!.results.find(r => r.ruleId === 'prewarm-enrolled')!.result;
    // Without pre-warming the rule cannot be checked; with it (nothing enrolled), it can.
    expect(await prewarm(service([component('billing')]))).toBe(
      'not-applicable',
    );
    expect(
      await prewarm(service([component('billing')], { enrolled: [] })),
    ).toBe('warn');
  });

  it('evaluates the linked entities in the background after each stored report, and a failing evaluation never fails the ingest', async () => {
    await runs.entityLinks.replaceEntityLinks({
      links: [
        {
          entityRef: 'component:default/ledger',
          source: {
            repository: 'github.com/acme/platform',
            workspacePath: 'services/ledger',
          },
        },
      ],
    });
    const policy = service([component('ledger')]);
    const ingestion = new ReportIngestionService(runs.reports, {
      entityLinks: runs.entityLinks,
      onStored: ({ source }) => policy.onSourceChanged(source),
    });
    await ingestion.ingest(run('ledger-worker-warm', 'ledger', 'l1', 1));
    await policy.whenIdle();
    const card = await policy.getEntityScorecard('component:default/ledger');
    expect(
      card!.results.find(r => r.ruleId === 'cargo-incremental-off')!.result,
    ).toBe('fail');

    const logger = mockServices.logger.mock();
    const failing = new ReportIngestionService(runs.reports, {
      entityLinks: runs.entityLinks,
      onStored: async () => {
        throw new Error('database gone');
      },
      logger,
    });
    await expect(
      failing.ingest(run('ledger-worker-warm', 'ledger', 'l2', 0)),
    ).resolves.toMatchObject({ created: true });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('database gone'),
    );

    // An evaluation that throws is logged by the queue, not thrown.
    const broken = new PolicyService({
      policy: DEFAULT_POLICY,
      source: 'default',
      inputs: store.policyInputs,
      results: store.policyResults,
      exemptions: store.exemptions,
      catalog: {
        ...catalogServiceMock({ entities: [] }),
        getEntityByRef: async () => {
          throw new Error('catalog down');
        },
      } as any,
      auth: mockServices.auth(),
      logger,
    });
    await broken.onSourceChanged({
      repository: 'github.com/acme/platform',
      workspacePath: 'services/ledger',
    });
    await broken.whenIdle();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('catalog down'),
    );
  });

  it('builds the trend from daily snapshots, one point per day with data', async () => {
    await store_([run('billing-api-warm', 'billing', 'b1', 1)]);
    const policy = service([component('billing')]);
    await policy.evaluateAll();
    // A snapshot of 3 days ago, written as the evaluation then would have.
    const card = await policy.evaluateEntity('component:default/billing');
    await store.policyResults.saveEvaluations({
      day: '2026-11-24',
      results: [
        {
          entityRef: 'component:default/billing',
          owner: null,
          level: 'gold',
          nextLevel: null,
          counts: { ...card!.counts, failed: 0 },
          results: [],
          evaluatedAt: new Date('2026-11-24T02:00:00Z'),
        },
      ],
    });
    // saveEvaluations also replaced the current result: evaluate again.
    await policy.evaluateEntity('component:default/billing');
    const trend = await policy.getTrend(90);
    expect(trend.points.map(p => [p.day, p.entities, p.compliant])).toEqual([
      ['2026-11-24', 1, 1],
      ['2026-11-27', 1, card!.counts.failed === 0 ? 1 : 0],
    ]);
    expect(trend.points[0].levels.map(l => [l.levelId, l.entities])).toEqual([
      ['bronze', 1],
      ['silver', 1],
      ['gold', 1],
    ]);
    expect((await policy.getTrend(2)).points.map(p => p.day)).toEqual([
      '2026-11-27',
    ]);
  });
});

describe('helpers', () => {
  it('quotes CSV fields that need it', () => {
    expect(csvField('component:default/a')).toBe('component:default/a');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('reads the owner from the relation, else from spec.owner', () => {
    const entity = component('x');
    expect(ownerRef(entity)).toBe('group:default/payments');
    expect(
      ownerRef({
        ...entity,
        relations: [{ type: 'ownedBy', targetRef: 'group:ops/Platform' }],
      }),
    ).toBe('group:ops/platform');
    expect(ownerRef({ ...entity, spec: {} })).toBeUndefined();
  });
});
