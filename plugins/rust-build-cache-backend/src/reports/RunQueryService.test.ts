import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { annotatedComponent } from '../__testUtils__/entities';
import { NotFoundError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  combineRunMetrics,
  RUN_METRICS_VERSION,
  RunMetrics,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import {
  makeReport,
  readSccacheFixture,
  SCCACHE_FIXTURES,
} from '../__testUtils__/reports';
import {
  createTestStores,
  type TestStores,
  createTestDatabases,
} from '../__testUtils__/testDatabases';
import { utcDay } from '../lib/utcDays';
import { EntityLinkService } from '../catalog/EntityLinkService';
import { toNewRun } from './ReportIngestionService';
import { RunQueryService } from './RunQueryService';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const repository = { host: 'github.com', owner: 'acme', name: 'platform' };
const billing = { kind: 'component', namespace: 'default', name: 'billing' };
const credentials = mockCredentials.user();

function annotatedEntity(name: string, workspace: string): Entity {
  return annotatedComponent({ name, workspace, projectSlug: 'acme/platform' });
}

describe.each(databases.eachSupportedId())(
  'RunQueryService (%s)',
  databaseId => {
    let knex: Knex;
    let store: TestStores;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      store = await createTestStores(knex);
    });

    afterEach(async () => {
      await knex.destroy();
    });

    function createServices(entities: Entity[]) {
      const entityLinks = new EntityLinkService({
        store: store.entityLinks,
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
      });
      return {
        entityLinks,
        runs: new RunQueryService({ store: store.reports, entityLinks }),
      };
    }

    it('gives each day the numbers combineRunMetrics gives for the runs of that day', async () => {
      const { entityLinks, runs } = createServices([
        annotatedEntity('billing', 'services/billing'),
      ]);
      await entityLinks.refreshLinks();
      const now = new Date('2026-11-27T12:00:00Z');
      const metricsByDay = new Map<string, RunMetrics[]>();
      // The real sccache outputs, cold and warm, spread irregularly over about 8 days.
      for (let i = 0; i < 40; i++) {
        const finishedAt = new Date(
          now.getTime() - ((i * 7919) % 8640) * 78_000,
        );
        const report = makeReport({
          repository,
          workspacePath: 'services/billing',
          runId: `run-${i}`,
          finishedAt: finishedAt.toISOString(),
          sccache: readSccacheFixture(
            SCCACHE_FIXTURES[(i * 3) % SCCACHE_FIXTURES.length],
          ),
        });
        const run = toNewRun(report, now);
        // One at a time, as CI posts them, so the database adds them up.
        await store.reports.insertRuns({ runs: [run] });
        const day = utcDay(finishedAt);
        metricsByDay.set(day, [...(metricsByDay.get(day) ?? []), run.metrics!]);
      }

      const series = await runs.getTimeSeries({
        entity: billing,
        credentials,
        days: 365,
        now,
      });

      const expected = [...metricsByDay.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([day, metrics]) => ({
          day,
          ...combineRunMetrics(metrics),
          languagesMixed: false,
        }));
      expect(expected.length).toBeGreaterThan(5);
      expect(series.points).toEqual(expected);
      // The constructed Rust + C/C++ and C/C++-only fixtures give C/C++ days of its own.
      expect(
        series.points.some(point =>
          point.otherLanguages.some(l => l.language === 'C/C++'),
        ),
      ).toBe(true);
      expect(series).toMatchObject({
        entityRef: 'component:default/billing',
        from: '2025-11-28',
        to: '2026-11-27',
      });
    });

    it("serves a Rust + C/C++ run with Rust's and C/C++'s own rates, also for runs stored earlier", async () => {
      const { entityLinks, runs } = createServices([
        annotatedEntity('billing', 'services/billing'),
      ]);
      await entityLinks.refreshLinks();
      const run = toNewRun(
        makeReport({
          repository,
          workspacePath: 'services/billing',
          runId: 'mixed',
          sccache: readSccacheFixture('sccache-0.8.2-constructed-rust-and-c'),
        }),
        new Date(),
      );
      // As an older backend stored it: metrics summed over every language, and no
      // metrics version (the column came later).
      await store.reports.insertRuns({
        runs: [{ ...run, metrics: { ...run.metrics!, hitRate: 14 / 34 } }],
      });
      await knex('reports').update({ metrics_version: null });

      const latest = await runs.getLatestRun({ entity: billing, credentials });
      const page = await runs.listRuns({
        entity: billing,
        credentials,
        limit: 10,
        offset: 0,
      });
      for (const metrics of [latest!.metrics!, page.items[0].metrics!]) {
        expect(metrics.hitRate).toBe(12 / 18);
        expect(metrics.languages.map(l => [l.language, l.hitRate])).toEqual([
          ['Rust', 12 / 18],
          ['C/C++', 2 / 16],
        ]);
      }
    });

    it('pages serve the metrics stored with the current version, and compute those of other versions from the report', async () => {
      const { entityLinks, runs } = createServices([
        annotatedEntity('billing', 'services/billing'),
      ]);
      await entityLinks.refreshLinks();
      const [current, older] = ['current', 'older'].map(runId =>
        toNewRun(
          makeReport({
            repository,
            workspacePath: 'services/billing',
            runId,
            sccache: readSccacheFixture('sccache-0.8.2-constructed-rust-and-c'),
          }),
          new Date(),
        ),
      );
      // Stored metrics that differ from what the report gives: which one a page serves
      // shows whether it read the report.
      const marked = { ...current.metrics!, hitRate: 0.5 };
      await store.reports.insertRuns({
        runs: [
          { ...current, metrics: marked },
          { ...older, metrics: marked },
        ],
      });
      await knex('reports')
        .where('run_id', 'older')
        .update({ metrics_version: RUN_METRICS_VERSION - 1 });

      const page = await runs.listRuns({
        entity: billing,
        credentials,
        limit: 10,
        offset: 0,
      });
      const hitRates = Object.fromEntries(
        page.items.map(item => [item.runId, item.metrics!.hitRate]),
      );
      expect(hitRates).toEqual({ current: 0.5, older: 12 / 18 });
      expect(page.items.find(i => i.runId === 'current')!.metrics).toEqual(
        marked,
      );
    });

    it('only counts days inside the requested window', async () => {
      const { entityLinks, runs } = createServices([
        annotatedEntity('billing', 'services/billing'),
      ]);
      await entityLinks.refreshLinks();
      const days = ['2026-11-20', '2026-11-21', '2026-11-27'];
      await store.reports.insertRuns({
        runs: days.map((day, i) =>
          toNewRun(
            makeReport({
              repository,
              workspacePath: 'services/billing',
              runId: `${i}`,
              finishedAt: `${day}T10:00:00Z`,
            }),
            new Date(),
          ),
        ),
      });

      const series = await runs.getTimeSeries({
        entity: billing,
        credentials,
        days: 7,
        now: new Date('2026-11-27T23:59:59Z'),
      });
      expect(series.from).toBe('2026-11-21');
      expect(series.points.map(p => p.day)).toEqual([
        '2026-11-21',
        '2026-11-27',
      ]);
    });

    it('relinks before listing unmatched sources when the links are stale', async () => {
      const report = makeReport({
        repository,
        workspacePath: 'services/billing',
        runId: 'before-entity',
      });
      await store.reports.insertRuns({ runs: [toNewRun(report, new Date())] });

      // This instance never refreshed: listing reads the catalog first.
      const services = createServices([
        annotatedEntity('billing', 'services/billing'),
      ]);
      expect(await services.runs.listUnmatchedSources()).toEqual({ items: [] });

      // Fresh links are not reread: a source whose entity left the catalog since shows
      // only after the next refresh.
      await store.entityLinks.replaceEntityLinks({ links: [] });
      expect((await services.runs.listUnmatchedSources()).items).toHaveLength(
        1,
      );
    });

    it('links reports that arrived before their entity once the catalog has it', async () => {
      const report = makeReport({
        repository: { ...repository, owner: 'ACME' },
        workspacePath: './services/billing/',
        runId: 'early',
      });
      await store.reports.insertRuns({ runs: [toNewRun(report, new Date())] });
      expect(await store.reports.listUnmatchedSources()).toHaveLength(1);

      const before = createServices([]);
      await before.entityLinks.refreshLinks();
      await expect(
        before.runs.getLatestRun({ entity: billing, credentials }),
      ).rejects.toThrow(NotFoundError);

      const after = createServices([
        annotatedEntity('billing', 'services/billing'),
      ]);
      await after.entityLinks.refreshLinks();
      expect(await store.reports.listUnmatchedSources()).toEqual([]);
      expect(
        await after.runs.getLatestRun({ entity: billing, credentials }),
      ).toMatchObject({
        runId: 'early',
        entityRef: 'component:default/billing',
      });
    });

    it('links an entity registered since the last refresh on first use', async () => {
      await store.reports.insertRuns({
        runs: [
          toNewRun(
            makeReport({
              repository,
              workspacePath: 'services/billing',
              runId: 'r',
            }),
            new Date(),
          ),
        ],
      });
      const { runs } = createServices([
        annotatedEntity('billing', 'services/billing'),
      ]);

      expect(
        await store.entityLinks.getEntityLink({
          entityRef: 'component:default/billing',
        }),
      ).toBeUndefined();
      const page = await runs.listRuns({
        entity: billing,
        credentials,
        limit: 20,
        offset: 0,
      });
      expect(page.total).toBe(1);
      expect(
        await store.entityLinks.getEntityLink({
          entityRef: 'component:default/billing',
        }),
      ).toBeDefined();
    });

    it('drops links of entities that left the catalog or lost their annotation', async () => {
      const first = createServices([
        annotatedEntity('billing', 'services/billing'),
        annotatedEntity('ledger', 'services/ledger'),
      ]);
      expect(await first.entityLinks.refreshLinks()).toEqual({
        linked: 2,
        withoutRepository: 0,
      });

      const unannotatedLedger: Entity = {
        ...annotatedEntity('ledger', 'x'),
        metadata: {
          name: 'ledger',
          annotations: { 'rust-build-cache/workspace': 'services/ledger' },
        },
      };
      const second = createServices([unannotatedLedger]);
      expect(await second.entityLinks.refreshLinks()).toEqual({
        linked: 0,
        withoutRepository: 1,
      });
      expect(
        await store.entityLinks.getEntityLink({
          entityRef: 'component:default/billing',
        }),
      ).toBeUndefined();
      expect(
        await store.entityLinks.getEntityLink({
          entityRef: 'component:default/ledger',
        }),
      ).toBeUndefined();
    });
  },
);
