import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  BuildCacheReport,
  DEFAULT_POLICY,
  validateReport,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import { annotatedComponent } from '../__testUtils__/entities';
import {
  createTestStores,
  type TestStores,
  createTestDatabases,
} from '../__testUtils__/testDatabases';
import { ReportIngestionService } from '../reports/ReportIngestionService';
import { PolicyService } from './PolicyService';

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

const RECORDED = ['billing-api-warm', 'rate-limiter-rustflags-changed'].map(
  name => {
    const validation = validateReport(
      JSON.parse(readFileSync(join(fixturesDir, `${name}.json`), 'utf8')),
    );
    if (!validation.ok) throw new Error(`${name} is not a valid report`);
    return validation.report;
  },
);

const NOW = new Date('2026-11-27T18:00:00.000Z');
const NAMES = ['billing', 'ledger', 'limiter', 'search', 'gateway', 'auth'];

/** Run `n` of workspace `services/<name>`: alternating recorded reports, `n` minutes old. */
function report(name: string, n: number): BuildCacheReport {
  const recorded = RECORDED[n % 2];
  return {
    ...recorded,
    source: {
      ...recorded.source,
      repository: { host: 'github.com', owner: 'acme', name: 'platform' },
      workspacePath: `services/${name}`,
      startedAt: null,
      finishedAt: new Date(NOW.getTime() - (100 - n) * 60_000).toISOString(),
      ci: { ...recorded.source.ci, runId: `${name}-${n}`, runAttempt: 1 },
    },
  };
}

describe.each(databases.eachSupportedId())(
  'coalesced policy evaluation after ingestion (%s)',
  databaseId => {
    let knex: Knex;
    let runs: TestStores;
    let store: TestStores;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      runs = await createTestStores(knex);
      store = runs;
      await runs.entityLinks.replaceEntityLinks({
        links: NAMES.map(name => ({
          entityRef: `component:default/${name}`,
          source: {
            repository: 'github.com/acme/platform',
            workspacePath: `services/${name}`,
          },
        })),
      });
    });

    afterEach(async () => {
      await knex.destroy();
    });

    it('leaves every affected entity up to date after a burst, in far fewer evaluations than reports', async () => {
      const policy = new PolicyService({
        policy: DEFAULT_POLICY,
        source: 'default',
        inputs: store.policyInputs,
        results: store.policyResults,
        exemptions: store.exemptions,
        catalog: catalogServiceMock({
          entities: NAMES.map(name =>
            annotatedComponent({
              name,
              workspace: `services/${name}`,
              projectSlug: 'acme/platform',
              spec: { type: 'service', owner: 'payments' },
            }),
          ),
        }),
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        now: () => NOW,
      });
      const ingestion = new ReportIngestionService(runs.reports, {
        entityLinks: runs.entityLinks,
        onStoredBatch: async stored =>
          policy.requestEvaluation(stored.flatMap(s => s.entityRefs)),
      });
      const refs = NAMES.map(name => `component:default/${name}`);

      // Before: one report each, evaluated.
      for (const name of NAMES) await ingestion.ingest(report(name, 0));
      await policy.whenIdle();
      const before = await Promise.all(
        refs.map(ref => policy.getEntityScorecard(ref)),
      );
      expect(before.every(card => card !== null)).toBe(true);

      // A burst: 10 reports per entity, all at once, interleaved across entities.
      const reads = jest.spyOn(store.policyInputs, 'listRecentReports');
      const burst = [];
      for (let n = 1; n <= 10; n++) {
        for (const name of NAMES) burst.push(report(name, n));
      }
      const answers = await Promise.all(burst.map(r => ingestion.ingest(r)));
      expect(answers.every(a => a.created)).toBe(true);
      expect(
        refs.map(ref => policy.pendingSince(ref)).some(since => since),
      ).toBe(true);
      await policy.whenIdle();
      expect(refs.map(ref => policy.pendingSince(ref))).toEqual(
        refs.map(() => null),
      );

      // Coalesced: a few batch reads, not one per report.
      expect(reads.mock.calls.length).toBeGreaterThan(0);
      expect(reads.mock.calls.length).toBeLessThanOrEqual(5);

      for (const [index, ref] of refs.entries()) {
        const stored = await policy.getEntityScorecard(ref);
        // The stored result is what evaluating the entity now gives...
        const fresh = await policy.evaluateEntity(ref);
        expect(stored).toEqual(fresh);
        // ...and it saw the burst: the newest run is the burst's last one.
        const hitRate = stored!.results.find(
          r => r.ruleId === 'effective-hit-rate',
        )!;
        expect(hitRate.evidence.runIds).toContain(`${NAMES[index]}-10`);
        expect(stored).not.toEqual(before[index]);
      }
    });

    it('answers each request of one batch on its own: one 201 per job run, 200 for its repeats', async () => {
      const ingestion = new ReportIngestionService(runs.reports, {
        entityLinks: runs.entityLinks,
      });
      const body = report('billing', 1);
      const answers = await Promise.all([
        ingestion.ingest(body),
        ingestion.ingest(report('ledger', 1)),
        ingestion.ingest(body),
        ingestion.ingest(body),
      ]);
      expect(answers.map(a => a.created)).toEqual([true, true, false, false]);
      expect(new Set([answers[0].id, answers[2].id, answers[3].id]).size).toBe(
        1,
      );
      expect(answers[1].id).not.toBe(answers[0].id);
      expect(answers[0]).toMatchObject({
        entityRef: 'component:default/billing',
        entityStatus: 'linked',
      });
      // A repeat in a later batch: 200 as well.
      expect(await ingestion.ingest(body)).toMatchObject({
        id: answers[0].id,
        created: false,
      });
    });
  },
);
