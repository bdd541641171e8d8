import { LoggerService } from '@backstage/backend-plugin-api';
import {
  FLEET_LIMITS,
  FleetCompileTime,
  fleetCompileTime,
  FleetFragmentation,
  fleetFragmentation,
  FleetTimeSaved,
  fleetTimeSaved,
  fleetTimeSavedFromDay,
  FleetToolchainDrift,
  fleetToolchainDrift,
  normalizeEntityRef,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { FleetStore } from './FleetStore';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Who a pre-warm schedule covers (the pre-warm feature's enrolment). */
export interface FleetPrewarmCoverage {
  enrolledEntityRefs(): Promise<Set<string>>;
}

interface CacheEntry {
  computedAt: number;
  value: Promise<unknown>;
  refreshing: boolean;
}

/**
 * `view(value)`, the same object for the same `value` and `limit`: answers are then
 * identical objects, whose JSON the router keeps (see `fleetRouter.ts`).
 */
class LimitedViews<T extends object, V> {
  private readonly views = new WeakMap<T, Map<number, V>>();

  get(value: T, limit: number, view: (value: T) => V): V {
    let byLimit = this.views.get(value);
    if (!byLimit) {
      byLimit = new Map();
      this.views.set(value, byLimit);
    }
    let result = byLimit.get(limit);
    if (result === undefined) {
      result = view(value);
      byLimit.set(limit, result);
    }
    return result;
  }
}

/**
 * The four fleet views. Each is computed over the whole fleet (the latest CI report of
 * every linked service, or every CI report of a window) and then served from memory:
 * after `refreshMs` the next request starts a recomputation in the background and is
 * answered with the previous result, so no request waits on a fleet-wide read but the
 * first one of each view and parameter. Results say when they were computed.
 */
export class FleetService {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly compileTimeViews = new LimitedViews<
    FleetCompileTime,
    FleetCompileTime
  >();
  private readonly fragmentationViews = new LimitedViews<
    FleetFragmentation,
    FleetFragmentation
  >();

  constructor(
    private readonly options: {
      store: FleetStore;
      /** Absent when the pre-warm feature is not there: nothing counts as covered. */
      prewarm?: FleetPrewarmCoverage;
      /** The policy's `baseline.rustRelease`, null when it sets none. */
      baseline: string | null;
      refreshMs: number;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async compileTime(options: {
    days: number;
    limit: number;
  }): Promise<FleetCompileTime> {
    const result = await this.cached(
      `compile-time:${options.days}`,
      async () => {
        const computedAt = this.now();
        const from = new Date(computedAt.getTime() - options.days * DAY_MS);
        const [reports, prewarmed] = await Promise.all([
          this.options.store.listCiTimings({ from }),
          this.prewarmed(),
        ]);
        return {
          computedAt: computedAt.toISOString(),
          days: options.days,
          from: from.toISOString(),
          ...fleetCompileTime({
            reports,
            prewarmed,
            limit: FLEET_LIMITS.limit.max,
          }),
        };
      },
    );
    return this.compileTimeViews.get(result, options.limit, value => ({
      ...value,
      crates: value.crates.slice(0, options.limit),
    }));
  }

  async toolchains(): Promise<FleetToolchainDrift> {
    return this.cached('toolchains', async () => {
      const computedAt = this.now();
      const latest = await this.options.store.listLatestCiReports();
      return {
        computedAt: computedAt.toISOString(),
        ...fleetToolchainDrift({ latest, baseline: this.options.baseline }),
      };
    });
  }

  async fragmentation(options: { limit: number }): Promise<FleetFragmentation> {
    const result = await this.cached('fragmentation', async () => {
      const computedAt = this.now();
      const latest = await this.options.store.listLatestCiReports();
      return {
        computedAt: computedAt.toISOString(),
        ...fleetFragmentation({ latest, limit: FLEET_LIMITS.limit.max }),
      };
    });
    return this.fragmentationViews.get(result, options.limit, value => ({
      ...value,
      fingerprints: value.fingerprints.slice(0, options.limit),
    }));
  }

  async timeSaved(options: { weeks: number }): Promise<FleetTimeSaved> {
    return this.cached(`time-saved:${options.weeks}`, async () => {
      const now = this.now();
      const days = await this.options.store.listDailySavings({
        fromDay: fleetTimeSavedFromDay(now, options.weeks),
      });
      return {
        computedAt: now.toISOString(),
        ...fleetTimeSaved({ days, now, weeks: options.weeks }),
      };
    });
  }

  private async prewarmed(): Promise<Set<string>> {
    if (!this.options.prewarm) return new Set();
    const refs = await this.options.prewarm.enrolledEntityRefs();
    return new Set([...refs].map(normalizeEntityRef));
  }

  /**
   * The cached value of `key`, computing it on the first request; a stale one is
   * answered while it is recomputed. A failed recomputation keeps the previous value (and
   * is logged); a failed first computation is not kept, so the next request tries again.
   */
  private async cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const entry = this.cache.get(key);
    const now = this.now().getTime();
    if (!entry) {
      const value = compute();
      this.cache.set(key, { computedAt: now, value, refreshing: false });
      value.catch(() => {
        if (this.cache.get(key)?.value === value) this.cache.delete(key);
      });
      return value;
    }
    if (!entry.refreshing && now - entry.computedAt >= this.options.refreshMs) {
      entry.refreshing = true;
      compute().then(
        value => {
          this.cache.set(key, {
            computedAt: this.now().getTime(),
            value: Promise.resolve(value),
            refreshing: false,
          });
        },
        error => {
          entry.refreshing = false;
          entry.computedAt = this.now().getTime();
          this.options.logger.warn(
            `Could not recompute the fleet view ${key}: ${error}`,
          );
        },
      );
    }
    return entry.value as Promise<T>;
  }
}
