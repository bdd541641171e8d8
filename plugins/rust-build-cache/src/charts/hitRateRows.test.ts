import type { DailyPoint } from '@rust-build-cache/plugin-rust-build-cache-common';
import { toHitRateRows } from './hitRateRows';

function point(day: string, hitRate: number | null): DailyPoint {
  return {
    day,
    runs: 2,
    requests: 40,
    hits: 30,
    misses: 10,
    errors: 0,
    avoidableNotCached: 0,
    hitRate,
    effectiveHitRate: hitRate === null ? null : hitRate / 2,
    otherLanguages: [],
    compileSeconds: 12,
    cacheWriteErrors: 0,
    languagesMixed: false,
  };
}

describe('toHitRateRows', () => {
  it('fills days without runs with gaps and converts rates to percent', () => {
    const rows = toHitRateRows({
      entityRef: 'component:default/billing-api',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-03T00:00:00.000Z',
      points: [point('2026-11-01', 0.75), point('2026-11-03', null)],
    });
    const none = { allLanguagesHitRate: null };
    expect(rows).toEqual([
      {
        day: '2026-11-01',
        hitRate: 75,
        effectiveHitRate: 37.5,
        runs: 2,
        ...none,
      },
      {
        day: '2026-11-02',
        hitRate: null,
        effectiveHitRate: null,
        runs: 0,
        ...none,
      },
      {
        day: '2026-11-03',
        hitRate: null,
        effectiveHitRate: null,
        runs: 2,
        ...none,
      },
    ]);
  });

  it("keeps days summed over all languages apart from Rust's rates", () => {
    const rows = toHitRateRows({
      entityRef: 'component:default/billing-api',
      from: '2026-11-01',
      to: '2026-11-02',
      points: [
        { ...point('2026-11-01', 0.5), languagesMixed: true },
        point('2026-11-02', 0.75),
      ],
    });
    expect(rows).toEqual([
      {
        day: '2026-11-01',
        hitRate: null,
        effectiveHitRate: null,
        allLanguagesHitRate: 50,
        runs: 2,
      },
      {
        day: '2026-11-02',
        hitRate: 75,
        effectiveHitRate: 37.5,
        allLanguagesHitRate: null,
        runs: 2,
      },
    ]);
  });

  it('falls back to the points themselves when the range cannot be read', () => {
    const rows = toHitRateRows({
      entityRef: 'component:default/billing-api',
      from: 'garbage',
      to: '2026-11-03',
      points: [point('2026-11-03', 1), point('2026-11-01', 0.5)],
    });
    expect(rows.map(r => r.day)).toEqual(['2026-11-01', '2026-11-03']);
  });
});
