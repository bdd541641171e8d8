import {
  evaluatePolicy,
  DEFAULT_POLICY,
  toPolicyReport,
  encodePolicyRun,
  toPolicyRun,
  UnmatchedSource,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import {
  realReport,
  RealReportName,
} from '@rust-build-cache/plugin-rust-build-cache-common/testUtils';
import { Knex } from 'knex';
import {
  createTestStores,
  type TestStores,
  createTestDatabases,
} from '../__testUtils__/testDatabases';
import { makeReport } from '../__testUtils__/reports';
import { ReportSourceKey } from '@rust-build-cache/plugin-rust-build-cache-common';
import { sourceKeyString } from '../policy/PolicyStore';
import { toNewRun } from './ReportIngestionService';
import { decodeRunCursor } from './runCursor';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const DAY_MS = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-11-01T00:00:00Z');

function source(name: string): ReportSourceKey {
  return { repository: 'github.com/acme/platform', workspacePath: name };
}

function run(
  workspacePath: string,
  runId: string,
  finishedAt: number,
  kind: 'ci' | 'prewarm' = 'ci',
) {
  return toNewRun(
    makeReport({
      repository: { host: 'github.com', owner: 'acme', name: 'platform' },
      workspacePath,
      runId,
      kind,
      finishedAt: new Date(finishedAt).toISOString(),
    }),
    new Date(finishedAt + 1000),
  );
}

/** The query `GET /unmatched` ran before `report_sources`: a scan of every report. */
async function unmatchedFromReports(knex: Knex): Promise<UnmatchedSource[]> {
  const rows = await knex('reports as r')
    .select('r.repository', 'r.workspace_path')
    .count({ reports: '*' })
    .max({ last_finished_at: 'r.finished_at' })
    .whereNotExists(
      knex('entity_links as l')
        .select(knex.raw('1'))
        .whereRaw('?? = ??', ['l.repository', 'r.repository'])
        .whereRaw('?? = ??', ['l.workspace_path', 'r.workspace_path']),
    )
    .groupBy('r.repository', 'r.workspace_path')
    .orderBy([
      { column: 'last_finished_at', order: 'desc' },
      { column: 'r.repository', order: 'asc' },
      { column: 'r.workspace_path', order: 'asc' },
    ]);
  return rows.map((row: any) => ({
    repository: row.repository,
    workspacePath: row.workspace_path,
    reports: Number(row.reports),
    lastFinishedAt: new Date(
      typeof row.last_finished_at === 'string' &&
      /^\d+$/.test(row.last_finished_at)
        ? Number(row.last_finished_at)
        : row.last_finished_at,
    ).toISOString(),
  }));
}

describe.each(databases.eachSupportedId())('read models (%s)', databaseId => {
  let knex: Knex;
  let store: TestStores;

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    store = await createTestStores(knex);
  });

  afterEach(async () => {
    await knex.destroy();
  });

  describe('policy projection', () => {
    const names: RealReportName[] = [
      'billing-api-warm',
      'ledger-worker-warm',
      'search-indexer-warm',
      'rate-limiter-warm',
      'rate-limiter-rustflags-changed',
    ];

    it('is written with each new report, and the policy evaluates it like the reports', async () => {
      const ws = source('services/fixtures');
      const reports = names.map((name, i) => {
        const report = realReport(name);
        return {
          ...report,
          kind: i === 1 ? ('prewarm' as const) : ('ci' as const),
          source: {
            ...report.source,
            repository: { host: 'github.com', owner: 'acme', name: 'platform' },
            workspacePath: ws.workspacePath,
            finishedAt: new Date(T0 + i * DAY_MS).toISOString(),
          },
        };
      });
      const inserted = await store.reports.insertRuns({
        runs: reports.map(r => toNewRun(r, new Date(T0 + 10 * DAY_MS))),
      });
      // A repeated report adds no second projection.
      await store.reports.insertRuns({
        runs: [toNewRun(reports[0], new Date(T0 + 11 * DAY_MS))],
      });
      const rows = await knex('report_policy_inputs').orderBy('finished_at');
      expect(rows.map(r => r.report_id)).toEqual(inserted.map(i => i.id));
      expect(rows.map(r => JSON.parse(r.policy_json))).toEqual(
        reports.map(r => JSON.parse(JSON.stringify(toPolicyReport(r)))),
      );
      expect(rows.map(r => JSON.parse(r.run_json))).toEqual(
        reports.map(r =>
          JSON.parse(JSON.stringify(encodePolicyRun(toPolicyRun(r)))),
        ),
      );

      const policyStore = await createTestStores(knex);
      const recent = await policyStore.policyInputs.listRecentReports({
        sources: [ws],
        ciRuns: 10,
      });
      const newestFirst = [...reports].reverse();
      const projected = recent.get(sourceKeyString(ws))!.read();
      expect(projected.runs.map(r => r.runId)).toEqual(
        newestFirst.map(r => r.source.ci.runId),
      );
      // In full: the newest report (a CI run with statistics) only.
      expect(projected.reports.map(r => r.source.ci.runId)).toEqual([
        newestFirst[0].source.ci.runId,
      ]);
      const input = {
        entity: { kind: 'Component', type: 'service', tags: [] },
        now: new Date(T0 + 6 * DAY_MS),
        prewarmEnrolled: true,
      };
      expect(
        evaluatePolicy({
          policy: DEFAULT_POLICY,
          input: { ...input, ...projected },
        }),
      ).toEqual(
        evaluatePolicy({
          policy: DEFAULT_POLICY,
          input: { ...input, reports: newestFirst },
        }),
      );

      // Only as many CI runs as asked, plus the latest report of another kind.
      const two = await policyStore.policyInputs.listRecentReports({
        sources: [ws],
        ciRuns: 2,
      });
      expect(
        two
          .get(sourceKeyString(ws))!
          .read()
          .runs.map(r => [r.kind, r.runId]),
      ).toEqual([
        ['ci', reports[4].source.ci.runId],
        ['ci', reports[3].source.ci.runId],
        ['prewarm', reports[1].source.ci.runId],
      ]);
    });
  });

  describe('unmatched sources', () => {
    async function seed() {
      const runs = [];
      for (let s = 0; s < 6; s++) {
        for (let r = 0; r <= s; r++) {
          runs.push(
            run(
              `ws-${s}`,
              `${s}-${r}`,
              // Sources 2 and 3 tie on their latest finish time.
              T0 + (s === 3 ? 2 : s) * DAY_MS - r * 3600_000,
              r % 3 === 2 ? 'prewarm' : 'ci',
            ),
          );
        }
      }
      // In two batches, the second repeating one run.
      await store.reports.insertRuns({ runs: runs.slice(0, 10) });
      await store.reports.insertRuns({ runs: runs.slice(9) });
      await store.entityLinks.upsertEntityLink({
        link: { entityRef: 'component:default/one', source: source('ws-1') },
      });
      await store.entityLinks.upsertEntityLink({
        link: { entityRef: 'component:default/four', source: source('ws-4') },
      });
    }

    it('answers what the scan of every report answered', async () => {
      await seed();
      const expected = await unmatchedFromReports(knex);
      expect(expected.map(s => s.workspacePath)).toEqual([
        'ws-5',
        'ws-2',
        'ws-3',
        'ws-0',
      ]);
      expect(expected.map(s => s.reports)).toEqual([6, 3, 4, 1]);
      expect(await store.reports.listUnmatchedSources()).toEqual(expected);
    });

    it('stays consistent with retention, and drops sources left without reports', async () => {
      await seed();
      // Deletes ws-0 entirely and the older runs of others.
      const before = new Date(T0 + 2 * DAY_MS - 2.5 * 3600_000);
      const deleted = await store.reports.deleteRunsFinishedBefore({ before });
      expect(deleted).toBeGreaterThan(3);
      const expected = await unmatchedFromReports(knex);
      expect(expected.map(s => s.workspacePath)).not.toContain('ws-0');
      expect(await store.reports.listUnmatchedSources()).toEqual(expected);
      // ws-0 and ws-1 lost every report; the others keep exact counts and finish times.
      const summaries = await knex('report_sources')
        .select('workspace_path', 'reports', 'last_finished_at')
        .orderBy('workspace_path');
      const grouped = await knex('reports')
        .select('workspace_path')
        .count({ reports: '*' })
        .max({ last_finished_at: 'finished_at' })
        .groupBy('workspace_path')
        .orderBy('workspace_path');
      expect(summaries.map(s => s.workspace_path)).toEqual([
        'ws-2',
        'ws-3',
        'ws-4',
        'ws-5',
      ]);
      const normalise = (rows: any[]) =>
        rows.map(row => [
          row.workspace_path,
          Number(row.reports),
          new Date(
            Number(row.last_finished_at) || row.last_finished_at,
          ).getTime(),
        ]);
      expect(normalise(summaries)).toEqual(normalise(grouped));
      // The policy projections of deleted reports go with them.
      const [{ n: projections }] = await knex('report_policy_inputs').count({
        n: '*',
      });
      const [{ n: reports }] = await knex('reports').count({ n: '*' });
      expect(Number(projections)).toBe(Number(reports));
    });
  });

  describe('keyset pages of runs', () => {
    it('page like offsets, cost nothing extra, and say their position', async () => {
      const ws = source('services/paged');
      // 23 runs; runs 10–14 finish at the same instant (ties broken by id).
      const runs = Array.from({ length: 23 }, (_, i) =>
        run(
          ws.workspacePath,
          `p-${i}`,
          T0 + (i >= 10 && i < 15 ? 10 : i) * 3600_000,
        ),
      );
      await store.reports.insertRuns({ runs });
      const all = await store.reports.listRuns({
        source: ws,
        limit: 100,
        offset: 0,
      });
      expect(all.items).toHaveLength(23);

      const viaCursor: string[] = [];
      let after;
      let offset = 0;
      for (;;) {
        const page = await store.reports.listRuns({
          source: ws,
          limit: 5,
          offset: 0,
          after,
        });
        expect(page.total).toBe(23);
        expect(page.offset).toBe(offset);
        const byOffset = await store.reports.listRuns({
          source: ws,
          limit: 5,
          offset,
        });
        expect(page.items).toEqual(byOffset.items);
        viaCursor.push(...page.items.map(r => r.id));
        offset += page.items.length;
        if (offset >= page.total) break;
        const last = page.items[page.items.length - 1];
        after = { finishedAt: last.finishedAt, id: last.id };
      }
      expect(viaCursor).toEqual(all.items.map(r => r.id));
    });

    it('rejects cursors it did not make', () => {
      for (const bad of ['', 'x', Buffer.from('[1,2]').toString('base64url')]) {
        expect(() => decodeRunCursor(bad)).toThrow(/Invalid cursor/);
      }
    });
  });
});
