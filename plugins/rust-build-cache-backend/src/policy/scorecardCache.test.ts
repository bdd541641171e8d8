import {
  DEFAULT_POLICY,
  RuleOutcome,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { createRouteTestBed } from '@rust-build-cache/plugin-rust-build-cache-node/testUtils';
import {
  createTestDatabases,
  createTestStores,
} from '../__testUtils__/testDatabases';
import { DatabasePolicyResults } from './DatabasePolicyResults';
import { PolicyResultStore, StoredPolicyResult } from './PolicyStore';
import { ScorecardQueries } from './ScorecardQueries';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const NOW = new Date('2026-11-28T12:00:00.000Z');
const TODAY = '2026-11-28';

/** A result of `cargo-incremental-off` alone: `fail` keeps the entity below bronze. */
function result(name: string, outcome: RuleOutcome): StoredPolicyResult {
  const failed = outcome === 'fail' ? 1 : 0;
  return {
    entityRef: `component:default/${name}`,
    owner: 'group:default/payments',
    level: failed ? null : 'bronze',
    nextLevel: null,
    counts: {
      passed: 1 - failed,
      failed,
      warned: 0,
      exempt: 0,
      notApplicable: 0,
      insufficientData: 0,
    },
    results: [
      {
        ruleId: 'cargo-incremental-off',
        severity: 'error',
        result: outcome,
        summary: outcome,
        evidence: { numbers: {}, runIds: [] },
      },
    ],
    evaluatedAt: NOW,
  };
}

/** Counts the store's reads behind the scorecards, to tell a kept answer from a new one. */
function countingReads(store: PolicyResultStore) {
  const reads = { pages: 0, totals: 0, summaries: 0, trends: 0 };
  const counted: PolicyResultStore = Object.create(store);
  counted.listResultPage = options => {
    reads.pages++;
    return store.listResultPage(options);
  };
  counted.countResultRows = options => {
    reads.totals++;
    return store.countResultRows(options);
  };
  counted.summarise = options => {
    reads.summaries++;
    return store.summarise(options);
  };
  counted.countDailySnapshots = options => {
    reads.trends++;
    return store.countDailySnapshots(options);
  };
  return { counted, reads };
}

describe.each(databases.eachSupportedId())(
  'scorecard answers kept per results version (%s)',
  databaseId => {
    const bed = createRouteTestBed({ databases, databaseId });

    it('keeps pages, totals, summary and trend until another replica writes results or snapshots', async () => {
      const { knex } = bed;
      const { policyResults } = await createTestStores(knex);
      const { counted, reads } = countingReads(policyResults);
      const queries = new ScorecardQueries({
        policy: DEFAULT_POLICY,
        store: counted,
        now: () => NOW,
      });
      // Another replica: its own store object on the same database.
      const otherReplica = await DatabasePolicyResults.create(knex);
      await otherReplica.saveEvaluations({
        results: [
          result('a', 'pass'),
          result('b', 'fail'),
          result('c', 'pass'),
        ],
        day: TODAY,
      });

      const failing = {
        filter: { result: 'fail' as const },
        limit: 10,
        offset: 0,
      };
      const answers = async () => ({
        all: await queries.listEntities({ filter: {}, limit: 2, offset: 1 }),
        failing: await queries.listEntities(failing),
        summary: await queries.getSummary(),
        trend: await queries.getTrend(7),
      });
      const first = await answers();
      expect(first.all.total).toBe(3);
      expect(first.all.items.map(i => i.entityRef)).toEqual([
        'component:default/b',
        'component:default/c',
      ]);
      expect(first.failing.items.map(i => i.entityRef)).toEqual([
        'component:default/b',
      ]);
      expect(first.summary.compliant).toBe(2);
      expect(first.trend.points).toEqual([
        expect.objectContaining({ day: TODAY, entities: 3, compliant: 2 }),
      ]);
      expect(reads).toEqual({ pages: 2, totals: 2, summaries: 1, trends: 1 });

      // Asked again: every answer is kept, nothing is read but the version.
      expect(await answers()).toEqual(first);
      expect(reads).toEqual({ pages: 2, totals: 2, summaries: 1, trends: 1 });

      // c starts failing on the other replica: every answer follows.
      await otherReplica.saveEvaluations({
        results: [result('c', 'fail')],
        day: TODAY,
      });
      const second = await answers();
      expect(second.failing.total).toBe(2);
      expect(second.failing.items.map(i => i.entityRef)).toEqual([
        'component:default/b',
        'component:default/c',
      ]);
      expect(second.all.items[1].outcomes).toEqual({
        'cargo-incremental-off': 'fail',
      });
      expect(second.summary.compliant).toBe(1);
      expect(second.trend.points).toEqual([
        expect.objectContaining({ day: TODAY, entities: 3, compliant: 1 }),
      ]);

      // A deleted result.
      await otherReplica.deleteResults({
        entityRefs: ['component:default/a'],
      });
      const third = await answers();
      expect(third.all.total).toBe(2);
      expect(third.all.items.map(i => i.entityRef)).toEqual([
        'component:default/c',
      ]);
      expect(third.summary.entities).toBe(2);

      // Snapshots alone: a backfilled past day, then retention dropping it.
      await otherReplica.addDailySnapshots({
        results: [result('a', 'pass')],
        day: '2026-11-27',
      });
      expect((await queries.getTrend(7)).points.map(p => p.day)).toEqual([
        '2026-11-27',
        TODAY,
      ]);
      await otherReplica.deleteDailySnapshotsBefore({ day: TODAY });
      expect((await queries.getTrend(7)).points.map(p => p.day)).toEqual([
        TODAY,
      ]);
    });
  },
);
