import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ciRunsNeeded,
  EntityScorecard,
  evaluatePolicy,
  PolicyConfig,
  PolicyExemption,
  RUST_BUILD_CACHE_WORKSPACE_ANNOTATION,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { normalizeEntityRef, streamAnnotatedEntities } from '../catalog';
import { addDays, utcDay } from '../lib/utcDays';
import {
  ExemptionStore,
  PolicyInputs,
  PolicyResultStore,
  sourceKeyString,
  StoredPolicyResult,
} from './PolicyStore';
import { groupExemptions, isActiveAt } from './exemptionsAt';
import { pipelinedBatches } from './pipelinedBatches';
import {
  ENTITY_FIELDS,
  EVALUATION_BATCH_SIZE,
  EvaluationTarget,
  toStoredResult,
  toTarget,
} from './policyTargets';
import { toScorecard } from './scorecards';

/** Pre-warm enrolment, built by the pre-warm feature; absent until it exists. */
export interface PrewarmEnrollment {
  /** Lower-case refs of the entities enrolled in nightly pre-warming. */
  enrolledEntityRefs(): Promise<Set<string>>;
}

/** How long an incremental evaluation may reuse the enrolled entities. */
const ENROLMENT_CACHE_MS = 60_000;

/** Daily snapshots older than this are deleted by the full evaluation. */
const SNAPSHOT_RETENTION_DAYS = 400;

/**
 * Evaluates the policy for catalog entities from their stored reports, repository
 * snapshots and exemptions, and stores the results with a daily snapshot.
 */
export class PolicyEvaluator {
  private enrolledCache: { at: number; refs: Set<string> } | undefined;

  constructor(
    private readonly options: {
      policy: PolicyConfig;
      inputs: PolicyInputs;
      results: PolicyResultStore;
      exemptions: Pick<ExemptionStore, 'listExemptions'>;
      catalog: CatalogService;
      auth: AuthService;
      prewarmEnrollment?: PrewarmEnrollment;
      now: () => Date;
    },
  ) {}

  /**
   * The enrolled entities, or null while pre-warming does not exist. Incremental
   * evaluations reuse a recent answer: computing it may read the whole catalog.
   */
  private async enrolled(maxAgeMs: number): Promise<Set<string> | null> {
    const enrollment = this.options.prewarmEnrollment;
    if (!enrollment) return null;
    const cached = this.enrolledCache;
    if (cached && Date.now() - cached.at <= maxAgeMs) return cached.refs;
    const refs = new Set(
      [...(await enrollment.enrolledEntityRefs())].map(normalizeEntityRef),
    );
    this.enrolledCache = { at: Date.now(), refs };
    return refs;
  }

  /**
   * Evaluates one entity now and stores its result; an entity that is no longer in the
   * catalog (or lost the workspace annotation) has its result dropped. Null then.
   */
  async evaluateEntity(entityRef: string): Promise<EntityScorecard | null> {
    const { catalog, auth } = this.options;
    const ref = normalizeEntityRef(entityRef);
    const entity = await catalog.getEntityByRef(ref, {
      credentials: await auth.getOwnServiceCredentials(),
    });
    if (
      !entity?.metadata.annotations?.[RUST_BUILD_CACHE_WORKSPACE_ANNOTATION]
    ) {
      await this.options.results.deleteResults({ entityRefs: [ref] });
      return null;
    }
    const now = this.options.now();
    const target = toTarget(entity);
    const [enrolled, exemptions] = await Promise.all([
      this.enrolled(ENROLMENT_CACHE_MS),
      this.options.exemptions.listExemptions({
        entityRefs: [target.entityRef],
        state: 'active',
        now,
      }),
    ]);
    const [result] = await this.evaluateBatch(
      [target],
      enrolled,
      groupExemptions(exemptions),
      now,
    );
    await this.options.results.saveEvaluations({
      results: [result],
      day: utcDay(now),
    });
    return toScorecard(this.options.policy, result);
  }

  /**
   * {@link PolicyEvaluator.evaluateEntity} for several entities at once: one catalog
   * call, one read of their exemptions, one of their reports and snapshots, and one
   * transaction of results, whatever their number.
   */
  async evaluateEntities(entityRefs: string[]): Promise<void> {
    const { catalog, auth } = this.options;
    const refs = [...new Set(entityRefs.map(normalizeEntityRef))];
    if (refs.length === 0) return;
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: refs },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    const gone: string[] = [];
    const targets: EvaluationTarget[] = [];
    items.forEach((entity, index) => {
      if (
        entity?.metadata.annotations?.[RUST_BUILD_CACHE_WORKSPACE_ANNOTATION]
      ) {
        targets.push(toTarget(entity));
      } else {
        gone.push(refs[index]);
      }
    });
    if (gone.length > 0)
      await this.options.results.deleteResults({ entityRefs: gone });
    if (targets.length === 0) return;
    const now = this.options.now();
    const [enrolled, exemptions] = await Promise.all([
      this.enrolled(ENROLMENT_CACHE_MS),
      this.options.exemptions.listExemptions({
        entityRefs: targets.map(t => t.entityRef),
        state: 'active',
        now,
      }),
    ]);
    const results = await this.evaluateBatch(
      targets,
      enrolled,
      groupExemptions(exemptions),
      now,
    );
    await this.options.results.saveEvaluations({ results, day: utcDay(now) });
  }

  /**
   * Evaluates every catalog entity with the workspace annotation, in batches (a few
   * queries per batch, not per entity or rule), and drops the results of entities that
   * are gone from the catalog.
   */
  async evaluateAll(): Promise<{ evaluated: number; removed: number }> {
    const now = this.options.now();
    const day = utcDay(now);
    const [enrolled, exemptions] = await Promise.all([
      this.enrolled(0),
      this.options.exemptions.listExemptions({ state: 'active', now }),
    ]);
    const exemptionsByEntity = groupExemptions(exemptions);
    const seen = new Set<string>();
    // The database reads the next batch and writes the previous one while this process
    // evaluates; the first batches are evaluated while the catalog's later pages are still
    // coming. One read ahead: with the stored windows a batch's read is one query, and
    // every batch read ahead is more data that outlives the young generation's collections
    // (two ahead were faster when each read scanned every source's runs).
    await pipelinedBatches(
      this.annotatedTargetBatches(seen),
      {
        load: batch => this.loadInputs(batch),
        evaluate: (batch, inputs) =>
          this.evaluateLoaded(batch, inputs, enrolled, exemptionsByEntity, now),
        save: results =>
          this.options.results.saveEvaluations({
            results,
            day,
            inFullEvaluation: true,
          }),
      },
      { readsAhead: 1 },
    );
    const gone = (await this.options.results.listResultEntityRefs()).filter(
      ref => !seen.has(ref),
    );
    const removed = gone.length
      ? await this.options.results.deleteResults({ entityRefs: gone })
      : 0;
    // Every result left was evaluated now: the unchanged ones were not rewritten.
    await this.options.results.recordFullEvaluation({ evaluatedAt: now });
    // Stored windows of sources whose reports changed since, or are gone, are dropped.
    await this.options.inputs.deleteOutdatedWindows();
    // The trend reaches back 365 days at most.
    await this.options.results.deleteDailySnapshotsBefore({
      day: addDays(day, -SNAPSHOT_RETENTION_DAYS),
    });
    return { evaluated: seen.size, removed };
  }

  /**
   * Recomputes the trend's past days from the stored reports: for each of the `days` - 1
   * days before today, every annotated entity is evaluated as of the end of that day (its
   * reports finished by then, the exemptions active then), and the day's snapshot is
   * written where the day has none yet. Today's comes from the ordinary evaluation. What
   * is not kept historically is taken as it is now: the catalog entity, its repository
   * snapshot and pre-warm enrolment; an entity counts from its first report on, since
   * whether it was in the catalog before is not known.
   */
  async backfillTrend(options: {
    days: number;
  }): Promise<{ days: number; entities: number; snapshots: number }> {
    const today = utcDay(this.options.now());
    const [batches, enrolled, exemptions] = await Promise.all([
      this.annotatedBatchList(),
      this.enrolled(0),
      this.options.exemptions.listExemptions({
        state: 'all',
        now: this.options.now(),
      }),
    ]);
    let snapshots = 0;
    for (let back = options.days - 1; back >= 1; back--) {
      const day = addDays(today, -back);
      const endOfDay = new Date(`${addDays(day, 1)}T00:00:00.000Z`);
      const at = new Date(endOfDay.getTime() - 1);
      const exemptionsByEntity = groupExemptions(
        exemptions.filter(e => isActiveAt(e, at)),
      );
      for (const batch of batches) {
        const inputs = await this.loadInputs(batch, endOfDay);
        // A source is listed only with at least one run.
        const reported = batch.filter(
          t => t.source && inputs.reports.has(sourceKeyString(t.source)),
        );
        const results = this.evaluateLoaded(
          reported,
          inputs,
          enrolled,
          exemptionsByEntity,
          at,
        );
        snapshots += await this.options.results.addDailySnapshots({
          results,
          day,
        });
      }
    }
    const entities = batches.reduce((sum, batch) => sum + batch.length, 0);
    return { days: options.days, entities, snapshots };
  }

  /** All of {@link PolicyEvaluator.annotatedTargetBatches}: the trend backfill reads them per day. */
  private async annotatedBatchList(): Promise<EvaluationTarget[][]> {
    const batches: EvaluationTarget[][] = [];
    for await (const batch of this.annotatedTargetBatches(new Set())) {
      batches.push(batch);
    }
    return batches;
  }

  /**
   * Every catalog entity with the workspace annotation, once each, in batches of
   * evaluation, each as soon as the catalog's page holding it arrived, the next page asked
   * for meanwhile; `seen` collects the entity refs (an entity the catalog lists twice,
   * across pages, is evaluated once).
   */
  private async *annotatedTargetBatches(
    seen: Set<string>,
  ): AsyncGenerator<EvaluationTarget[]> {
    const { catalog, auth } = this.options;
    const pages = streamAnnotatedEntities(
      catalog,
      await auth.getOwnServiceCredentials(),
      ENTITY_FIELDS,
    );
    let batch: EvaluationTarget[] = [];
    let nextPage = pages.next();
    for (;;) {
      const { done, value: page } = await nextPage;
      if (done) break;
      // Fetched while this page's batches are read and evaluated. Its failure is thrown
      // when it is awaited; if the evaluation stops first, nobody awaits it.
      nextPage = pages.next();
      nextPage.catch(() => {});
      for (const entity of page) {
        const target = toTarget(entity);
        if (seen.has(target.entityRef)) continue;
        seen.add(target.entityRef);
        batch.push(target);
        if (batch.length === EVALUATION_BATCH_SIZE) {
          yield batch;
          batch = [];
        }
      }
    }
    if (batch.length > 0) yield batch;
  }

  private async evaluateBatch(
    targets: EvaluationTarget[],
    enrolled: Set<string> | null,
    exemptionsByEntity: Map<string, PolicyExemption[]>,
    now: Date,
  ): Promise<StoredPolicyResult[]> {
    return this.evaluateLoaded(
      targets,
      await this.loadInputs(targets),
      enrolled,
      exemptionsByEntity,
      now,
    );
  }

  /** The reports and repository facts of a batch: two kinds of queries, whatever its size. */
  private async loadInputs(targets: EvaluationTarget[], finishedBefore?: Date) {
    const sources = targets.flatMap(t => (t.source ? [t.source] : []));
    const [reports, facts] = await Promise.all([
      this.options.inputs.listRecentReports({
        sources,
        ciRuns: ciRunsNeeded(this.options.policy),
        finishedBefore,
      }),
      this.options.inputs.getRepositoryFacts({ sources }),
    ]);
    return { reports, facts };
  }

  private evaluateLoaded(
    targets: EvaluationTarget[],
    inputs: Awaited<ReturnType<PolicyEvaluator['loadInputs']>>,
    enrolled: Set<string> | null,
    exemptionsByEntity: Map<string, PolicyExemption[]>,
    now: Date,
  ): StoredPolicyResult[] {
    const { policy } = this.options;
    const { reports, facts } = inputs;
    return targets.map(target => {
      const key = target.source ? sourceKeyString(target.source) : undefined;
      // Parsed here, per entity: see StoredRecentReports.
      const recent = key ? reports.get(key)?.read() : undefined;
      const evaluation = evaluatePolicy({
        policy,
        input: {
          entity: target.entity,
          reports: recent?.reports ?? [],
          runs: recent?.runs ?? [],
          snapshot: (key && facts.get(key)) || null,
          now,
          prewarmEnrolled: enrolled ? enrolled.has(target.entityRef) : null,
        },
        exemptions: exemptionsByEntity.get(target.entityRef) ?? [],
      });
      return toStoredResult(target, evaluation, now);
    });
  }
}
