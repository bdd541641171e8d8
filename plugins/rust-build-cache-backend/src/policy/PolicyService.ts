import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityScorecard,
  PolicyConfig,
  PolicyResponse,
  ScorecardEntityPage,
  ScorecardSummary,
  ScorecardTrend,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { ReportSourceKey } from '@rust-build-cache/plugin-rust-build-cache-common';
import { EvaluationQueue } from './EvaluationQueue';
import { PolicyEvaluator, PrewarmEnrollment } from './PolicyEvaluator';
import {
  ExemptionStore,
  PolicyInputs,
  PolicyResultFilter,
  PolicyResultStore,
} from './PolicyStore';
import { ScorecardQueries } from './ScorecardQueries';

export type { PrewarmEnrollment } from './PolicyEvaluator';

/**
 * The policy feature's interface to its router, tasks and the other features: the
 * evaluator with its background queue, and the scorecards read model.
 */
export class PolicyService {
  private readonly evaluator: PolicyEvaluator;
  private readonly queue: EvaluationQueue;
  private readonly scorecards: ScorecardQueries;

  constructor(
    private readonly options: {
      policy: PolicyConfig;
      source: PolicyResponse['source'];
      inputs: PolicyInputs;
      results: PolicyResultStore;
      exemptions: Pick<ExemptionStore, 'listExemptions'>;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      prewarmEnrollment?: PrewarmEnrollment;
      now?: () => Date;
    },
  ) {
    const now = () => options.now?.() ?? new Date();
    this.evaluator = new PolicyEvaluator({ ...options, now });
    this.queue = new EvaluationQueue({
      store: options.inputs,
      logger: options.logger,
      evaluateBatch: refs => this.evaluator.evaluateEntities(refs),
      evaluate: ref => this.evaluator.evaluateEntity(ref),
    });
    this.scorecards = new ScorecardQueries({
      ...options,
      store: options.results,
      now,
    });
  }

  getPolicy(): PolicyResponse {
    return { policy: this.options.policy, source: this.options.source };
  }

  /** Evaluates one entity now and stores its result (null: no longer annotated). */
  evaluateEntity(entityRef: string): Promise<EntityScorecard | null> {
    return this.evaluator.evaluateEntity(entityRef);
  }

  /** Evaluates every annotated entity and drops the results of those gone. */
  evaluateAll(): Promise<{ evaluated: number; removed: number }> {
    return this.evaluator.evaluateAll();
  }

  /** Recomputes the trend's past days from the stored reports; see {@link PolicyEvaluator.backfillTrend}. */
  backfillTrend(
    days: number,
  ): Promise<{ days: number; entities: number; snapshots: number }> {
    return this.evaluator.backfillTrend({ days });
  }

  /**
   * Queues entities for evaluation in the background (after a stored report or
   * snapshot): coalesced, and evaluated in batches.
   */
  requestEvaluation(entityRefs: Iterable<string>): void {
    this.queue.request(entityRefs);
  }

  /** Queues the entities linked to a source (looked up in the background); never throws. */
  onSourceChanged(source: ReportSourceKey): Promise<void> {
    return this.queue.onSourceChanged(source);
  }

  /**
   * Since when this replica knows the entity's result to be stale (evaluation pending),
   * or null. Pending evaluations are coalesced and run in the background, batch after
   * batch, so this is at most about two batch evaluations ago.
   */
  pendingSince(entityRef: string): Date | null {
    return this.queue.pendingSince(entityRef);
  }

  /** Resolves when the queued evaluations are done (the shutdown hook waits for it). */
  whenIdle(): Promise<void> {
    return this.queue.whenIdle();
  }

  hasResults(): Promise<boolean> {
    return this.scorecards.hasResults();
  }

  getEntityScorecard(entityRef: string): Promise<EntityScorecard | null> {
    return this.scorecards.getEntityScorecard(entityRef);
  }

  getSummary(): Promise<ScorecardSummary> {
    return this.scorecards.getSummary();
  }

  listEntities(options: {
    filter: PolicyResultFilter;
    limit: number;
    offset: number;
  }): Promise<ScorecardEntityPage> {
    return this.scorecards.listEntities(options);
  }

  exportCsv(filter: PolicyResultFilter): Promise<string> {
    return this.scorecards.exportCsv(filter);
  }

  getTrend(days: number): Promise<ScorecardTrend> {
    return this.scorecards.getTrend(days);
  }
}
