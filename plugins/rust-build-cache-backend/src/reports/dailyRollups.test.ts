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
import { NewRun } from './ReportStore';
import { ReportSourceKey } from '@rust-build-cache/plugin-rust-build-cache-common';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const billing: ReportSourceKey = {
  repository: 'github.com/acme/platform',
  workspacePath: 'services/billing',
};

function billingRun(overrides: ReportOverrides): NewRun {
  return toNewRun(
    makeReport({
      repository: { host: 'github.com', owner: 'acme', name: 'platform' },
      workspacePath: billing.workspacePath,
      ...overrides,
    }),
    new Date(),
  );
}

const mixedRun = (runId: string, finishedAt: string) =>
  billingRun({
    runId,
    finishedAt,
    sccache: readSccacheFixture('sccache-0.8.2-constructed-rust-and-c'),
  });

describe.each(databases.eachSupportedId())(
  'daily rollups by language (%s)',
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

    const rollupsOf = (day: string) =>
      store.reports.getDailyRollups({
        source: billing,
        fromDay: day,
        toDay: day,
      });

    it("keeps Rust's counts apart from the C/C++ that build scripts compile", async () => {
      await store.reports.insertRuns({
        runs: [
          mixedRun('a', '2026-11-11T08:00:00Z'),
          mixedRun('b', '2026-11-11T09:00:00Z'),
          billingRun({
            runId: 'c',
            finishedAt: '2026-11-11T10:00:00Z',
            sccache: readSccacheFixture('sccache-0.10.0-constructed-c-only'),
          }),
        ],
      });
      expect(await rollupsOf('2026-11-11')).toEqual([
        expect.objectContaining({
          runs: 3,
          hits: 24,
          misses: 12,
          avoidableNotCached: 4,
          otherLanguages: [
            {
              language: 'C/C++',
              hits: 2 + 2 + 38,
              misses: 14 + 14 + 3,
              errors: 0,
              avoidableNotCached: 2,
            },
          ],
          languagesMixed: false,
        }),
      ]);
    });

    describe('rollups stored before per-language metrics', () => {
      /** What the old code stored: every language summed, marked legacy by the migration. */
      async function storeAsLegacy(day: string) {
        const [row] = await knex('daily_rollups').where({ day });
        await knex('daily_language_rollups').where({ day }).delete();
        await knex('daily_rollups')
          .where({ day })
          .update({
            hits: Number(row.hits) + 4,
            misses: Number(row.misses) + 28,
            languages: 'legacy',
          });
      }

      it('splits them again from the stored reports of their day', async () => {
        await store.reports.insertRuns({
          runs: [
            mixedRun('a', '2026-11-11T08:00:00Z'),
            mixedRun('b', '2026-11-11T09:00:00Z'),
          ],
        });
        const split = await rollupsOf('2026-11-11');
        await storeAsLegacy('2026-11-11');
        expect((await rollupsOf('2026-11-11'))[0]).toMatchObject({
          hits: 28,
          languagesMixed: true,
        });

        expect(await store.reports.splitLegacyRollups({ limit: 10 })).toEqual({
          split: 1,
          mixed: 0,
          remaining: false,
        });
        expect(await rollupsOf('2026-11-11')).toEqual(split);
        // Nothing left to do on the next run of the task.
        expect(await store.reports.splitLegacyRollups({ limit: 10 })).toEqual({
          split: 0,
          mixed: 0,
          remaining: false,
        });
      });

      it('adds a run that arrives after the migration to the split rollup', async () => {
        await store.reports.insertRuns({
          runs: [mixedRun('a', '2026-11-11T08:00:00Z')],
        });
        await storeAsLegacy('2026-11-11');
        await store.reports.insertRuns({
          runs: [mixedRun('b', '2026-11-11T09:00:00Z')],
        });
        await store.reports.splitLegacyRollups({ limit: 10 });
        expect((await rollupsOf('2026-11-11'))[0]).toMatchObject({
          runs: 2,
          hits: 24,
          misses: 12,
          otherLanguages: [expect.objectContaining({ hits: 4, misses: 28 })],
          languagesMixed: false,
        });
      });

      it('marks them mixed when retention deleted some of their reports', async () => {
        await store.reports.insertRuns({
          runs: [
            mixedRun('a', '2026-11-11T08:00:00Z'),
            mixedRun('b', '2026-11-11T09:00:00Z'),
          ],
        });
        await storeAsLegacy('2026-11-11');
        await knex('reports').where({ run_id: 'a' }).delete();

        expect(await store.reports.splitLegacyRollups({ limit: 10 })).toEqual({
          split: 0,
          mixed: 1,
          remaining: false,
        });
        expect((await rollupsOf('2026-11-11'))[0]).toMatchObject({
          runs: 2,
          hits: 28,
          otherLanguages: [],
          languagesMixed: true,
        });
      });

      it('works through them in batches', async () => {
        await store.reports.insertRuns({
          runs: [
            mixedRun('a', '2026-11-11T08:00:00Z'),
            mixedRun('b', '2026-11-12T08:00:00Z'),
            mixedRun('c', '2026-11-13T08:00:00Z'),
          ],
        });
        for (const day of ['2026-11-11', '2026-11-12', '2026-11-13'])
          await storeAsLegacy(day);
        expect(
          await store.reports.splitLegacyRollups({ limit: 2 }),
        ).toMatchObject({
          split: 2,
          remaining: true,
        });
        expect(
          await store.reports.splitLegacyRollups({ limit: 2 }),
        ).toMatchObject({
          split: 1,
          remaining: false,
        });
      });
    });

    it('deletes the language rows with their days', async () => {
      await store.reports.insertRuns({
        runs: [
          mixedRun('a', '2026-11-11T08:00:00Z'),
          mixedRun('b', '2026-11-12T08:00:00Z'),
        ],
      });
      await store.reports.deleteRollupsBefore({ day: '2026-11-12' });
      const days = await knex('daily_language_rollups').select('day');
      expect(days.map(row => row.day)).toEqual(['2026-11-12']);
    });
  },
);
