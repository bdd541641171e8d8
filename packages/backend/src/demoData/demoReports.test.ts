import { computeRunMetrics } from '@rust-build-cache/plugin-rust-build-cache-common';
import { buildDemoReports, DEMO_JOB } from './demoReports';

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
});
