import { LoggerService } from '@backstage/backend-plugin-api';
import { ReportSourceKey } from '@rust-build-cache/plugin-rust-build-cache-common';
import { normalizeEntityRef, sourceKeyString } from '../catalog';
import { PolicyInputs } from './PolicyStore';

/** Entities evaluated together: one read of their inputs, one transaction of results. */
const EVALUATION_BATCH_SIZE = 500;

/**
 * Batches start at least this far apart: under a steady stream of reports, what gets
 * marked meanwhile is coalesced (an entity with many reports a second is evaluated once a
 * second, not once per report), and evaluation takes a bounded share of the CPU. After a
 * quiet period the first mark is evaluated at once.
 */
export const MIN_BATCH_INTERVAL_MS = 1000;

/**
 * Entities (and sources, whose linked entities are looked up when drained) whose policy
 * result is stale, each once however often marked, with the time it became stale. One
 * drain at a time evaluates them in the background in batches: what is marked while a
 * batch is evaluated is coalesced into the next one, so a burst of reports costs a few
 * batch evaluations, not one per report. Failures are logged.
 *
 * The marks live in this replica's memory: the replica that stored a report evaluates its
 * entity (an evaluation is idempotent, so two replicas evaluating one entity store the
 * same result). A mark lost in a crash is caught up by the scheduled full evaluation.
 */
export class EvaluationQueue {
  /** Stale entity → when it became stale (ms). */
  private readonly pendingEntities = new Map<string, number>();
  /** Changed source (by `sourceKeyString`) → the source and when it changed. */
  private readonly pendingSources = new Map<
    string,
    { source: ReportSourceKey; since: number }
  >();
  /** Entities of the batch being evaluated → since when they are stale. */
  private readonly evaluating = new Map<string, number>();
  private draining: Promise<void> | undefined;
  private lastBatchAt = 0;
  /** How many wait for the queue to empty: while any do, no waiting between batches. */
  private waiters = 0;
  private wakeUp: (() => void) | undefined;

  constructor(
    private readonly options: {
      store: Pick<PolicyInputs, 'listLinkedEntityRefsBySource'>;
      logger: LoggerService;
      /** Evaluates and stores a batch of entities; may throw for the whole batch. */
      evaluateBatch(entityRefs: string[]): Promise<unknown>;
      /** Evaluates one entity: after a batch failed, each of its entities alone. */
      evaluate(entityRef: string): Promise<unknown>;
    },
  ) {}

  /** Marks entities stale; they are evaluated in the background. */
  request(entityRefs: Iterable<string>): void {
    const now = Date.now();
    for (const ref of entityRefs) {
      const key = normalizeEntityRef(ref);
      if (!this.pendingEntities.has(key)) this.pendingEntities.set(key, now);
    }
    this.kick();
  }

  /** Marks the entities linked to a source stale (looked up when drained); never throws. */
  async onSourceChanged(source: ReportSourceKey): Promise<void> {
    const key = sourceKeyString(source);
    if (!this.pendingSources.has(key)) {
      this.pendingSources.set(key, { source, since: Date.now() });
    }
    this.kick();
  }

  /**
   * Since when this replica knows the entity's stored result to be stale (a report or
   * snapshot stored since it was evaluated), or null when it knows of nothing pending.
   */
  pendingSince(entityRef: string): Date | null {
    const key = normalizeEntityRef(entityRef);
    const since = this.pendingEntities.get(key) ?? this.evaluating.get(key);
    return since === undefined ? null : new Date(since);
  }

  /**
   * Resolves when the marked entities are evaluated (also those marked meanwhile),
   * without waiting out the interval between batches (e.g. at shutdown).
   */
  async whenIdle(): Promise<void> {
    this.waiters += 1;
    try {
      this.wakeUp?.();
      while (this.draining) await this.draining;
    } finally {
      this.waiters -= 1;
    }
  }

  private kick() {
    if (this.draining) return;
    if (this.pendingEntities.size === 0 && this.pendingSources.size === 0) {
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      this.kick();
    });
  }

  private async drain() {
    while (this.pendingSources.size > 0 || this.pendingEntities.size > 0) {
      const wait = this.lastBatchAt + MIN_BATCH_INTERVAL_MS - Date.now();
      if (wait > 0 && this.waiters === 0) {
        await new Promise<void>(resolve => {
          const timer = setTimeout(resolve, wait);
          this.wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wakeUp = undefined;
      }
      this.lastBatchAt = Date.now();
      await this.resolveSources();
      const batch = [...this.pendingEntities].slice(0, EVALUATION_BATCH_SIZE);
      for (const [ref, since] of batch) {
        this.pendingEntities.delete(ref);
        this.evaluating.set(ref, since);
      }
      try {
        await this.evaluateBatch(batch.map(([ref]) => ref));
      } finally {
        this.evaluating.clear();
      }
    }
  }

  /** The entities linked to the changed sources, in one read. */
  private async resolveSources() {
    if (this.pendingSources.size === 0) return;
    const sources = [...this.pendingSources.values()];
    this.pendingSources.clear();
    try {
      const linked = await this.options.store.listLinkedEntityRefsBySource({
        sources: sources.map(s => s.source),
      });
      for (const { source, since } of sources) {
        for (const ref of linked.get(sourceKeyString(source)) ?? []) {
          const key = normalizeEntityRef(ref);
          const before = this.pendingEntities.get(key);
          if (before === undefined || since < before) {
            this.pendingEntities.set(key, since);
          }
        }
      }
    } catch (error) {
      for (const { source } of sources) {
        this.options.logger.warn(
          `Could not queue the policy evaluation of ${source.repository} (${source.workspacePath}): ${error}`,
        );
      }
    }
  }

  private async evaluateBatch(refs: string[]) {
    if (refs.length === 0) return;
    try {
      await (refs.length === 1
        ? this.options.evaluate(refs[0])
        : this.options.evaluateBatch(refs));
      return;
    } catch (error) {
      if (refs.length === 1) {
        this.warn(refs[0], error);
        return;
      }
    }
    // One entity's failure must not keep the others stale: evaluate them one by one.
    for (const ref of refs) {
      try {
        await this.options.evaluate(ref);
      } catch (error) {
        this.warn(ref, error);
      }
    }
  }

  private warn(ref: string, error: unknown) {
    this.options.logger.warn(
      `Evaluating the caching policy for ${ref} failed: ${error}`,
    );
  }
}
