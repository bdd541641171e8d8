import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import express from 'express';
import { Knex } from 'knex';
import { DatabaseFleetStore } from './DatabaseFleetStore';
import { createFleetRouter } from './fleetRouter';
import { FleetPrewarmCoverage, FleetService } from './FleetService';

export type { FleetPrewarmCoverage } from './FleetService';

/** `rustBuildCache.fleet.refreshSeconds`: how long a computed fleet view is served. */
export function readFleetRefreshMs(config: RootConfigService): number {
  const key = 'rustBuildCache.fleet.refreshSeconds';
  const seconds = config.getOptionalNumber(key) ?? 300;
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 86_400) {
    throw new Error(
      `Invalid config at ${key}: must be a whole number of seconds from 0 to 86400, got ${seconds}`,
    );
  }
  return seconds * 1000;
}

/**
 * The fleet insights, wired: store, service and routes. Its read model joins the tables
 * of the reports and catalog features in SQL (one query per view).
 */
export async function createFleetFeature(options: {
  config: RootConfigService;
  /** Migrated by `migrateDatabase`. */
  db: Knex;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  logger: LoggerService;
  baseline: string | null;
  prewarm: FleetPrewarmCoverage;
}): Promise<{ service: FleetService; router: express.Router }> {
  const service = new FleetService({
    store: await DatabaseFleetStore.create(options.db),
    prewarm: options.prewarm,
    baseline: options.baseline,
    refreshMs: readFleetRefreshMs(options.config),
    logger: options.logger,
  });
  return {
    service,
    router: createFleetRouter({
      httpAuth: options.httpAuth,
      permissions: options.permissions,
      fleet: service,
    }),
  };
}
