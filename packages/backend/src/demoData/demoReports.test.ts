import {
  computeRunMetrics,
  hitRates,
  type BuildCacheReport,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDemoReports, DEMO_JOB } from './demoReports';

const DAY_MS = 24 * 3_600_000;

function serviceOf(report: BuildCacheReport): string {
  return `${report.source.repository.name}:${report.source.workspacePath}`;
}

/** The effective hit rate over the last `runs` runs of each service, as the policy rule sums it. */
function windowRates(reports: BuildCacheReport[], runs: number) {
  const byService = new Map<string, BuildCacheReport[]>();
  for (const report of reports) {
    const key = serviceOf(report);
    byService.set(key, [...(byService.get(key) ?? []), report]);
  }
  const rates = new Map<string, number | null>();
  for (const [key, history] of byService) {
    const totals = { hits: 0, misses: 0, avoidableNotCached: 0 };
    for (const report of history.slice(-runs)) {
      const metrics = computeRunMetrics(report.sccache!);
      totals.hits += metrics.hits;
      totals.misses += metrics.misses;
      totals.avoidableNotCached += metrics.avoidableNotCached;
    }
    rates.set(key, hitRates(totals).effectiveHitRate);
  }
  return rates;
}

describe('buildDemoReports', () => {
  const now = new Date('2026-11-27T15:00:00Z');
  const reports = buildDemoReports(now);

  it('covers every demo service, each run marked as demo data', () => {
    const repositories = new Set(
      reports.map(
        r =>
          `${r.source.repository.owner}/${r.source.repository.name}:${r.source.workspacePath}`,
      ),
    );
    expect([...repositories].sort()).toEqual([
      'acme-demo/billing-api:.',
      'acme-demo/ledger-worker:.',
      'acme-demo/platform-monorepo:services/audit',
      'acme-demo/platform-monorepo:services/gateway',
      'acme-demo/platform-monorepo:services/limiter',
      'acme-demo/platform-monorepo:services/notify',
      'acme-demo/search-indexer:.',
    ]);
    for (const report of reports) {
      expect(report.source.ci.job).toBe(DEMO_JOB);
      expect(report.source.ci.runId).toMatch(/^demo-/);
    }
  });

  it('has no run in the future and unique run ids, so reseeding is idempotent', () => {
    expect(
      reports.every(r => Date.parse(r.source.finishedAt) <= now.getTime()),
    ).toBe(true);
    const ids = reports.map(r => r.source.ci.runId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(buildDemoReports(now)).toEqual(reports);
  });

  it('replays the real sccache statistics: warm runs hit, the RUSTFLAGS change misses', () => {
    const limiter = reports.filter(
      r => r.source.workspacePath === 'services/limiter',
    );
    const metrics = limiter.map(r => computeRunMetrics(r.sccache!));
    expect(metrics.some(m => m.hitRate === 1)).toBe(true);
    const changed = limiter.filter(r => r.build.env.rustflags.set);
    expect(changed).toHaveLength(1);
    expect(computeRunMetrics(changed[0].sccache!).hits).toBe(0);
  });

  it('replays only recorded reports: every run is one of real-reports/*.json but for its identity and time', () => {
    const dir = join(__dirname, 'real-reports');
    const recorded = readdirSync(dir).map(file =>
      JSON.parse(readFileSync(join(dir, file), 'utf8')),
    );
    const withoutIdentity = ({ source, ...rest }: BuildCacheReport) => ({
      ...rest,
      repository: source.repository,
      workspacePath: source.workspacePath,
    });
    const known = new Set(
      recorded.map(report => JSON.stringify(withoutIdentity(report))),
    );
    const replayed = new Set(
      reports.map(report => JSON.stringify(withoutIdentity(report))),
    );
    for (const report of replayed) expect(known.has(report)).toBe(true);
    // And every recording is used somewhere in the history.
    expect(replayed.size).toBe(known.size);
  });

  it('varies as real CI does: code changes, re-runs, a new dependency, a cleared cache', () => {
    const billing = reports.filter(
      r => r.source.repository.name === 'billing-api',
    );
    const dailyRate = new Map<string, number>();
    for (const report of billing) {
      const day = report.source.finishedAt.slice(0, 10);
      const metrics = computeRunMetrics(report.sccache!);
      dailyRate.set(
        day,
        (dailyRate.get(day) ?? 0) +
          metrics.hits / (metrics.hits + metrics.misses),
      );
    }
    const rates = [...dailyRate.values()];
    // More than a handful of distinct days, and no weekly cycle: some day differs from
    // the same weekday a week later.
    expect(new Set(rates.map(rate => rate.toFixed(3))).size).toBeGreaterThan(4);
    expect(
      rates.some((rate, i) => i + 7 < rates.length && rate !== rates[i + 7]),
    ).toBe(true);
    // The same day and run replay the same recording from another day's start.
    // (Replays are validated against the real clock: compare with an earlier start.)
    const earlier = buildDemoReports(new Date(now.getTime() - DAY_MS));
    const ids = new Map(earlier.map(r => [r.source.ci.runId, r]));
    // Before the policy's window of the earlier start, for the services whose history has
    // no event fixed by position (such as its first run).
    const drawn = [
      'billing-api',
      'ledger-worker',
      'search-indexer',
      'audit-log',
    ];
    const shared = reports.filter(
      r =>
        r.source.finishedAt < '2026-11-16' &&
        ids.has(r.source.ci.runId) &&
        drawn.some(slug => r.source.ci.runId.startsWith(`demo-${slug}-`)),
    );
    expect(shared.length).toBeGreaterThan(100);
    for (const report of shared) {
      expect(ids.get(report.source.ci.runId)!.sccache).toEqual(report.sccache);
    }
  });

  it("keeps each service's result under the policy's hit-rate rule (last 10 runs, 80%) on every day the demo starts", () => {
    const reference = windowRates(reports, 10);
    for (let day = 1; day <= 30; day++) {
      const rates = windowRates(
        buildDemoReports(new Date(now.getTime() - day * DAY_MS)),
        10,
      );
      for (const [service, rate] of reference) {
        expect({ service, day, passes: rates.get(service)! >= 0.8 }).toEqual({
          service,
          day,
          passes: rate! >= 0.8,
        });
      }
    }
  });

  it('keeps one Cargo.lock per service in the last 10 days: the warm plan reads the latest run', () => {
    const recent = reports.filter(
      r => Date.parse(r.source.finishedAt) > now.getTime() - 10 * DAY_MS,
    );
    const fingerprints = new Map<string, Set<string | null | undefined>>();
    for (const report of recent) {
      const key = serviceOf(report);
      fingerprints.set(
        key,
        (fingerprints.get(key) ?? new Set()).add(
          report.dependencies?.fingerprint,
        ),
      );
    }
    expect(fingerprints.size).toBe(7);
    for (const [service, set] of fingerprints) {
      expect({ service, lockfiles: set.size }).toEqual({
        service,
        lockfiles: 1,
      });
    }
    // Older history has the commit that added a dependency (and its revert).
    expect(
      new Set(
        reports
          .filter(r => r.source.repository.name === 'billing-api')
          .map(r => r.dependencies?.fingerprint),
      ).size,
    ).toBe(2);
  });
});
