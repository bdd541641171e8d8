import {
  AuditorService,
  AuthService,
  DatabaseService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PolicyConfig } from '@rust-build-cache/plugin-rust-build-cache-common';
import express from 'express';
import { ReportSourceKey } from '../database/RustBuildCacheStore';
import { DatabasePolicyStore } from './DatabasePolicyStore';
import { ExemptionService } from './ExemptionService';
import { readPolicyConfig, readScorecardsSchedule } from './policyConfig';
import { createPolicyRouter } from './policyRouter';
import { PolicyService, PrewarmEnrollment } from './PolicyService';
import { PolicyStore } from './PolicyStore';
import { schedulePolicyTasks } from './policyTasks';

export type { PrewarmEnrollment } from './PolicyService';

/**
 * The policy scorecards, wired: reads and validates `rustBuildCache.policy` first (an
 * invalid policy throws, which stops the backend), then builds the store, services and
 * routes. Create it after `DatabaseRustBuildCacheStore`, which runs the migrations.
 */
export async function createPolicyFeature(options: {
  config: RootConfigService;
  database: DatabaseService;
  catalog: CatalogService;
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  logger: LoggerService;
  scheduler: SchedulerService;
  /** Absent until the pre-warm feature provides it: the rule is then not applicable. */
  prewarmEnrollment?: PrewarmEnrollment;
  /** Wraps the store the service writes through, e.g. to notify on lost levels. */
  decorateStore?: (store: PolicyStore, policy: PolicyConfig) => PolicyStore;
}): Promise<{
  service: PolicyService;
  store: PolicyStore;
  /** For the `onStored` listeners of reports and snapshots: queues the linked entities. */
  onSourceChanged: (source: ReportSourceKey) => Promise<void>;
  scheduleTasks: () => Promise<void>;
  router: express.Router;
}> {
  const { config, database, catalog, auth, httpAuth, permissions, logger } =
    options;
  const { policy, source } = readPolicyConfig(config);
  const schedule = readScorecardsSchedule(config);
  const databaseStore = await DatabasePolicyStore.create({ database });
  const store = options.decorateStore?.(databaseStore, policy) ?? databaseStore;
  const service = new PolicyService({
    policy,
    source,
    store,
    catalog,
    auth,
    logger,
    prewarmEnrollment: options.prewarmEnrollment,
  });
  const exemptions = new ExemptionService({
    policy,
    store,
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
    store,
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
