import { RunMetrics } from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import {
  createTestStores,
  type TestStores,
  createTestDatabases,
} from '../__testUtils__/testDatabases';
import {
  makeReport,
  readSccacheFixture,
  ReportOverrides,
} from '../__testUtils__/reports';
import { toNewRun } from './ReportIngestionService';
import { ReportSourceKey } from '@rust-build-cache/plugin-rust-build-cache-common';
import { NewRun } from './ReportStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const billing: ReportSourceKey = {
  repository: 'github.com/acme/platform',
  workspacePath: 'services/billing',
};
const billingRepository = {
  host: 'github.com',
  owner: 'acme',
  name: 'platform',
};

function billingRun(
  overrides: ReportOverrides = {},
  receivedAt = new Date(),
): NewRun {
  return toNewRun(
    makeReport({
      repository: billingRepository,
      workspacePath: billing.workspacePath,
      ...overrides,
    }),
    receivedAt,
  );
}

describe.each(databases.eachSupportedId())(
  'report and entity-link stores (%s)',
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

    const countReports = async () =>
      Number((await knex('reports').count({ n: '*' }))[0].n);

    describe('insertRuns', () => {
      it('stores a run and reads it back unchanged', async () => {
        const run = billingRun({ finishedAt: '2026-11-20T10:15:30.250+02:00' });
        const [inserted] = await store.reports.insertRuns({ runs: [run] });

        expect(inserted.created).toBe(true);
        const stored = await store.reports.getRun({ id: inserted.id });
        expect(stored).toEqual({
          id: inserted.id,
          kind: run.report.kind,
          repository: billing.repository,
          workspacePath: billing.workspacePath,
          branch: run.report.source.branch,
          commit: run.report.source.commit,
          provider: run.report.source.ci.provider,
          runId: run.report.source.ci.runId,
          runAttempt: run.report.source.ci.runAttempt,
          job: run.report.source.ci.job,
          url: run.report.source.ci.url,
          startedAt: null,
          // Stored as an instant: the offset becomes UTC.
          finishedAt: '2026-11-20T08:15:30.250Z',
          receivedAt: run.receivedAt.toISOString(),
          sccacheVersion: run.report.sccache?.version ?? null,
          cacheBackend: run.report.sccache?.cache.backend ?? null,
          rustcRelease: run.report.toolchain.rustc?.release ?? null,
          metrics: run.metrics,
          report: run.report,
        });
      });

      it('returns the stored run for a key it already has, and does not count it twice', async () => {
        const run = billingRun({ finishedAt: '2026-11-20T10:00:00Z' });
        const [first] = await store.reports.insertRuns({ runs: [run] });
        const [second] = await store.reports.insertRuns({
          runs: [{ ...run, receivedAt: new Date() }],
        });

        expect(second).toEqual({ id: first.id, created: false });
        expect(await countReports()).toBe(1);
        const [rollup] = await store.reports.getDailyRollups({
          source: billing,
          fromDay: '2026-11-20',
          toDay: '2026-11-20',
        });
        expect(rollup.runs).toBe(1);
      });

      it('stores a key repeated within one batch once', async () => {
        const run = billingRun({ finishedAt: '2026-11-20T10:00:00Z' });
        const results = await store.reports.insertRuns({
          runs: [
            run,
            run,
            billingRun({ runId: 'other', finishedAt: '2026-11-20T11:00:00Z' }),
          ],
        });

        expect(results[0].id).toBe(results[1].id);
        expect(results.map(r => r.created)).toEqual([true, true, true]);
        expect(await countReports()).toBe(2);
        const [rollup] = await store.reports.getDailyRollups({
          source: billing,
          fromDay: '2026-11-20',
          toDay: '2026-11-20',
        });
        expect(rollup.runs).toBe(2);
      });

      it('keeps one row when the same run is inserted concurrently', async () => {
        const run = billingRun({ finishedAt: '2026-11-20T10:00:00Z' });
        const results = await Promise.all(
          Array.from({ length: 8 }, () =>
            store.reports.insertRuns({ runs: [run] }),
          ),
        );

        const ids = new Set(results.map(([r]) => r.id));
        expect(ids.size).toBe(1);
        expect(results.filter(([r]) => r.created)).toHaveLength(1);
        expect(await countReports()).toBe(1);
        const [rollup] = await store.reports.getDailyRollups({
          source: billing,
          fromDay: '2026-11-20',
          toDay: '2026-11-20',
        });
        expect(rollup.runs).toBe(1);
      });

      it('writes nothing when any run of the batch fails', async () => {
        const good = billingRun({ finishedAt: '2026-11-20T10:00:00Z' });
        // More runs than one INSERT takes, and the broken one sorts last, so the first
        // statement succeeds before the failure.
        const goodRuns = Array.from({ length: 600 }, (_, i) => ({
          ...good,
          idempotencyKey: `key-${i}`,
        }));
        // A NOT NULL column left empty: both databases refuse the row.
        const broken: NewRun = {
          ...good,
          idempotencyKey: 'zz-broken',
          source: { ...good.source, repository: null as unknown as string },
        };

        // Not toThrow(): better-sqlite3's errors come from another realm than jest's Error.
        await expect(
          store.reports.insertRuns({ runs: [...goodRuns, broken] }),
        ).rejects.toHaveProperty('message', expect.stringMatching(/null/i));
        expect(await countReports()).toBe(0);
        expect(
          await store.reports.getDailyRollups({
            source: billing,
            fromDay: '2026-11-20',
            toDay: '2026-11-20',
          }),
        ).toEqual([]);
      });
    });

    describe('reading runs', () => {
      it('returns the latest run of a source, optionally of one kind', async () => {
        await store.reports.insertRuns({
          runs: [
            billingRun({ runId: 'old', finishedAt: '2026-11-01T10:00:00Z' }),
            billingRun({ runId: 'new', finishedAt: '2026-11-02T10:00:00Z' }),
            billingRun({
              runId: 'warm',
              kind: 'prewarm',
              finishedAt: '2026-11-03T10:00:00Z',
            }),
            toNewRun(
              makeReport({
                runId: 'elsewhere',
                finishedAt: '2026-11-04T10:00:00Z',
                repository: {
                  host: 'github.com',
                  owner: 'acme',
                  name: 'other',
                },
              }),
              new Date(),
            ),
          ],
        });

        expect(
          (await store.reports.getLatestRun({ source: billing }))?.runId,
        ).toBe('warm');
        expect(
          (await store.reports.getLatestRun({ source: billing, kind: 'ci' }))
            ?.runId,
        ).toBe('new');
        expect(
          await store.reports.getLatestRun({
            source: { ...billing, workspacePath: 'nope' },
          }),
        ).toBeUndefined();
      });

      it('lists runs newest first, a page at a time, with the total', async () => {
        await store.reports.insertRuns({
          runs: [1, 2, 3, 4, 5].map(day =>
            billingRun({
              runId: `run-${day}`,
              kind: day === 3 ? 'prewarm' : 'ci',
              finishedAt: `2026-11-0${day}T10:00:00Z`,
            }),
          ),
        });

        const firstPage = await store.reports.listRuns({
          source: billing,
          limit: 2,
          offset: 0,
        });
        expect(firstPage.total).toBe(5);
        expect(firstPage.items.map(r => r.runId)).toEqual(['run-5', 'run-4']);
        expect(firstPage.items[0]).not.toHaveProperty('report');

        const secondPage = await store.reports.listRuns({
          source: billing,
          limit: 2,
          offset: 2,
        });
        expect(secondPage.items.map(r => r.runId)).toEqual(['run-3', 'run-2']);

        const ciOnly = await store.reports.listRuns({
          source: billing,
          kind: 'ci',
          limit: 10,
          offset: 0,
        });
        expect(ciOnly.total).toBe(4);
        expect(ciOnly.items.map(r => r.runId)).toEqual([
          'run-5',
          'run-4',
          'run-2',
          'run-1',
        ]);
      });

      it('returns undefined for an unknown id', async () => {
        expect(
          await store.reports.getRun({
            id: '7d3c7b3e-2f7e-4a43-9b4e-6c1f4f1f2a10',
          }),
        ).toBeUndefined();
      });
    });

    describe('daily rollups', () => {
      it('sums the metrics of CI runs per UTC day, leaving out pre-warm runs and runs without sccache', async () => {
        const runs = [
          // 01:30 UTC on the 11th.
          billingRun({
            runId: 'a',
            finishedAt: '2026-11-10T23:30:00-02:00',
            sccache: readSccacheFixture('sccache-0.4.0-dbg-1'),
          }),
          billingRun({
            runId: 'b',
            finishedAt: '2026-11-11T08:00:00Z',
            sccache: readSccacheFixture('sccache-0.4.0-serde-dbg-1'),
          }),
          billingRun({
            runId: 'c',
            finishedAt: '2026-11-11T09:00:00Z',
            kind: 'prewarm',
            sccache: readSccacheFixture('sccache-0.4.0-serde-dbg-2'),
          }),
          billingRun({
            runId: 'd',
            finishedAt: '2026-11-11T10:00:00Z',
            sccache: null,
          }),
          billingRun({
            runId: 'e',
            finishedAt: '2026-11-12T10:00:00Z',
            sccache: readSccacheFixture('sccache-0.4.0-dbg-2'),
          }),
        ];
        // One at a time, as CI posts them: the sums build up across transactions.
        for (const run of runs) {
          await store.reports.insertRuns({ runs: [run] });
        }

        const rollups = await store.reports.getDailyRollups({
          source: billing,
          fromDay: '2026-11-11',
          toDay: '2026-11-12',
        });

        const sums = (...indexes: number[]) => {
          const metrics = indexes.map(index => runs[index].metrics!);
          const sum = (pick: (m: RunMetrics) => number) =>
            metrics.reduce((total, m) => total + pick(m), 0);
          return {
            runs: metrics.length,
            requests: sum(m => m.requests),
            hits: sum(m => m.hits),
            misses: sum(m => m.misses),
            errors: sum(m => m.errors),
            avoidableNotCached: sum(m => m.avoidableNotCached),
            compileSeconds: sum(m => m.compileSeconds),
            cacheWriteErrors: sum(m => m.failures.writeErrors),
            // Rust only: the other languages have their own rows.
            otherLanguages: [],
            languagesMixed: false,
          };
        };
        expect(rollups).toEqual([
          { day: '2026-11-11', ...sums(0, 1) },
          { day: '2026-11-12', ...sums(4) },
        ]);
        // The fixtures give the sums something to add: misses, seconds, avoidable requests.
        expect(rollups[0]).toMatchObject({ misses: 10, avoidableNotCached: 1 });
        expect(rollups[0].compileSeconds).toBeGreaterThan(10);
      });
    });

    describe('entity links and unmatched sources', () => {
      it('lists sources without a link until one is made', async () => {
        const other = { host: 'GitHub.com', owner: 'Acme', name: 'Other' };
        await store.reports.insertRuns({
          runs: [
            billingRun({ runId: '1', finishedAt: '2026-11-01T10:00:00Z' }),
            billingRun({ runId: '2', finishedAt: '2026-11-05T10:00:00Z' }),
            toNewRun(
              makeReport({
                runId: '3',
                repository: other,
                workspacePath: '.',
                finishedAt: '2026-11-03T10:00:00Z',
              }),
              new Date(),
            ),
          ],
        });

        expect(await store.reports.listUnmatchedSources()).toEqual([
          {
            ...billing,
            reports: 2,
            lastFinishedAt: '2026-11-05T10:00:00.000Z',
          },
          {
            repository: 'github.com/acme/other',
            workspacePath: '.',
            reports: 1,
            lastFinishedAt: '2026-11-03T10:00:00.000Z',
          },
        ]);

        await store.entityLinks.replaceEntityLinks({
          links: [{ entityRef: 'component:default/billing', source: billing }],
        });
        expect(
          (await store.reports.listUnmatchedSources()).map(s => s.repository),
        ).toEqual(['github.com/acme/other']);
      });

      it('replaces all links at once, and upserts single ones', async () => {
        await store.entityLinks.replaceEntityLinks({
          links: [
            { entityRef: 'component:default/billing', source: billing },
            {
              entityRef: 'component:default/stale',
              source: {
                repository: 'github.com/acme/stale',
                workspacePath: '.',
              },
            },
          ],
        });
        const second = await store.entityLinks.replaceEntityLinks({
          links: [
            { entityRef: 'component:default/billing', source: billing },
            { entityRef: 'system:default/billing', source: billing },
            {
              entityRef: 'component:default/moved',
              source: {
                repository: 'github.com/acme/moved',
                workspacePath: '.',
              },
            },
          ],
        });
        // Only the new links are news: they get evaluated at once.
        expect(second.changed.sort()).toEqual([
          'component:default/moved',
          'system:default/billing',
        ]);

        expect(
          await store.entityLinks.getEntityLink({
            entityRef: 'component:default/stale',
          }),
        ).toBeUndefined();
        expect(
          await store.entityLinks.getEntityLink({
            entityRef: 'system:default/billing',
          }),
        ).toEqual({
          entityRef: 'system:default/billing',
          source: billing,
        });
        expect(
          await store.entityLinks.getLinkedEntityRef({ source: billing }),
        ).toBe('component:default/billing');

        const moved = {
          repository: 'github.com/acme/billing',
          workspacePath: '.',
        };
        await store.entityLinks.upsertEntityLink({
          link: { entityRef: 'component:default/billing', source: moved },
        });
        expect(
          (
            await store.entityLinks.getEntityLink({
              entityRef: 'component:default/billing',
            })
          )?.source,
        ).toEqual(moved);
        expect(
          await store.entityLinks.getLinkedEntityRef({ source: billing }),
        ).toBe('system:default/billing');
        expect(
          await store.entityLinks.getLinkedEntityRef({
            source: { repository: 'x/y/z', workspacePath: '.' },
          }),
        ).toBeUndefined();
      });
    });

    describe('retention', () => {
      it('deletes runs finished before a time and keeps their rollups', async () => {
        await store.reports.insertRuns({
          runs: [
            billingRun({ runId: 'old', finishedAt: '2026-08-01T10:00:00Z' }),
            billingRun({ runId: 'new', finishedAt: '2026-11-01T10:00:00Z' }),
          ],
        });

        expect(
          await store.reports.deleteRunsFinishedBefore({
            before: new Date('2026-09-01T00:00:00Z'),
          }),
        ).toBe(1);
        const { items } = await store.reports.listRuns({
          source: billing,
          limit: 10,
          offset: 0,
        });
        expect(items.map(r => r.runId)).toEqual(['new']);
        const rollups = await store.reports.getDailyRollups({
          source: billing,
          fromDay: '2026-01-01',
          toDay: '2026-12-31',
        });
        expect(rollups.map(r => r.day)).toEqual(['2026-08-01', '2026-11-01']);
      });

      it('deletes rollups of days before a day', async () => {
        await store.reports.insertRuns({
          runs: [
            billingRun({ runId: 'a', finishedAt: '2024-11-26T10:00:00Z' }),
            billingRun({ runId: 'b', finishedAt: '2024-11-27T10:00:00Z' }),
          ],
        });

        expect(
          await store.reports.deleteRollupsBefore({ day: '2024-11-27' }),
        ).toBe(1);
        const rollups = await store.reports.getDailyRollups({
          source: billing,
          fromDay: '2024-01-01',
          toDay: '2026-12-31',
        });
        expect(rollups.map(r => r.day)).toEqual(['2024-11-27']);
      });
    });
  },
);
