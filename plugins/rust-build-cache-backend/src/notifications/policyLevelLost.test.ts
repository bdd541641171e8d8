import { DEFAULT_POLICY } from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import { DatabasePolicyResults } from '../policy/DatabasePolicyResults';
import {
  createTestStores,
  createTestDatabases,
} from '../__testUtils__/testDatabases';
import { PolicyResultStore, StoredPolicyResult } from '../policy/PolicyStore';
import { notifyOnPolicyLevelLost } from './policyLevelLost';
import {
  onlyEnabled,
  RecordingNotificationService,
  recordingSender,
} from './__testUtils__/recordingNotifications';

jest.setTimeout(60_000);

const databases = createTestDatabases();

function result(
  entityRef: string,
  level: string | null,
  failing: StoredPolicyResult['results'] = [],
): StoredPolicyResult {
  return {
    entityRef,
    owner: 'group:default/payments',
    level,
    nextLevel:
      level === 'gold'
        ? null
        : {
            id: level === 'silver' ? 'gold' : 'silver',
            blockingRuleIds: failing.map(rule => rule.ruleId),
          },
    counts: {
      passed: 5,
      failed: failing.length,
      warned: 0,
      exempt: 0,
      notApplicable: 0,
      insufficientData: 0,
    },
    results: [
      {
        ruleId: 'rustc-wrapper-sccache',
        severity: 'error',
        result: 'pass',
        summary: 'RUSTC_WRAPPER is sccache.',
        evidence: { numbers: {}, runIds: ['1'] },
      },
      ...failing,
    ],
    evaluatedAt: new Date('2026-12-06T10:00:00Z'),
  };
}

const HIT_RATE_FAILS: StoredPolicyResult['results'][number] = {
  ruleId: 'effective-hit-rate',
  severity: 'error',
  result: 'fail',
  summary: 'Rust effective hit rate 41% over the last 10 CI run(s), below 80%.',
  evidence: { numbers: {}, runIds: ['9'] },
};

describe.each(databases.eachSupportedId())(
  'policy level lost notifications (%s)',
  databaseId => {
    let knex: Knex;
    let service: RecordingNotificationService;
    let store: PolicyResultStore;
    const day = '2026-12-06';

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      const { policyResults } = await createTestStores(knex);
      const recording = recordingSender(knex, {
        now: () => new Date(`${day}T12:00:00Z`),
      });
      service = recording.service;
      store = notifyOnPolicyLevelLost(policyResults, {
        sender: recording.sender,
        policy: DEFAULT_POLICY,
      });
    });

    afterEach(async () => {
      await knex.destroy();
    });

    it('tells the owners when an entity drops a level, naming the failing rule', async () => {
      const ref = 'component:default/billing';
      await store.saveEvaluations({ results: [result(ref, 'gold')], day });
      expect(service.sent).toEqual([]); // a first result loses nothing

      await store.saveEvaluations({
        results: [result(ref, 'silver', [HIT_RATE_FAILS])],
        day,
      });
      expect(service.sent).toEqual([
        {
          recipients: { type: 'entity', entityRef: [ref] },
          payload: {
            title: 'billing dropped from Gold to Silver',
            description:
              'Failing: Effective hit rate (effective-hit-rate): Rust effective hit rate 41% over the last 10 CI run(s), below 80%.',
            link: '/catalog/default/component/billing/build-cache',
            severity: 'normal',
            topic: 'Build cache: policy level lost',
          },
        },
      ]);
      // The result was stored through the wrapper.
      expect((await store.getResult({ entityRef: ref }))?.level).toBe('silver');

      // Back up, and down again the same day: one per entity, topic and day.
      await store.saveEvaluations({ results: [result(ref, 'gold')], day });
      await store.saveEvaluations({
        results: [result(ref, 'silver', [HIT_RATE_FAILS])],
        day,
      });
      expect(service.sent).toHaveLength(1);
    });

    it('compares whole batches of a full evaluation, and stays quiet on gains and equal levels', async () => {
      const refs = Array.from(
        { length: 25 },
        (_, i) => `component:default/service-${i}`,
      );
      await store.saveEvaluations({
        results: refs.map((ref, i) => result(ref, i < 5 ? 'silver' : 'bronze')),
        day,
      });
      await store.saveEvaluations({
        // 0-4 drop silver → bronze; 5-9 rise to silver; the rest stay; one falls below all.
        results: refs.map((ref, i) => {
          if (i < 5) return result(ref, 'bronze', [HIT_RATE_FAILS]);
          if (i < 10) return result(ref, 'silver');
          if (i === 24) return result(ref, null, [HIT_RATE_FAILS]);
          return result(ref, 'bronze');
        }),
        day,
      });
      expect(service.sent.map(s => s.payload.title).sort()).toEqual(
        [
          ...[0, 1, 2, 3, 4].map(
            i => `service-${i} dropped from Silver to Bronze`,
          ),
          'service-24 dropped from Bronze to no level',
        ].sort(),
      );
    });

    it('sends nothing when the kind is off', async () => {
      const recording = recordingSender(knex, {
        config: onlyEnabled('hitRateRegression'),
      });
      const quiet = notifyOnPolicyLevelLost(
        await DatabasePolicyResults.create(knex),
        {
        sender: recording.sender,
        policy: DEFAULT_POLICY,
      });
      const ref = 'component:default/billing';
      await quiet.saveEvaluations({ results: [result(ref, 'gold')], day });
      await quiet.saveEvaluations({
        results: [result(ref, 'bronze', [HIT_RATE_FAILS])],
        day,
      });
      expect(recording.service.sent).toEqual([]);
      expect((await quiet.getResult({ entityRef: ref }))?.level).toBe('bronze');
    });
  },
);
