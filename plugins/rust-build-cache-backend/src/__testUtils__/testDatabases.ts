import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DatabaseEntityLinkStore } from '../catalog/DatabaseEntityLinkStore';
import { migrateDatabase } from '../database/migrations';
import { DatabaseExemptionStore } from '../policy/DatabaseExemptionStore';
import { DatabasePolicyInputs } from '../policy/DatabasePolicyInputs';
import { DatabasePolicyResults } from '../policy/DatabasePolicyResults';
import { DatabasePrewarmRunStore } from '../prewarm/DatabasePrewarmRunStore';
import { DatabasePrewarmScheduleStore } from '../prewarm/DatabasePrewarmScheduleStore';
import { DatabasePullStateStore } from '../pull/DatabasePullStateStore';
import { DatabaseReportStore } from '../reports/DatabaseReportStore';
import { DatabaseWarmBuildReports } from '../reports/DatabaseWarmBuildReports';
import { DatabaseSnapshotStore } from '../snapshot/DatabaseSnapshotStore';

export { createTestDatabases } from '@rust-build-cache/plugin-rust-build-cache-node/testUtils';

/** The plugin's database migrated as the plugin does at start (`migrateDatabase`). */
export function migrateTestDatabase(knex: Knex): Promise<Knex> {
  return migrateDatabase(
    mockServices.database({ knex, migrations: { skip: false } }),
  );
}

/** Every feature's stores on one database (tests cross features, the plugin wires them). */
export interface TestStores {
  reports: DatabaseReportStore;
  warmBuilds: DatabaseWarmBuildReports;
  entityLinks: DatabaseEntityLinkStore;
  pullState: DatabasePullStateStore;
  snapshots: DatabaseSnapshotStore;
  policyInputs: DatabasePolicyInputs;
  policyResults: DatabasePolicyResults;
  exemptions: DatabaseExemptionStore;
  prewarmSchedules: DatabasePrewarmScheduleStore;
  prewarmRuns: DatabasePrewarmRunStore;
}

/** {@link TestStores} on a test database, migrated first. */
export async function createTestStores(knex: Knex): Promise<TestStores> {
  const db = await migrateTestDatabase(knex);
  const entityLinks = await DatabaseEntityLinkStore.create(db);
  const snapshots = await DatabaseSnapshotStore.create(db);
  const reports = await DatabaseReportStore.create(db);
  return {
    reports,
    warmBuilds: await DatabaseWarmBuildReports.create(db, reports),
    entityLinks,
    pullState: await DatabasePullStateStore.create(db),
    snapshots,
    policyInputs: await DatabasePolicyInputs.create(db, {
      entityLinks,
      snapshots,
    }),
    policyResults: await DatabasePolicyResults.create(db),
    exemptions: await DatabaseExemptionStore.create(db),
    prewarmSchedules: await DatabasePrewarmScheduleStore.create(db),
    prewarmRuns: await DatabasePrewarmRunStore.create(db),
  };
}
