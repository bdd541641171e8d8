import { ConfigReader } from '@backstage/config';
import { StoredRun } from '../reports/ReportStore';
import { findHitRateRegression, runComparisonPath } from './hitRateRegression';
import { readNotificationsConfig } from './notificationsConfig';

/** Runs newest first, each with Rust hits and misses out of 10 compiles. */
function runs(...hitsNewestFirst: Array<number | null>): StoredRun[] {
  return hitsNewestFirst.map((hits, index) => ({
    id: `id-${index}`,
    kind: 'ci',
    runId: `r${hitsNewestFirst.length - index}`,
    metrics:
      hits === null
        ? null
        : ({
            hits,
            misses: 10 - hits,
            avoidableNotCached: 0,
            effectiveHitRate: hits / 10,
          } as StoredRun['metrics']),
  })) as StoredRun[];
}

describe('findHitRateRegression', () => {
  const options = { threshold: 0.8, runs: 3 };

  it('finds the window that fell below the threshold, its first bad run and the last good one', () => {
    // Oldest first: 10 10 9 | 9 5 4 → newest first below.
    const regression = findHitRateRegression(runs(4, 5, 9, 9, 10, 10), options);
    expect(regression).toMatchObject({
      recentRate: 0.6,
      previousRate: 29 / 30,
      firstBadRun: { runId: 'r5' },
      lastGoodRun: { runId: 'r4' },
    });
  });

  it('needs both windows full, skips runs without statistics, and sees no regression without a drop', () => {
    expect(findHitRateRegression(runs(0, 0, 0, 10, 10), options)).toBeNull();
    expect(
      findHitRateRegression(runs(0, null, 0, 0, 10, null, 10, 10), options),
    ).toMatchObject({
      firstBadRun: { runId: 'r5' },
      lastGoodRun: { runId: 'r4' },
    });
    // Already below before: not a new regression.
    expect(findHitRateRegression(runs(0, 0, 0, 10, 5, 5), options)).toBeNull();
    // At the threshold is not below it.
    expect(
      findHitRateRegression(runs(8, 8, 8, 10, 10, 10), options),
    ).toBeNull();
  });

  it('links the entity tab opened on the comparison', () => {
    expect(
      runComparisonPath('component:default/billing-api', {
        base: 'a',
        head: 'b',
      }),
    ).toBe(
      '/catalog/default/component/billing-api/build-cache?compareBase=a&compareHead=b',
    );
  });
});

describe('readNotificationsConfig', () => {
  it('turns every kind off by default and checks the values it reads', () => {
    expect(readNotificationsConfig(new ConfigReader({}))).toEqual({
      hitRateRegression: { enabled: false, runs: 3 },
      policyLevelLost: { enabled: false },
      exemptionExpiring: { enabled: false },
      prewarmFailed: { enabled: false, recipient: null },
    });
    const config = (notifications: object) =>
      new ConfigReader({ rustBuildCache: { notifications } });
    expect(
      readNotificationsConfig(
        config({ prewarmFailed: { enabled: true, recipient: 'Platform' } }),
      ).prewarmFailed,
    ).toEqual({ enabled: true, recipient: 'group:default/platform' });
    expect(() =>
      readNotificationsConfig(config({ hitRateRegression: { runs: 0 } })),
    ).toThrow(
      'rustBuildCache.notifications.hitRateRegression.runs must be a whole number of at least 1, got 0',
    );
  });
});
