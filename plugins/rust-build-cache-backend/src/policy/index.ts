import {
  AuditorService,
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PolicyConfig } from '@rust-build-cache/plugin-rust-build-cache-common';
import { ReportSourceKey } from '@rust-build-cache/plugin-rust-build-cache-common';
import express from 'express';
import { Knex } from 'knex';
import { EntityLinkStore } from '../catalog';
import { SnapshotStore } from '../snapshot';
import { DatabaseExemptionStore } from './DatabaseExemptionStore';
import { DatabasePolicyInputs } from './DatabasePolicyInputs';
import { DatabasePolicyResults } from './DatabasePolicyResults';
import { ExemptionService } from './ExemptionService';
import { readPolicyConfig, readScorecardsSchedule } from './policyConfig';
import { createPolicyRouter } from './policyRouter';
import { PolicyService, PrewarmEnrollment } from './PolicyService';
import { ExemptionStore, PolicyResultStore } from './PolicyStore';
import { schedulePolicyTasks } from './policyTasks';

export type { PrewarmEnrollment, PolicyService } from './PolicyService';
export type {
  ExemptionStore,
  PolicyResultStore,
  StoredExemption,
  StoredPolicyResult,
} from './PolicyStore';
export { POLICY_EVALUATION_TASK_ID } from './policyTasks';

/**
 * The policy scorecards, wired: reads and validates `rustBuildCache.policy` first (an
 * invalid policy throws, which stops the backend), then builds the store, services and
 * routes (tables of results, daily snapshots, exemptions and their audit). Reads the
 * entity links and repository snapshots through those features' stores.
 */
export async function createPolicyFeature(options: {
  config: RootConfigService;
  /** Migrated by `migrateDatabase`. */
  db: Knex;
  /** The catalog feature's: the entities linked to a source. */
  entityLinks: Pick<
    EntityLinkStore,
    'listLinkedEntityRefs' | 'listLinkedEntityRefsBySource'
  >;
  /** The snapshot feature's: the latest repository snapshots. */
  snapshots: Pick<SnapshotStore, 'listLatestSnapshots'>;
  catalog: CatalogService;
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  logger: LoggerService;
  scheduler: SchedulerService;
  /** The pre-warm feature's enrolment; absent, the `prewarm-enrolled` rule is not applicable. */
  prewarmEnrollment?: PrewarmEnrollment;
  /** Wraps the results store the service writes through, e.g. to notify on lost levels. */
  decorateResults?: (
    results: PolicyResultStore,
    policy: PolicyConfig,
  ) => PolicyResultStore;
}): Promise<{
  service: PolicyService;
  exemptions: ExemptionStore;
  /** Queues entities for evaluation in the background (new reports, a new link). */
  requestEvaluation: (entityRefs: Iterable<string>) => void;
  /** For the snapshots' listener: queues the entities linked to the source. */
  onSourceChanged: (source: ReportSourceKey) => Promise<void>;
  scheduleTasks: () => Promise<void>;
  router: express.Router;
}> {
  const { config, db, catalog, auth, httpAuth, permissions, logger } = options;
  const { policy, source } = readPolicyConfig(config);
  const schedule = readScorecardsSchedule(config);
  const inputs = await DatabasePolicyInputs.create(db, {
    entityLinks: options.entityLinks,
    snapshots: options.snapshots,
  });
  const storedResults = await DatabasePolicyResults.create(db);
  const results =
    options.decorateResults?.(storedResults, policy) ?? storedResults;
  const exemptionStore = await DatabaseExemptionStore.create(db);
  const service = new PolicyService({
    policy,
    source,
    inputs,
    results,
    exemptions: exemptionStore,
    catalog,
    auth,
    logger,
    prewarmEnrollment: options.prewarmEnrollment,
  });
  const exemptions = new ExemptionService({
    policy,
    store: exemptionStore,
    evaluator: service,
    catalog,
    auth,
    logger,
  });
  logger.info(
    `Caching policy (${
      source === 'config' ? 'rustBuildCache.policy' : 'built-in default'
    }): ${policy.rules.length} rules, levels ${
      policy.levels.map(level => level.id).join(', ') || '(none)'
    }`,
  );
  return {
    service,
    exemptions: exemptionStore,
    requestEvaluation: entityRefs => service.requestEvaluation(entityRefs),
    onSourceChanged: changed => service.onSourceChanged(changed),
    scheduleTasks: () =>
      schedulePolicyTasks({
        scheduler: options.scheduler,
        logger,
        policy: service,
        schedule,
      }),
    router: await createPolicyRouter({
      httpAuth,
      permissions,
      auditor: options.auditor,
      policy: service,
      exemptions,
    }),
  };
}
