import { Knex } from 'knex';
import {
  createTestDatabases,
  createTestStores,
  TestStores,
} from '../__testUtils__/testDatabases';
import { makeReport } from '../__testUtils__/reports';
import { ReportIngestionService } from './ReportIngestionService';
import { NewRun } from './ReportStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'ReportIngestionService (%s)',
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

    it('stores and answers the other reports of a batch when the store refuses one', async () => {
      const poisoned = (run: NewRun) => run.report.source.ci.runId === 'bad';
      const batches: NewRun[][] = [];
      // The real store, except that a batch holding the bad run fails as a whole (as a
      // constraint violation or a lost connection would).
      const store = {
        insertRuns: async (options: { runs: NewRun[] }) => {
          batches.push(options.runs);
          if (options.runs.some(poisoned)) {
            throw new Error('could not write run bad');
          }
          return stores.reports.insertRuns(options);
        },
      };
      const ingestion = new ReportIngestionService(store, {
        entityLinks: stores.entityLinks,
      });
      const runIds = ['a', 'b', 'bad', 'c', 'b'];
      // The first is stored at once; the others queue meanwhile and form one batch.
      const answers = await Promise.allSettled(
        runIds.map((runId, n) =>
          ingestion.ingest(
            makeReport({
              runId,
              workspacePath: `ws-${runId}`,
              finishedAt: new Date(Date.UTC(2026, 11, 1, 12, n)).toISOString(),
            }),
          ),
        ),
      );

      expect(batches[1].map(run => run.report.source.ci.runId)).toEqual([
        'b',
        'bad',
        'c',
      ]);
      expect(answers.map(answer => answer.status)).toEqual([
        'fulfilled',
        'fulfilled',
        'rejected',
        'fulfilled',
        'fulfilled',
      ]);
      expect((answers[2] as PromiseRejectedResult).reason.message).toBe(
        'could not write run bad',
      );
      const stored = answers.flatMap(answer =>
        answer.status === 'fulfilled' ? [answer.value] : [],
      );
      // Exact answers survive the retry: one 201 per job run, 200 for its repeat.
      expect(stored.map(answer => answer.created)).toEqual([
        true,
        true,
        true,
        false,
      ]);
      expect(stored[3].id).toBe(stored[1].id);
      for (const [index, runId] of ['a', 'b', 'c'].entries()) {
        const run = await stores.reports.getRun({ id: stored[index].id });
        expect(run?.runId).toBe(runId);
      }
      const [{ n }] = await knex('reports').count({ n: '*' });
      expect(Number(n)).toBe(3);
    });

    describe('ingestBatch', () => {
      const report = (runId: string) =>
        makeReport({ runId, workspacePath: `ws-${runId}` });

      it('writes a batch request with one insert, answering 500 only for the report the store refuses', async () => {
        const batches: string[][] = [];
        const store = {
          insertRuns: async (options: { runs: NewRun[] }) => {
            batches.push(options.runs.map(run => run.report.source.ci.runId));
            if (
              options.runs.some(run => run.report.source.ci.runId === 'bad')
            ) {
              throw new Error('could not write run bad');
            }
            return stores.reports.insertRuns(options);
          },
        };
        const ingestion = new ReportIngestionService(store, {
          entityLinks: stores.entityLinks,
        });
        const results = await ingestion.ingestBatch([
          report('a'),
          { not: 'a report' },
          report('bad'),
          report('b'),
        ]);
        expect(results.map(item => item.status)).toEqual([201, 400, 500, 201]);
        expect(results[1]).toEqual({
          status: 400,
          error: expect.stringMatching(/^Invalid report:\n/),
        });
        // One write for the valid reports, then one by one after it failed.
        expect(batches).toEqual([['a', 'bad', 'b'], ['a'], ['bad'], ['b']]);
        const [{ n }] = await knex('reports').count({ n: '*' });
        expect(Number(n)).toBe(2);
      });

      it('fails the whole request when no report could be stored (safe to send again)', async () => {
        const ingestion = new ReportIngestionService({
          insertRuns: async () => {
            throw new Error('connection lost');
          },
        });
        await expect(
          ingestion.ingestBatch([report('a'), report('b'), 'invalid']),
        ).rejects.toThrow('connection lost');
      });

      it('writes at most maxBatchSize reports at once, answering in order', async () => {
        const sizes: number[] = [];
        const ingestion = new ReportIngestionService(
          {
            insertRuns: async options => {
              sizes.push(options.runs.length);
              return stores.reports.insertRuns(options);
            },
          },
          { entityLinks: stores.entityLinks, maxBatchSize: 2 },
        );
        const results = await ingestion.ingestBatch(
          ['a', 'b', 'c', 'd', 'e'].map(report),
        );
        expect(sizes).toEqual([2, 2, 1]);
        expect(results.map(item => item.status)).toEqual([
          201, 201, 201, 201, 201,
        ]);
      });

      it('answers only 400s for a batch of invalid reports, writing nothing', async () => {
        const insertRuns = jest.fn();
        const ingestion = new ReportIngestionService({ insertRuns });
        const results = await ingestion.ingestBatch([1, null]);
        expect(results.map(item => item.status)).toEqual([400, 400]);
        expect(insertRuns).not.toHaveBeenCalled();
      });
    });
  },
);
