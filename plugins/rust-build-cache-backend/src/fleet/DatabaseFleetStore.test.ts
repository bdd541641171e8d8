import { BuildCacheReport } from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import { makeReport } from '../__testUtils__/reports';
import {
  createTestStores,
  type TestStores,
  createTestDatabases,
} from '../__testUtils__/testDatabases';
import { toNewRun } from '../reports/ReportIngestionService';
import { DatabaseFleetStore } from './DatabaseFleetStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const repository = { host: 'github.com', owner: 'acme', name: 'platform' };
const HOUR = 3600_000;
const now = Date.now();

function ciReport(
  service: string,
  runId: string,
  hoursAgo: number,
  change: (report: BuildCacheReport) => void = () => {},
): BuildCacheReport {
  const report = makeReport({
    repository,
    workspacePath: `services/${service}`,
    kind: 'ci',
    runId,
    finishedAt: new Date(now - hoursAgo * HOUR).toISOString(),
  });
  // The example build had no miss: give it two, with their compile time.
  report.sccache!.counters.misses = { Rust: 2 };
  report.sccache!.durations.compilerWriteSeconds = 4;
  change(report);
  return report;
}

describe.each(databases.eachSupportedId())(
  'DatabaseFleetStore (%s)',
  databaseId => {
    let knex: Knex;
    let store: TestStores;
    let fleet: DatabaseFleetStore;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      store = await createTestStores(knex);
      fleet = await DatabaseFleetStore.create(knex);
      const reports = [
        ciReport('billing', 'b-old', 48, r => {
          r.toolchain.rustc = { ...r.toolchain.rustc!, release: '1.94.0' };
        }),
        ciReport('billing', 'b-new', 1),
        // A pre-warm report is newer but not a CI one.
        { ...ciReport('billing', 'b-warm', 0.5), kind: 'prewarm' as const },
        ciReport('ledger', 'l-1', 24 * 40),
        // Not linked to any entity.
        ciReport('orphan', 'o-1', 2),
        // Linked, all hits: no compile time to price them with.
        ciReport('warm', 'w-1', 3, r => {
          r.sccache!.counters.misses = {};
          r.sccache!.durations.compilerWriteSeconds = 0;
        }),
      ];
      await store.reports.insertRuns({
        runs: reports.map(r => toNewRun(r, new Date(now))),
      });
      for (const name of ['billing', 'ledger', 'warm']) {
        await store.entityLinks.upsertEntityLink({
          link: {
            entityRef: `component:default/${name}`,
            source: {
              repository: 'github.com/acme/platform',
              workspacePath: `services/${name}`,
            },
          },
        });
      }
    });

    afterAll(async () => {
      await knex.destroy();
    });

    it('reads the latest CI report of every linked entity', async () => {
      const latest = await fleet.listLatestCiReports();
      expect(
        latest.map(l => [l.entityRef, l.report.source.ci.runId]).sort(),
      ).toEqual([
        ['component:default/billing', 'b-new'],
        ['component:default/ledger', 'l-1'],
        ['component:default/warm', 'w-1'],
      ]);
    });

    it('reads the misses and kept timings of linked CI reports in the window', async () => {
      const example = makeReport();
      const timings = await fleet.listCiTimings({
        from: new Date(now - 30 * 24 * HOUR),
      });
      expect(timings).toHaveLength(2);
      for (const row of timings) {
        expect(row.entityRef).toBe('component:default/billing');
        expect(row.rustMisses).toBeGreaterThan(0);
        expect(row.slowest).toEqual(example.timings!.slowest);
      }
    });

    it("prices each workspace's hits at its compile seconds per miss, per day", async () => {
      const fromDay = new Date(now - 3 * 24 * HOUR).toISOString().slice(0, 10);
      const days = await fleet.listDailySavings({ fromDay });
      const total = (
        field: 'runs' | 'hits' | 'unpricedHits' | 'secondsSaved',
      ) => days.reduce((sum, d) => sum + d[field], 0);
      // billing's two CI runs and the unlinked one (2 hits, 2 misses, 4 s each: 2 s per miss),
      // and the warm-only workspace, whose 2 hits have no price; not the pre-warm run, not
      // ledger's run of 40 days ago.
      expect(total('runs')).toBe(4);
      expect(total('hits')).toBe(8);
      expect(total('unpricedHits')).toBe(2);
      expect(total('secondsSaved')).toBeCloseTo(12, 6);
      expect(days.map(d => d.day)).toEqual([...days.map(d => d.day)].sort());
      expect(days.every(d => d.day >= fromDay)).toBe(true);
    });
  },
);
