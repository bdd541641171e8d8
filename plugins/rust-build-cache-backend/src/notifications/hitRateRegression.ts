import {
  hitRates,
  RunMetrics,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { ReportSourceKey } from '@rust-build-cache/plugin-rust-build-cache-common';
import { EntityLinkStore, sourceKeyString } from '../catalog';
import { ReportStore, StoredRun } from '../reports';
import { buildCacheTabPath, NotificationSender } from './NotificationSender';

type RunWithMetrics = StoredRun & { metrics: RunMetrics };

/** A newly stored report and the entity its source is linked to (null: none). */
export interface StoredReportRef {
  id: string;
  source: ReportSourceKey;
  entityRef: string | null;
}

/** A window of CI runs that fell below the threshold after the window before it did not. */
export interface HitRateRegression {
  /** The Rust effective hit rate over the last N runs, and over the N before them. */
  recentRate: number;
  previousRate: number;
  /** The first run of the bad window below the threshold: where it started. */
  firstBadRun: StoredRun;
  /** The newest run before it at or above the threshold: the comparison's base. */
  lastGoodRun: StoredRun;
}

/**
 * Whether the last `runs` CI runs with sccache statistics (newest first, as stored) have a
 * Rust effective hit rate below `threshold` while the `runs` before them were at or above
 * it. Rates are over the summed counts, as the policy's `effective-hit-rate` rule computes
 * them, so a big run weighs more than a tiny one.
 */
export function findHitRateRegression(
  newestFirst: StoredRun[],
  options: { threshold: number; runs: number },
): HitRateRegression | null {
  const { threshold, runs } = options;
  const withMetrics = newestFirst.filter(
    (run): run is RunWithMetrics => run.kind === 'ci' && run.metrics !== null,
  );
  if (withMetrics.length < 2 * runs) return null;
  const recent = withMetrics.slice(0, runs);
  const previous = withMetrics.slice(runs, 2 * runs);
  const recentRate = windowRate(recent);
  const previousRate = windowRate(previous);
  if (recentRate === null || previousRate === null) return null;
  if (!(recentRate < threshold && previousRate >= threshold)) return null;

  const oldestFirst = [...recent, ...previous].reverse();
  const recentOldestFirst = oldestFirst.slice(runs);
  const firstBadRun =
    recentOldestFirst.find(run => isBelow(run, threshold)) ??
    recentOldestFirst[0];
  const before = oldestFirst.slice(0, oldestFirst.indexOf(firstBadRun));
  const lastGoodRun =
    [...before].reverse().find(run => !isBelow(run, threshold)) ??
    before[before.length - 1];
  return { recentRate, previousRate, firstBadRun, lastGoodRun };
}

function windowRate(runs: RunWithMetrics[]): number | null {
  const totals = { hits: 0, misses: 0, avoidableNotCached: 0 };
  for (const { metrics } of runs) {
    totals.hits += metrics.hits;
    totals.misses += metrics.misses;
    totals.avoidableNotCached += metrics.avoidableNotCached;
  }
  return hitRates(totals).effectiveHitRate;
}

function isBelow(run: RunWithMetrics, threshold: number): boolean {
  const rate = run.metrics.effectiveHitRate;
  return rate !== null && rate < threshold;
}

/** The entity tab opened on the comparison of `base` and `head`, as the frontend reads it. */
export function runComparisonPath(
  entityRef: string,
  compare: { base: string; head: string },
): string {
  const query = new URLSearchParams({
    compareBase: compare.base,
    compareHead: compare.head,
  });
  return `${buildCacheTabPath(entityRef)}?${query}`;
}

/**
 * A regression found when an entity gets linked is notified only if its newest run is this
 * recent: reports stored before their entity was linked (a new entity, or at start before
 * the catalog was read) still reach the owners the day it happens, old history does not.
 */
const LINKED_REGRESSION_MAX_AGE_MS = 2 * 24 * 60 * 60 * 1000;

/** Runs read per page, and at most, when an entity gets linked. */
const RUNS_PAGE = 100;
const MAX_RUNS_CHECKED_ON_LINK = 1000;

/**
 * Notifies the owners of an entity when its CI runs regressed below the policy's effective
 * hit-rate threshold: after the report that completes the bad window is stored, or, for
 * reports stored before the entity was linked, when the link appears.
 */
export class HitRateRegressionNotifier {
  constructor(
    private readonly options: {
      sender: NotificationSender;
      reports: Pick<ReportStore, 'listRuns'>;
      entityLinks: Pick<EntityLinkStore, 'getEntityLink'>;
      /** The policy's `effective-hit-rate` threshold; null without that rule. */
      threshold: number | null;
      runs: number;
      now?: () => Date;
    },
  ) {}

  /** `entityRef` as the ingest linked it: the link is not looked up again. */
  async onReportStored(stored: StoredReportRef): Promise<void> {
    await this.onReportsStored([stored]);
  }

  /**
   * The reports of one stored batch, in the order they were stored: one read of recent
   * runs per source, not per report. Each report is judged as if checked right after it
   * was stored, i.e. without the batch's reports stored after it.
   */
  async onReportsStored(stored: StoredReportRef[]): Promise<void> {
    if (!this.isActive()) return;
    const bySource = new Map<string, StoredReportRef[]>();
    for (const report of stored) {
      if (!report.entityRef) continue;
      const key = sourceKeyString(report.source);
      bySource.set(key, [...(bySource.get(key) ?? []), report]);
    }
    for (const reports of bySource.values()) {
      const all = await this.recentCiRuns(reports[0].source, reports.length);
      for (let i = 0; i < reports.length; i++) {
        const later = new Set(reports.slice(i + 1).map(r => r.id));
        const items = all.filter(run => !later.has(run.id));
        // Only the report that completes the bad window starts a notification: an older
        // report arriving late, or a pre-warm report, does not.
        const newest = items.find(run => run.metrics !== null);
        if (newest?.id !== reports[i].id) continue;
        await this.notifyIfRegressed(reports[i].entityRef!, items);
      }
    }
  }

  /**
   * Entities that just got a link: their already stored runs are checked once, as if each
   * recent run had been stored after the link. The newest recent run that completed a bad
   * window is notified, even when later runs recovered: that is what its owners would
   * have heard had the entity been linked when the runs arrived.
   */
  async onEntitiesLinked(entityRefs: string[]): Promise<void> {
    if (!this.isActive()) return;
    const now = (this.options.now ?? (() => new Date()))().getTime();
    const since = now - LINKED_REGRESSION_MAX_AGE_MS;
    for (const entityRef of entityRefs) {
      const link = await this.options.entityLinks.getEntityLink({ entityRef });
      if (!link) continue;
      const newestFirst = await this.ciRunsSince(link.source, since);
      for (let index = 0; index < newestFirst.length; index++) {
        const run = newestFirst[index];
        if (run.metrics === null) continue;
        if (Date.parse(run.finishedAt) < since) break;
        // The history as it was when this run was stored.
        if (await this.notifyIfRegressed(entityRef, newestFirst.slice(index))) {
          break;
        }
      }
    }
  }

  private isActive(): boolean {
    return (
      this.options.threshold !== null &&
      this.options.sender.isEnabled('hitRateRegression')
    );
  }

  /** `extra`: how many of the newest may be left out (stored later in the same batch). */
  private async recentCiRuns(
    source: ReportSourceKey,
    extra = 0,
  ): Promise<StoredRun[]> {
    // Reports without sccache statistics are skipped, so read a few more than 2N.
    const { items } = await this.options.reports.listRuns({
      source,
      kind: 'ci',
      limit: 4 * this.options.runs + extra,
      offset: 0,
    });
    return items;
  }

  /**
   * The CI runs of `source` newest first: all that finished at or after `since`, and the
   * 2N with statistics before them that the oldest of those needs to be checked (at most
   * MAX_RUNS_CHECKED_ON_LINK in all).
   */
  private async ciRunsSince(
    source: ReportSourceKey,
    since: number,
  ): Promise<StoredRun[]> {
    const collected: StoredRun[] = [];
    let olderWithMetrics = 0;
    while (collected.length < MAX_RUNS_CHECKED_ON_LINK) {
      const { items } = await this.options.reports.listRuns({
        source,
        kind: 'ci',
        limit: RUNS_PAGE,
        offset: collected.length,
      });
      collected.push(...items);
      for (const run of items) {
        if (run.metrics !== null && Date.parse(run.finishedAt) < since) {
          olderWithMetrics++;
        }
      }
      if (
        items.length < RUNS_PAGE ||
        olderWithMetrics >= 2 * this.options.runs
      ) {
        break;
      }
    }
    return collected;
  }

  /** True when the runs show a regression (whether or not it was sent before today). */
  private async notifyIfRegressed(
    entityRef: string,
    newestFirst: StoredRun[],
  ): Promise<boolean> {
    const { sender, runs } = this.options;
    const threshold = this.options.threshold!;
    const regression = findHitRateRegression(newestFirst, { threshold, runs });
    if (!regression) return false;
    await sender.send(
      regressionNotification(entityRef, regression, threshold, runs),
    );
    return true;
  }
}

function regressionNotification(
  entityRef: string,
  regression: HitRateRegression,
  threshold: number,
  runs: number,
) {
  const { firstBadRun, lastGoodRun, recentRate, previousRate } = regression;
  const name = entityRef.slice(entityRef.indexOf('/') + 1);
  return {
    kind: 'hitRateRegression' as const,
    subject: entityRef,
    recipients: [entityRef],
    severity: 'high' as const,
    title: `Build cache hit rate of ${name} fell below ${percent(threshold)}`,
    description:
      `The Rust effective hit rate of the last ${runs} CI runs is ${percent(
        recentRate,
      )}; the ${runs} before them had ${percent(previousRate)}. ` +
      `It started with ${describeRun(firstBadRun)}. ` +
      `The link compares it with the last good run, ${describeRun(
        lastGoodRun,
      )}, and shows what changed the cache keys.`,
    link: runComparisonPath(entityRef, {
      base: lastGoodRun.id,
      head: firstBadRun.id,
    }),
  };
}

function describeRun(run: StoredRun): string {
  const commit = run.commit ? ` at ${run.commit.slice(0, 7)}` : '';
  const branch = run.branch ? ` on ${run.branch}` : '';
  return `run ${run.runId} (job ${run.job}${branch}${commit}, finished ${run.finishedAt})`;
}

export function percent(fraction: number): string {
  return `${Math.round(fraction * 1000) / 10}%`;
}
