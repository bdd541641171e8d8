import { Knex } from 'knex';
import { makeReport } from '../__testUtils__/reports';
import {
  createTestDatabases,
  createTestStores,
  type TestStores,
} from '../__testUtils__/testDatabases';
import { toNewRun } from '../reports/ReportIngestionService';
import { sourceKeyString } from './PolicyStore';

jest.setTimeout(120_000);

const databases = createTestDatabases();

const repository = { host: 'github.com', owner: 'acme', name: 'platform' };
const sourceOf = (workspacePath: string) => ({
  repository: 'github.com/acme/platform',
  workspacePath,
});
const api = sourceOf('api');
const web = sourceOf('web');
/** Reads every report: the runs are read from the index, never from a stored window. */
const FROM_THE_RUNS = new Date('3000-01-01T00:00:00Z');
const hour = 3600_000;
const start = Date.parse('2026-11-20T00:00:00Z');

function run(
  workspacePath: string,
  runId: string,
  hours: number,
  kind: 'ci' | 'prewarm' = 'ci',
  withStats = true,
) {
  const finishedAt = new Date(start + hours * hour).toISOString();
  return toNewRun(
    makeReport({
      repository,
      workspacePath,
      runId,
      finishedAt,
      kind,
      ...(withStats ? {} : { sccache: null }),
    }),
    new Date(finishedAt),
  );
}

describe.each(databases.eachSupportedId())(
  'policy source windows (%s)',
  databaseId => {
    let knex: Knex;
    let stores: TestStores;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      stores = await createTestStores(knex);
    });

    afterEach(async () => {
      await knex.destroy();
    });

    /** Per source key: run ids and the ids of the reports read in full. */
    async function read(
      sources: Array<{ repository: string; workspacePath: string }>,
      ciRuns: number,
      finishedBefore?: Date,
    ) {
      const found = await stores.policyInputs.listRecentReports({
        sources,
        ciRuns,
        finishedBefore,
      });
      return [...found.entries()].map(([key, stored]) => {
        const { runs, reports } = stored.read();
        return {
          key,
          runs: runs.map(r => r.runId),
          reports: reports.map(r => r.source.ci.runId),
        };
      });
    }

    /** Marks a stored window, so that a read shows whether it came from the window. */
    async function markWindow(workspacePath: string) {
      const updated = await knex('policy_source_windows')
        .where({ workspace_path: workspacePath })
        .update({ runs_json: '[]' });
      expect(updated).toBe(1);
    }

    it('reads a stored window until the source gets a report or loses one', async () => {
      await stores.reports.insertRuns({
        runs: [
          run('api', '1', 1),
          run('api', '2', 2),
          run('api', 'p', 3, 'prewarm'),
          run('web', '9', 2),
        ],
      });
      const first = await read([api, web], 2);
      expect(first).toEqual([
        {
          key: sourceKeyString(api),
          runs: ['p', '2', '1'],
          reports: ['p', '2'],
        },
        { key: sourceKeyString(web), runs: ['9'], reports: ['9'] },
      ]);
      expect(
        await knex('policy_source_windows')
          .orderBy('workspace_path')
          .pluck('workspace_path'),
      ).toEqual(['api', 'web']);

      // A valid window is read instead of the runs.
      await markWindow('api');
      expect((await read([api, web], 2))[0].runs).toEqual([]);
      // Not for another window length, nor for a past day's view.
      expect((await read([api], 3))[0].runs).toEqual(['p', '2', '1']);
      await markWindow('api');
      expect((await read([api], 3, FROM_THE_RUNS))[0].runs).toEqual([
        'p',
        '2',
        '1',
      ]);
      expect((await read([api], 3))[0].runs).toEqual([]);

      // A report arriving late (older than the window's runs) changes the source too.
      await markWindow('api');
      await stores.reports.insertRuns({ runs: [run('api', '0', 0)] });
      expect((await read([api], 3))[0].runs).toEqual(['p', '2', '1', '0']);

      // Retention deleting one of the source's reports.
      await markWindow('api');
      await markWindow('web');
      await stores.reports.deleteRunsFinishedBefore({
        before: new Date(start + 1.5 * hour),
      });
      expect(await read([api], 3)).toEqual([
        { key: sourceKeyString(api), runs: ['p', '2'], reports: ['p', '2'] },
      ]);
      // Web lost nothing: its window (of 2 runs) stays.
      expect(await read([web], 2)).toEqual([
        { key: sourceKeyString(web), runs: [], reports: ['9'] },
      ]);
    });

    it('drops the windows of sources that changed or have no reports left', async () => {
      await stores.reports.insertRuns({
        runs: [run('api', '1', 1), run('web', '9', 2), run('cli', '5', 3)],
      });
      await read([api, web, sourceOf('cli')], 2);
      await stores.reports.insertRuns({ runs: [run('api', '2', 4)] });
      await stores.reports.deleteRunsFinishedBefore({
        before: new Date(start + 2.5 * hour),
      });
      expect(await stores.policyInputs.deleteOutdatedWindows()).toBe(2);
      expect(
        await knex('policy_source_windows').pluck('workspace_path'),
      ).toEqual(['cli']);
      expect(await stores.policyInputs.deleteOutdatedWindows()).toBe(0);
    });

    it('answers as the runs do after any order of ingestion, late reports and retention', async () => {
      // A small deterministic generator: the same steps on every run of the test.
      let seed = 7;
      const random = () => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed / 2147483648;
      };
      const paths = ['a', 'b', 'c', 'd'];
      const sources = paths.map(sourceOf);
      let reportNo = 0;
      let newest = 0;
      const randomRun = () => {
        // Mostly newer than everything stored, sometimes late.
        const hours = random() < 0.8 ? ++newest : Math.floor(random() * newest);
        return run(
          paths[Math.floor(random() * paths.length)],
          `r${++reportNo}`,
          hours,
          random() < 0.8 ? 'ci' : 'prewarm',
          random() < 0.7,
        );
      };
      for (let step = 0; step < 40; step++) {
        const action = random();
        if (action < 0.55) {
          const runs = Array.from(
            { length: 1 + Math.floor(random() * 4) },
            randomRun,
          );
          await stores.reports.insertRuns({ runs });
        } else if (action < 0.7) {
          await stores.reports.deleteRunsFinishedBefore({
            before: new Date(start + Math.floor(random() * newest) * hour),
          });
        } else if (action < 0.75) {
          await stores.policyInputs.deleteOutdatedWindows();
        }
        const ciRuns = random() < 0.8 ? 3 : 5;
        const asked = sources.filter(() => random() < 0.7);
        expect({ step, windows: await read(asked, ciRuns) }).toEqual({
          step,
          windows: await read(asked, ciRuns, FROM_THE_RUNS),
        });
      }
      // Windows were stored along the way.
      expect(
        Number((await knex('policy_source_windows').count('* as n'))[0].n),
      ).toBeGreaterThan(0);
    });
  },
);
