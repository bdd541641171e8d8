import {
  validateReport,
  type BuildCacheReport,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import auditLogCold from './real-reports/audit-log-cold.json';
import auditLogWarm from './real-reports/audit-log-warm.json';
import billingApiCold from './real-reports/billing-api-cold.json';
import billingApiWarm from './real-reports/billing-api-warm.json';
import edgeGatewayFirst from './real-reports/edge-gateway-first.json';
import edgeGatewayWarm from './real-reports/edge-gateway-warm.json';
import ledgerWorkerCold from './real-reports/ledger-worker-cold.json';
import ledgerWorkerWarm from './real-reports/ledger-worker-warm.json';
import notifyWorkerCold from './real-reports/notify-worker-cold.json';
import notifyWorkerWarm from './real-reports/notify-worker-warm.json';
import rateLimiterRustflagsChanged from './real-reports/rate-limiter-rustflags-changed.json';
import rateLimiterWarm from './real-reports/rate-limiter-warm.json';
import searchIndexerWarm from './real-reports/search-indexer-warm.json';

/**
 * The demo history: for each demo service, a few CI runs a day over the last weeks. Every
 * run replays one of the reports recorded from real cargo builds through sccache
 * (scripts/record-demo-reports.ts): the statistics, toolchain, lockfile and settings are real; only
 * the run identity and time are set per run. Demo runs are marked as such: job
 * `demo-data`, run ids starting with `demo-`.
 */

export const DEMO_JOB = 'demo-data';

const DAY_MS = 24 * 60 * 60 * 1000;

interface DemoService {
  /** Used in run ids. */
  slug: string;
  /** Which recorded report the run on a given day replays (0 = today). */
  runFor(daysAgo: number, runOfDay: number): unknown;
  days: number;
  runsPerDay: number;
}

const services: DemoService[] = [
  {
    // Healthy: warm every day, a cold cache once a week (the cache was cleared).
    slug: 'billing-api',
    days: 60,
    runsPerDay: 3,
    runFor: (daysAgo, run) =>
      daysAgo % 7 === 3 && run === 0 ? billingApiCold : billingApiWarm,
  },
  {
    // Incremental compilation left on: the workspace crate is never cached.
    slug: 'ledger-worker',
    days: 45,
    runsPerDay: 2,
    runFor: (daysAgo, run) =>
      daysAgo % 10 === 5 && run === 0 ? ledgerWorkerCold : ledgerWorkerWarm,
  },
  {
    // Toolchain pin and the rustc CI used disagree.
    slug: 'search-indexer',
    days: 20,
    runsPerDay: 1,
    runFor: () => searchIndexerWarm,
  },
  {
    // Monorepo workspace on the shared cache: its first build found the dependencies warm.
    slug: 'edge-gateway',
    days: 60,
    runsPerDay: 2,
    runFor: (daysAgo, run) =>
      daysAgo === 59 && run === 0 ? edgeGatewayFirst : edgeGatewayWarm,
  },
  {
    // RUSTFLAGS changed two days ago: every key missed, and compare-runs shows why.
    slug: 'rate-limiter',
    days: 30,
    runsPerDay: 2,
    runFor: (daysAgo, run) =>
      daysAgo === 1 && run === 0
        ? rateLimiterRustflagsChanged
        : rateLimiterWarm,
  },
  {
    // CI runs a nightly rustc although the pin says 1.95.0: a second toolchain in the fleet.
    slug: 'notify-worker',
    days: 21,
    runsPerDay: 2,
    runFor: (daysAgo, run) =>
      daysAgo === 20 && run === 0 ? notifyWorkerCold : notifyWorkerWarm,
  },
  {
    // Its own RUSTFLAGS: the same Cargo.lock as ledger-worker and rate-limiter, another key.
    // Cold once a fortnight (its cache entries evicted, as a size-bounded cache does).
    slug: 'audit-log',
    days: 30,
    runsPerDay: 1,
    runFor: daysAgo => (daysAgo % 14 === 3 ? auditLogCold : auditLogWarm),
  },
];

function replay(
  recorded: unknown,
  service: DemoService,
  day: Date,
  runOfDay: number,
): BuildCacheReport {
  const template = recorded as BuildCacheReport;
  const dayLabel = day.toISOString().slice(0, 10);
  // Runs spread over the working day, UTC.
  const finishedAt = new Date(day.getTime() + (9 + runOfDay * 3) * 3_600_000);
  const durationMs =
    template.source.startedAt === null
      ? 0
      : Date.parse(template.source.finishedAt) -
        Date.parse(template.source.startedAt);
  const runId = `demo-${service.slug}-${dayLabel}-${runOfDay + 1}`;
  return {
    ...template,
    source: {
      ...template.source,
      branch: 'main',
      // The builds ran outside any repository: there is no commit to show.
      commit: null,
      ci: {
        ...template.source.ci,
        provider: 'generic',
        runId,
        runAttempt: 1,
        job: DEMO_JOB,
        url: null,
      },
      startedAt: new Date(finishedAt.getTime() - durationMs).toISOString(),
      finishedAt: finishedAt.toISOString(),
    },
  };
}

/**
 * All demo reports up to `now`, oldest first. Throws when a recorded report no longer
 * validates (after a schema change: re-record them).
 */
export function buildDemoReports(now: Date): BuildCacheReport[] {
  const today = Date.UTC(
    now.getUTCFullYear(),
    now.getUTCMonth(),
    now.getUTCDate(),
  );
  const reports: BuildCacheReport[] = [];
  for (const service of services) {
    for (let daysAgo = service.days - 1; daysAgo >= 0; daysAgo--) {
      for (let run = 0; run < service.runsPerDay; run++) {
        const report = replay(
          service.runFor(daysAgo, run),
          service,
          new Date(today - daysAgo * DAY_MS),
          run,
        );
        if (Date.parse(report.source.finishedAt) > now.getTime()) continue;
        const validation = validateReport(report);
        if (!validation.ok) {
          throw new Error(
            `demo report ${
              report.source.ci.runId
            } is invalid: ${validation.issues
              .map(issue => `${issue.path}: ${issue.message}`)
              .join('; ')}`,
          );
        }
        reports.push(validation.report);
      }
    }
  }
  return reports.sort(
    (a, b) => Date.parse(a.source.finishedAt) - Date.parse(b.source.finishedAt),
  );
}
