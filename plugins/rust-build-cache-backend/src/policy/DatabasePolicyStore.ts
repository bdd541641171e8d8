import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { DatabaseExemptionStore } from './DatabaseExemptionStore';
import { DatabasePolicyInputs } from './DatabasePolicyInputs';
import { DatabasePolicyResults } from './DatabasePolicyResults';
import { PolicyStore } from './PolicyStore';

/**
 * Knex implementation of {@link PolicyStore}, for SQLite and PostgreSQL. Its tables are
 * created by the plugin's migrations, which `DatabaseRustBuildCacheStore.create` runs: create
 * that store first.
 */
export class DatabasePolicyStore implements PolicyStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabasePolicyStore> {
    return new DatabasePolicyStore(await options.database.getClient());
  }

  private readonly inputs: DatabasePolicyInputs;
  private readonly results: DatabasePolicyResults;
  private readonly exemptions: DatabaseExemptionStore;

  constructor(db: Knex) {
    this.inputs = new DatabasePolicyInputs(db);
    this.results = new DatabasePolicyResults(db);
    this.exemptions = new DatabaseExemptionStore(db);
  }

  readonly listRecentReports: DatabasePolicyInputs['listRecentReports'] = (
    ...args
  ) => this.inputs.listRecentReports(...args);
  readonly getRepositoryFacts: DatabasePolicyInputs['getRepositoryFacts'] = (
    ...args
  ) => this.inputs.getRepositoryFacts(...args);
  readonly listLinkedEntityRefs: DatabasePolicyInputs['listLinkedEntityRefs'] =
    (...args) => this.inputs.listLinkedEntityRefs(...args);
  readonly listLinkedEntityRefsBySource: DatabasePolicyInputs['listLinkedEntityRefsBySource'] =
    (...args) => this.inputs.listLinkedEntityRefsBySource(...args);
  readonly saveEvaluations: DatabasePolicyResults['saveEvaluations'] = (
    ...args
  ) => this.results.saveEvaluations(...args);
  readonly deleteResults: DatabasePolicyResults['deleteResults'] = (...args) =>
    this.results.deleteResults(...args);
  readonly listResultEntityRefs: DatabasePolicyResults['listResultEntityRefs'] =
    (...args) => this.results.listResultEntityRefs(...args);
  readonly getResult: DatabasePolicyResults['getResult'] = (...args) =>
    this.results.getResult(...args);
  readonly listResultRows: DatabasePolicyResults['listResultRows'] = (
    ...args
  ) => this.results.listResultRows(...args);
  readonly resultsVersion: DatabasePolicyResults['resultsVersion'] = (
    ...args
  ) => this.results.resultsVersion(...args);
  readonly summarise: DatabasePolicyResults['summarise'] = (...args) =>
    this.results.summarise(...args);
  readonly countDailySnapshots: DatabasePolicyResults['countDailySnapshots'] = (
    ...args
  ) => this.results.countDailySnapshots(...args);
  readonly addDailySnapshots: DatabasePolicyResults['addDailySnapshots'] = (
    ...args
  ) => this.results.addDailySnapshots(...args);
  readonly deleteDailySnapshotsBefore: DatabasePolicyResults['deleteDailySnapshotsBefore'] =
    (...args) => this.results.deleteDailySnapshotsBefore(...args);
  readonly createExemption: DatabaseExemptionStore['createExemption'] = (
    ...args
  ) => this.exemptions.createExemption(...args);
  readonly revokeExemption: DatabaseExemptionStore['revokeExemption'] = (
    ...args
  ) => this.exemptions.revokeExemption(...args);
  readonly getExemption: DatabaseExemptionStore['getExemption'] = (...args) =>
    this.exemptions.getExemption(...args);
  readonly listExemptions: DatabaseExemptionStore['listExemptions'] = (
    ...args
  ) => this.exemptions.listExemptions(...args);
  readonly listExemptionAudit: DatabaseExemptionStore['listExemptionAudit'] = (
    ...args
  ) => this.exemptions.listExemptionAudit(...args);
}
