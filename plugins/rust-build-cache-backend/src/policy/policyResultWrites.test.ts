import {
  PolicyRuleId,
  RuleOutcome,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import {
  createTestStores,
  type TestStores,
  createTestDatabases,
} from '../__testUtils__/testDatabases';
import { StoredPolicyResult } from './PolicyStore';
import { toDate } from '../lib/dbValues';
import { outcomesJson } from './policyResultWrites';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const RULES: PolicyRuleId[] = [
  'rustc-wrapper-sccache',
  'cargo-incremental-off',
  'rustflags-stable',
];
const OUTCOMES: RuleOutcome[] = ['pass', 'fail', 'warn', 'insufficient-data'];

/** Entity i's outcome for rule r: a fixed pattern that gives every pair some entities. */
const outcomeOf = (i: number, r: number, shift = 0) =>
  OUTCOMES[(i * (r + 1) + shift) % OUTCOMES.length];

function resultOf(i: number, at: Date, shift = 0): StoredPolicyResult {
  const results = RULES.map((ruleId, r) => ({
    ruleId,
    severity: 'error' as const,
    result: outcomeOf(i, r, shift),
    summary: `rule ${r}`,
    evidence: { numbers: { i }, runIds: [] },
  }));
  const count = (o: RuleOutcome) => results.filter(x => x.result === o).length;
  return {
    entityRef: `component:default/e${String(i).padStart(3, '0')}`,
    owner: i % 2 ? 'group:default/a' : 'group:default/b',
    level: null,
    nextLevel: null,
    counts: {
      passed: count('pass'),
      failed: count('fail'),
      warned: count('warn'),
      exempt: 0,
      notApplicable: 0,
      insufficientData: count('insufficient-data'),
    },
    results,
    evaluatedAt: at,
  };
}

describe.each(databases.eachSupportedId())(
  'policy result writes (%s)',
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

    /** What the rule filter must answer, computed from the results themselves. */
    function expectedRefs(
      results: StoredPolicyResult[],
      ruleId: PolicyRuleId,
      outcomes: RuleOutcome[],
    ) {
      return results
        .filter(res =>
          res.results.some(
            r => r.ruleId === ruleId && outcomes.includes(r.result),
          ),
        )
        .map(res => res.entityRef)
        .sort();
    }

    async function expectRuleFilterMatches(results: StoredPolicyResult[]) {
      for (const ruleId of RULES) {
        for (const outcome of [undefined, ...OUTCOMES]) {
          const page = await store.policyResults.listResultRows({
            filter: { ruleId, result: outcome },
            limit: 7,
            offset: 2,
          });
          const all = expectedRefs(
            results,
            ruleId,
            outcome ? [outcome] : ['fail', 'warn'],
          );
          expect(page.total).toBe(all.length);
          expect(page.items.map(r => r.entityRef)).toEqual(all.slice(2, 9));
        }
      }
    }

    it('stores rule outcomes as rows that the rule filter and the summary read', async () => {
      const day1 = new Date('2026-11-27T12:00:00Z');
      // More outcome rows than one SQLite compound insert takes (500).
      const results = Array.from({ length: 200 }, (_, i) => resultOf(i, day1));
      await store.policyResults.saveEvaluations({ results, day: '2026-11-27' });
      expect(
        Number((await knex('policy_rule_outcomes').count({ n: '*' }))[0].n),
      ).toBe(200 * RULES.length);
      await expectRuleFilterMatches(results);

      const summary = await store.policyResults.summarise({ ruleIds: RULES });
      for (const [r, ruleId] of RULES.entries()) {
        const n = (o: RuleOutcome) =>
          results.filter((_, i) => outcomeOf(i, r) === o).length;
        expect(summary.ruleOutcomes.get(ruleId)).toEqual({
          passed: n('pass'),
          failed: n('fail'),
          warned: n('warn'),
          exempt: 0,
          notApplicable: 0,
          insufficientData: n('insufficient-data'),
        });
      }

      // Half of them change; the filter follows, and deleted results leave no outcomes.
      const day2 = new Date('2026-11-28T12:00:00Z');
      const changed = results.map((_, i) => resultOf(i, day2, i % 2));
      await store.policyResults.saveEvaluations({
        results: changed,
        day: '2026-11-28',
      });
      await expectRuleFilterMatches(changed);
      await store.policyResults.deleteResults({
        entityRefs: changed.slice(0, 10).map(r => r.entityRef),
      });
      await expectRuleFilterMatches(changed.slice(10));
      expect(
        Number((await knex('policy_rule_outcomes').count({ n: '*' }))[0].n),
      ).toBe(190 * RULES.length);
    });

    it('rewrites only the time of a result found again, and still keeps a snapshot per day', async () => {
      const at = (iso: string) => new Date(iso);
      const results = Array.from({ length: 4 }, (_, i) =>
        resultOf(i, at('2026-11-27T08:00:00Z')),
      );
      await store.policyResults.saveEvaluations({ results, day: '2026-11-27' });
      const hashes = await knex('policy_results')
        .select('entity_ref', 'results_hash')
        .orderBy('entity_ref');

      // The same results later that day and the next day; one of them changed.
      for (const [iso, day] of [
        ['2026-11-27T20:00:00Z', '2026-11-27'],
        ['2026-11-28T08:00:00Z', '2026-11-28'],
      ]) {
        const again = results.map((_, i) =>
          resultOf(i, at(iso), i === 3 && day === '2026-11-28' ? 1 : 0),
        );
        await store.policyResults.saveEvaluations({ results: again, day });
        for (const result of again) {
          expect(
            await store.policyResults.getResult({
              entityRef: result.entityRef,
            }),
          ).toEqual(result);
        }
      }
      const after = await knex('policy_results')
        .select('entity_ref', 'results_hash')
        .orderBy('entity_ref');
      expect(after.slice(0, 3)).toEqual(hashes.slice(0, 3));
      expect(after[3].results_hash).not.toBe(hashes[3].results_hash);

      const snapshots = await knex('policy_daily_snapshots')
        .select('entity_ref', 'day', 'failing_rule_ids_json')
        .orderBy(['day', 'entity_ref']);
      expect(snapshots.map(s => s.day)).toEqual([
        ...Array(4).fill('2026-11-27'),
        ...Array(4).fill('2026-11-28'),
      ]);
      const failing = (r: StoredPolicyResult) =>
        JSON.stringify(
          r.results
            .filter(x => x.result === 'fail' || x.result === 'warn')
            .map(x => x.ruleId),
        );
      expect(snapshots[7].failing_rule_ids_json).toBe(
        failing(resultOf(3, at('2026-11-28T08:00:00Z'), 1)),
      );
      // Each of the three saves raised the version, those that only rewrote times too.
      expect(await store.policyResults.resultsVersion()).toBe(3);
    });

    it('leaves the rows of results a full evaluation found unchanged, and dates them by the evaluation', async () => {
      const at = (iso: string) => new Date(iso);
      const save = (iso: string, day: string, changed: number[] = []) =>
        store.policyResults.saveEvaluations({
          results: Array.from({ length: 4 }, (_, i) =>
            resultOf(i, at(iso), changed.includes(i) ? 1 : 0),
          ),
          day,
          inFullEvaluation: true,
        });
      const storedTimes = async () =>
        (
          await knex('policy_results')
            .select('evaluated_at')
            .orderBy('entity_ref')
        ).map(row => toDate(row.evaluated_at).toISOString());
      const shownTimes = async () => {
        const single = await Promise.all(
          [0, 1, 2, 3].map(async i =>
            (await store.policyResults.getResult({
              entityRef: resultOf(i, at('2026-11-27T08:00:00Z')).entityRef,
            }))!.evaluatedAt.toISOString(),
          ),
        );
        const { items } = await store.policyResults.listResultRows({
          filter: {},
        });
        expect(items.map(row => row.evaluatedAt.toISOString())).toEqual(single);
        return single;
      };
      const snapshotDays = async () =>
        (
          await knex('policy_daily_snapshots')
            .select('day')
            .orderBy(['day', 'entity_ref'])
        ).map(row => row.day);

      await save('2026-11-27T08:00:00Z', '2026-11-27');
      await store.policyResults.recordFullEvaluation({
        evaluatedAt: at('2026-11-27T08:00:00Z'),
      });
      // Later that day one result changes: only its row is written.
      await save('2026-11-27T20:00:00Z', '2026-11-27', [3]);
      const written = [
        ...Array(3).fill('2026-11-27T08:00:00.000Z'),
        '2026-11-27T20:00:00.000Z',
      ];
      expect(await storedTimes()).toEqual(written);
      // Until the evaluation finishes, the unchanged ones show their last time.
      expect(await shownTimes()).toEqual(written);
      const version = await store.policyResults.resultsVersion();
      await store.policyResults.recordFullEvaluation({
        evaluatedAt: at('2026-11-27T20:00:00Z'),
      });
      expect(await store.policyResults.resultsVersion()).toBe(version + 1);
      expect(await storedTimes()).toEqual(written);
      expect(await shownTimes()).toEqual(
        Array(4).fill('2026-11-27T20:00:00.000Z'),
      );
      const { groups } = await store.policyResults.summarise({
        ruleIds: RULES,
      });
      expect(groups.map(group => group.lastEvaluatedAt?.toISOString())).toEqual(
        groups.map(() => '2026-11-27T20:00:00.000Z'),
      );

      // The next day nothing changes: no result row is written, but each gets its
      // snapshot of the day (its last evaluation was the day before); once.
      await save('2026-11-28T08:00:00Z', '2026-11-28', [3]);
      await store.policyResults.recordFullEvaluation({
        evaluatedAt: at('2026-11-28T08:00:00Z'),
      });
      expect(await storedTimes()).toEqual(written);
      expect(await snapshotDays()).toEqual([
        ...Array(4).fill('2026-11-27'),
        ...Array(4).fill('2026-11-28'),
      ]);
      await knex('policy_daily_snapshots').where('day', '2026-11-28').delete();
      const unchanged = await store.policyResults.resultsVersion();
      await save('2026-11-28T20:00:00Z', '2026-11-28', [3]);
      expect(await snapshotDays()).toEqual(Array(4).fill('2026-11-27'));
      // Nothing written: the scorecards' caches stay valid.
      expect(await store.policyResults.resultsVersion()).toBe(unchanged);

      // An entity evaluated alone afterwards shows its own, later time.
      await store.policyResults.saveEvaluations({
        results: [resultOf(0, at('2026-11-28T21:00:00Z'))],
        day: '2026-11-28',
      });
      expect(await shownTimes()).toEqual([
        '2026-11-28T21:00:00.000Z',
        ...Array(3).fill('2026-11-28T08:00:00.000Z'),
      ]);
    });

    it('stores the hash of the owner, level, next level and results as JSON', async () => {
      const result = {
        ...resultOf(5, new Date('2026-11-27T08:00:00Z')),
        level: 'bronze',
        nextLevel: { id: 'silver', blockingRuleIds: ['rustflags-stable'] },
      } as StoredPolicyResult;
      await store.policyResults.saveEvaluations({
        results: [result],
        day: '2026-11-27',
      });
      const row = await knex('policy_results')
        .where('entity_ref', result.entityRef)
        .first('results_hash', 'outcomes_json');
      // The hash stored by every version so far: rows written before still compare equal.
      const expected = createHash('sha256')
        .update(
          JSON.stringify([
            result.owner,
            result.level,
            JSON.stringify(result.nextLevel),
          ]),
        )
        .update(JSON.stringify(result.results))
        .digest('hex');
      expect(row.results_hash).toBe(expected);
      expect(row.outcomes_json).toBe(
        JSON.stringify(
          Object.fromEntries(result.results.map(r => [r.ruleId, r.result])),
        ),
      );
    });
  },
);

describe('outcomesJson', () => {
  it('is the JSON of the outcomes by rule id, a repeated id included', () => {
    const of = (pairs: Array<[PolicyRuleId, RuleOutcome]>) =>
      pairs.map(([ruleId, result]) => ({ ruleId, result }));
    const cases = [
      of([]),
      of([
        ['rustc-wrapper-sccache', 'pass'],
        ['cargo-incremental-off', 'fail'],
      ]),
      of([
        ['rustc-wrapper-sccache', 'pass'],
        ['cargo-incremental-off', 'fail'],
        ['rustc-wrapper-sccache', 'warn'],
      ]),
    ];
    for (const results of cases) {
      expect(outcomesJson(results)).toBe(
        JSON.stringify(
          Object.fromEntries(results.map(r => [r.ruleId, r.result])),
        ),
      );
    }
  });
});
