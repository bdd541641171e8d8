import {
  combineRunMetrics,
  ConsumerRunStats,
  RunMetrics,
  WarmGroupEffect,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { ReportSourceKey } from '@rust-build-cache/plugin-rust-build-cache-common';
import { PrewarmContext } from './prewarmContext';

/** Consumers after a warm job below this effective hit rate: their keys do not match. */
export const KEY_MISMATCH_THRESHOLD = 0.5;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The measured effect of warm jobs: the consumers' CI runs before and after each group's
 * latest successful warm job, over windows of the same length.
 */
export class PrewarmEffect {
  constructor(private readonly context: PrewarmContext) {}

  async effect(options: { days: number }): Promise<WarmGroupEffect[]> {
    const now = this.context.now();
    const windowMs = options.days * DAY_MS;
    const warmJobs = await this.context.runStore.getLatestSucceededJobs({
      since: new Date(now.getTime() - windowMs),
    });
    const effects: WarmGroupEffect[] = [];
    for (const { job, finishedAt } of warmJobs) {
      const sources = await this.sourcesOf(job.entityRefs);
      const warmStart = job.startedAt ? new Date(job.startedAt) : finishedAt;
      // The same length on both sides: from the warm job until now, at most `days`.
      const lengthMs = Math.max(
        1,
        Math.min(now.getTime() - finishedAt.getTime(), windowMs),
      );
      const [before, after] = await Promise.all([
        this.context.reports.listConsumerRuns({
          sources,
          from: new Date(warmStart.getTime() - lengthMs),
          to: warmStart,
        }),
        this.context.reports.listConsumerRuns({
          sources,
          from: finishedAt,
          to: new Date(finishedAt.getTime() + lengthMs + 1),
        }),
      ]);
      const afterStats = consumerStats(after);
      let keyMismatch: WarmGroupEffect['keyMismatch'] = null;
      if (
        afterStats.effectiveHitRate !== null &&
        afterStats.effectiveHitRate < KEY_MISMATCH_THRESHOLD
      ) {
        const worst = [...after]
          .filter(run => run.metrics?.effectiveHitRate !== null && run.metrics)
          .sort(
            (a, b) =>
              a.metrics!.effectiveHitRate! - b.metrics!.effectiveHitRate!,
          )[0];
        keyMismatch = {
          message: `After the warm job, ${
            afterStats.runs
          } consumer CI runs still had an effective hit rate of ${Math.round(
            afterStats.effectiveHitRate * 100,
          )}%: their cache keys do not match the warm build's (toolchain, target, profile, RUSTFLAGS, CARGO_* variables, cache location or Cargo.lock differ). Compare a consumer run with the warm build to see which.`,
          compare:
            job.reportId && worst
              ? { base: job.reportId, head: worst.id }
              : null,
        };
      }
      effects.push({
        groupId: job.groupId,
        key: job.key,
        entityRefs: job.entityRefs,
        lastWarmJob: {
          id: job.id,
          finishedAt: job.finishedAt,
          cacheWrites: job.cacheWrites,
          reportId: job.reportId,
        },
        before: consumerStats(before),
        after: afterStats,
        keyMismatch,
      });
    }
    return effects.sort(
      (a, b) =>
        (b.lastWarmJob?.finishedAt ?? '').localeCompare(
          a.lastWarmJob?.finishedAt ?? '',
        ) || a.groupId.localeCompare(b.groupId),
    );
  }

  private async sourcesOf(entityRefs: string[]): Promise<ReportSourceKey[]> {
    const sources: ReportSourceKey[] = [];
    for (const entityRef of entityRefs) {
      const link = await this.context.entityLinks.getEntityLink({ entityRef });
      if (link) sources.push(link.source);
    }
    return sources;
  }
}

function consumerStats(
  runs: Array<{ metrics: RunMetrics | null; buildSeconds: number | null }>,
): ConsumerRunStats {
  const combined = combineRunMetrics(
    runs.flatMap(run => (run.metrics ? [run.metrics] : [])),
  );
  const seconds = runs.flatMap(run =>
    run.buildSeconds === null ? [] : [run.buildSeconds],
  );
  return {
    runs: runs.length,
    hitRate: combined.hitRate,
    effectiveHitRate: combined.effectiveHitRate,
    meanBuildSeconds: seconds.length
      ? seconds.reduce((a, b) => a + b, 0) / seconds.length
      : null,
  };
}
