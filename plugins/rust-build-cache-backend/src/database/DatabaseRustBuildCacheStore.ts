import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { DatabaseEntityLinkStore } from '../catalog/DatabaseEntityLinkStore';
import { DatabasePullStateStore } from '../pull/DatabasePullStateStore';
import { DatabaseReportStore } from '../reports/DatabaseReportStore';
import { DatabaseSnapshotStore } from '../snapshot/DatabaseSnapshotStore';
import { RustBuildCacheStore } from './RustBuildCacheStore';
import { useSqliteWriteAheadLog } from '../lib/sqliteSettings';

const migrationsDir = resolvePackagePath(
  '@rust-build-cache/plugin-rust-build-cache-backend',
  'migrations',
);

/** Knex implementation of {@link RustBuildCacheStore}, for SQLite and PostgreSQL. */
export class DatabaseRustBuildCacheStore implements RustBuildCacheStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseRustBuildCacheStore> {
    const { database } = options;
    const client = await database.getClient();
    await useSqliteWriteAheadLog(client);
    if (!database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseRustBuildCacheStore(client);
  }

  private readonly reports: DatabaseReportStore;
  private readonly entityLinks: DatabaseEntityLinkStore;
  private readonly pullState: DatabasePullStateStore;
  private readonly snapshots: DatabaseSnapshotStore;

  private constructor(db: Knex) {
    this.reports = new DatabaseReportStore(db);
    this.entityLinks = new DatabaseEntityLinkStore(db);
    this.pullState = new DatabasePullStateStore(db);
    this.snapshots = new DatabaseSnapshotStore(db);
  }

  readonly insertRuns: DatabaseReportStore['insertRuns'] = (...args) =>
    this.reports.insertRuns(...args);
  readonly getRun: DatabaseReportStore['getRun'] = (...args) =>
    this.reports.getRun(...args);
  readonly getLatestRun: DatabaseReportStore['getLatestRun'] = (...args) =>
    this.reports.getLatestRun(...args);
  readonly listRuns: DatabaseReportStore['listRuns'] = (...args) =>
    this.reports.listRuns(...args);
  readonly getDailyRollups: DatabaseReportStore['getDailyRollups'] = (
    ...args
  ) => this.reports.getDailyRollups(...args);
  readonly splitLegacyRollups: DatabaseReportStore['splitLegacyRollups'] = (
    ...args
  ) => this.reports.splitLegacyRollups(...args);
  readonly listUnmatchedSources: DatabaseReportStore['listUnmatchedSources'] = (
    ...args
  ) => this.reports.listUnmatchedSources(...args);
  readonly deleteRunsFinishedBefore: DatabaseReportStore['deleteRunsFinishedBefore'] =
    (...args) => this.reports.deleteRunsFinishedBefore(...args);
  readonly deleteRollupsBefore: DatabaseReportStore['deleteRollupsBefore'] = (
    ...args
  ) => this.reports.deleteRollupsBefore(...args);
  readonly replaceEntityLinks: DatabaseEntityLinkStore['replaceEntityLinks'] = (
    ...args
  ) => this.entityLinks.replaceEntityLinks(...args);
  readonly upsertEntityLink: DatabaseEntityLinkStore['upsertEntityLink'] = (
    ...args
  ) => this.entityLinks.upsertEntityLink(...args);
  readonly getEntityLink: DatabaseEntityLinkStore['getEntityLink'] = (
    ...args
  ) => this.entityLinks.getEntityLink(...args);
  readonly getLinkedEntityRef: DatabaseEntityLinkStore['getLinkedEntityRef'] = (
    ...args
  ) => this.entityLinks.getLinkedEntityRef(...args);
  readonly listLinkedEntityRefsBySource: DatabaseEntityLinkStore['listLinkedEntityRefsBySource'] =
    (...args) => this.entityLinks.listLinkedEntityRefsBySource(...args);
  readonly getPullCursor: DatabasePullStateStore['getPullCursor'] = (...args) =>
    this.pullState.getPullCursor(...args);
  readonly setPullCursor: DatabasePullStateStore['setPullCursor'] = (...args) =>
    this.pullState.setPullCursor(...args);
  readonly getEntityPullStatus: DatabasePullStateStore['getEntityPullStatus'] =
    (...args) => this.pullState.getEntityPullStatus(...args);
  readonly upsertEntityPullStatuses: DatabasePullStateStore['upsertEntityPullStatuses'] =
    (...args) => this.pullState.upsertEntityPullStatuses(...args);
  readonly getRepositorySnapshot: DatabaseSnapshotStore['getRepositorySnapshot'] =
    (...args) => this.snapshots.getRepositorySnapshot(...args);
  readonly saveRepositorySnapshot: DatabaseSnapshotStore['saveRepositorySnapshot'] =
    (...args) => this.snapshots.saveRepositorySnapshot(...args);
  readonly listRepositorySnapshotChanges: DatabaseSnapshotStore['listRepositorySnapshotChanges'] =
    (...args) => this.snapshots.listRepositorySnapshotChanges(...args);
}
