import {
  validateReport,
  type BuildCacheReport,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import auditLogCold from './real-reports/audit-log-cold.json';
import auditLogCodeChange from './real-reports/audit-log-code-change.json';
import auditLogWarm from './real-reports/audit-log-warm.json';
import billingApiCold from './real-reports/billing-api-cold.json';
import billingApiCodeChange from './real-reports/billing-api-code-change.json';
import billingApiDependencyAdded from './real-reports/billing-api-dependency-added.json';
import billingApiWarm from './real-reports/billing-api-warm.json';
import edgeGatewayFirst from './real-reports/edge-gateway-first.json';
import edgeGatewayCodeChange from './real-reports/edge-gateway-code-change.json';
import edgeGatewayEvicted from './real-reports/edge-gateway-evicted.json';
import edgeGatewayWarm from './real-reports/edge-gateway-warm.json';
import ledgerWorkerCold from './real-reports/ledger-worker-cold.json';
import ledgerWorkerRelease from './real-reports/ledger-worker-release.json';
import ledgerWorkerReleaseCold from './real-reports/ledger-worker-release-cold.json';
import ledgerWorkerWarm from './real-reports/ledger-worker-warm.json';
import notifyWorkerCold from './real-reports/notify-worker-cold.json';
import notifyWorkerCodeChange from './real-reports/notify-worker-code-change.json';
import notifyWorkerWarm from './real-reports/notify-worker-warm.json';
import rateLimiterRustflagsChanged from './real-reports/rate-limiter-rustflags-changed.json';
import rateLimiterWarm from './real-reports/rate-limiter-warm.json';
import searchIndexerCodeChange from './real-reports/search-indexer-code-change.json';
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

/** A recorded report and how often ordinary runs replay it, relative to the others. */
type Mix = Array<[report: unknown, weight: number]>;

interface DemoService {
  /** Used in run ids. */
  slug: string;
  days: number;
  runsPerDay: number;
  /** Which recorded report a run replays (0 = today). */
  runFor(run: DemoRun): unknown;
}

interface DemoRun {
  daysAgo: number;
  /** The run of its day, from 0. */
  run: number;
  /** In [0, 1), fixed per service, calendar day and run: the same across restarts. */
  draw: number;
  /** Counts runs since 1970, so `serial % n` is stable across restarts too. */
  serial: number;
}

/**
 * The days of the policy's window (`effective-hit-rate` reads the last 10 runs, one a day
 * for the quietest services). Rare events (a cleared or evicted cache, a cold release
 * build) happen only before it, and there a small service commits to its own code (2 of
 * its 3 units hit) at most every third run: so each service keeps its policy result, the
 * one the browser tests expect, on every day the demo starts.
 */
const RECENT_DAYS = 10;

function rare({ daysAgo, draw }: DemoRun, probability: number): boolean {
  return daysAgo >= RECENT_DAYS && draw < probability;
}

/** A small service's run: a commit to its own code or a re-run that hits everything. */
function smallServiceRun(
  run: DemoRun,
  codeChange: unknown,
  warm: unknown,
): unknown {
  if (run.daysAgo < RECENT_DAYS) {
    return run.serial % 3 === 0 ? codeChange : warm;
  }
  return pick(
    [
      [codeChange, 60],
      [warm, 40],
    ],
    run.draw,
  );
}

/** Picks from a mix with a draw in [0, 1). */
function pick(mix: Mix, draw: number): unknown {
  const total = mix.reduce((sum, [, weight]) => sum + weight, 0);
  let left = draw * total;
  for (const [report, weight] of mix) {
    if (left < weight) return report;
    left -= weight;
  }
  return mix[mix.length - 1][0];
}

/**
 * Re-scales a draw that decided against a rare event (draw >= probability) to [0, 1),
 * so the ordinary pick stays uniform.
 */
function rest(draw: number, probability: number): number {
  return draw < probability
    ? draw / probability
    : (draw - probability) / (1 - probability);
}

const services: DemoService[] = [
  {
    // Healthy: mostly commits to its own code and re-runs that hit everything. Rarely, and
    // only before the policy's window: a commit that adds a dependency (Cargo.lock gains a
    // crate, which misses), reverted by the next one, so the keys are the old ones again
    // (the latest run decides the warm plan's key, which must stay the example
    // workspace's Cargo.lock); or a cold cache (the cache was cleared).
    slug: 'billing-api',
    days: 60,
    runsPerDay: 3,
    runFor: run => {
      if (rare(run, 0.075)) {
        return run.draw < 0.025 ? billingApiCold : billingApiDependencyAdded;
      }
      return pick(
        [
          [billingApiCodeChange, 60],
          [billingApiWarm, 40],
        ],
        rest(run.draw, 0.075),
      );
    },
  },
  {
    // Incremental compilation left on: the workspace crate is never cached in its two dev
    // builds a day. Its third run, the nightly release job, compiles without incremental
    // (the release profile's default), so there it is cached; its release entries are
    // cold now and then.
    slug: 'ledger-worker',
    days: 45,
    runsPerDay: 3,
    runFor: run => {
      if (run.run === 2) {
        return rare(run, 0.15) ? ledgerWorkerReleaseCold : ledgerWorkerRelease;
      }
      return rare(run, 0.05) ? ledgerWorkerCold : ledgerWorkerWarm;
    },
  },
  {
    // Toolchain pin and the rustc CI used disagree.
    slug: 'search-indexer',
    days: 20,
    runsPerDay: 1,
    runFor: run =>
      smallServiceRun(run, searchIndexerCodeChange, searchIndexerWarm),
  },
  {
    // Monorepo workspace on the shared cache: its first build found the dependencies warm;
    // now and then the size-bounded cache has evicted half of its entries.
    slug: 'edge-gateway',
    days: 60,
    runsPerDay: 2,
    runFor: run => {
      if (run.daysAgo === 59 && run.run === 0) return edgeGatewayFirst;
      return rare(run, 0.05)
        ? edgeGatewayEvicted
        : pick(
            [
              [edgeGatewayCodeChange, 60],
              [edgeGatewayWarm, 40],
            ],
            rest(run.draw, 0.05),
          );
    },
  },
  {
    // RUSTFLAGS changed yesterday: every key missed, and compare-runs shows why. Warm
    // otherwise, so that this stays the one regression of its history (the browser and
    // notification tests look for it).
    slug: 'rate-limiter',
    days: 30,
    runsPerDay: 2,
    runFor: ({ daysAgo, run }) =>
      daysAgo === 1 && run === 0
        ? rateLimiterRustflagsChanged
        : rateLimiterWarm,
  },
  {
    // CI runs a nightly rustc although the pin says 1.95.0: a second toolchain in the fleet.
    slug: 'notify-worker',
    days: 21,
    runsPerDay: 2,
    runFor: run =>
      run.daysAgo === 20 && run.run === 0
        ? notifyWorkerCold
        : smallServiceRun(run, notifyWorkerCodeChange, notifyWorkerWarm),
  },
  {
    // Its own RUSTFLAGS: the same Cargo.lock as ledger-worker and rate-limiter, another key.
    // Cold now and then (its cache entries evicted, as a size-bounded cache does).
    slug: 'audit-log',
    days: 30,
    runsPerDay: 1,
    runFor: run =>
      rare(run, 0.07)
        ? auditLogCold
        : smallServiceRun(
            { ...run, draw: rest(run.draw, 0.07) },
            auditLogCodeChange,
            auditLogWarm,
          ),
  },
];

/**
 * A deterministic number in [0, 1) for a key: FNV-1a, then a 32-bit mix (mulberry32's
 * finaliser), so that neighbouring days draw unrelated numbers.
 */
export function demoDraw(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  }
  let t = (hash + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

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
        const day = new Date(today - daysAgo * DAY_MS);
        const recorded = service.runFor({
          daysAgo,
          run,
          draw: demoDraw(
            `${service.slug}/${day.toISOString().slice(0, 10)}/${run}`,
          ),
          serial: (day.getTime() / DAY_MS) * service.runsPerDay + run,
        });
        const report = replay(recorded, service, day, run);
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
