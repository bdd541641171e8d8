import {
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import express from 'express';
import { Knex } from 'knex';
import { EntityLinkService } from '../catalog';
import { DatabaseReportStore } from './DatabaseReportStore';
import { DatabaseWarmBuildReports } from './DatabaseWarmBuildReports';
import {
  ReportIngestionService,
  ReportsStoredListener,
} from './ReportIngestionService';
import { ReportStore, WarmBuildReports } from './ReportStore';
import { createRouter } from './reportsRouter';
import { scheduleReportsTasks } from './reportsTasks';
import { RetentionService } from './RetentionService';
import { RunQueryService } from './RunQueryService';
import { isPostgres } from '../lib/dbValues';

export { describeCiIngestionAccess } from './ciIngestionAccess';
export type {
  ReportIngestionService,
  StoredReport,
} from './ReportIngestionService';
export type {
  ConsumerRun,
  ReportStore,
  StoredRun,
  WarmBuildReports,
} from './ReportStore';
export type { RunQueryService } from './RunQueryService';
export { RETENTION_TASK_ID, SPLIT_ROLLUPS_TASK_ID } from './reportsTasks';

/**
 * The reports, wired: ingestion (pushed and pulled), the read side of the API, retention
 * and the daily rollups (tables `reports`, `daily_rollups` and their read models).
 */
export async function createReportsFeature(options: {
  /** Migrated by `migrateDatabase`. */
  db: Knex;
  settings: {
    maxReportBytes: number;
    maxBatchReports: number;
    maxBatchBytes: number;
    reportRetentionDays: number;
    rollupRetentionDays: number;
    preparedStatements: boolean;
  };
  /** The catalog feature's: resolves and links the sources of entities and reports. */
  links: EntityLinkService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  logger: LoggerService;
  scheduler: SchedulerService;
}): Promise<{
  store: ReportStore;
  /** For pre-warming: warm builds' own reports and their consumers' runs. */
  warmBuilds: WarmBuildReports;
  ingestion: ReportIngestionService;
  runs: RunQueryService;
  router: express.Router;
  /**
   * Adds a listener told once per stored batch (e.g. to mark the linked entities'
   * policy results stale); a failure is logged, never fails the ingest.
   */
  onReportsStored(listener: ReportsStoredListener): void;
  scheduleTasks(): Promise<void>;
}> {
  const { db, settings, links, logger, scheduler } = options;
  const store = await DatabaseReportStore.create(db, {
    preparedStatements: settings.preparedStatements,
  });
  const listeners: ReportsStoredListener[] = [];
  const ingestion = new ReportIngestionService(store, {
    onStoredBatch: async stored => {
      for (const listener of listeners) await listener(stored);
    },
    linkOnPush: sources => links.linkOnPushMany(sources),
    logger,
    // PostgreSQL: a batch is one statement, a round trip the event loop only waits for;
    // batch requests (50 reports × 8 clients in bench/ingest.ts) fill 256 and spend ~25 %
    // less CPU per report than with 64. SQLite writes synchronously on the event loop: a
    // larger batch only holds it longer (no gain measured), so the default stays.
    ...(isPostgres(db) ? { maxBatchSize: 256 } : {}),
  });
  const runs = new RunQueryService({ store, entityLinks: links });
  const retention = new RetentionService({
    store,
    logger,
    reportRetentionDays: settings.reportRetentionDays,
    rollupRetentionDays: settings.rollupRetentionDays,
  });
  return {
    store,
    warmBuilds: await DatabaseWarmBuildReports.create(db, store),
    ingestion,
    runs,
    router: await createRouter({
      httpAuth: options.httpAuth,
      permissions: options.permissions,
      auditor: options.auditor,
      ingestion,
      runs,
      maxReportBytes: settings.maxReportBytes,
      maxBatchReports: settings.maxBatchReports,
      maxBatchBytes: settings.maxBatchBytes,
    }),
    onReportsStored: listener => listeners.push(listener),
    scheduleTasks: () =>
      scheduleReportsTasks({ scheduler, logger, retention, store }),
  };
}
