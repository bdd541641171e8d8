import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  toPolicyReport,
  encodePolicyRun,
  toPolicyRun,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import { DatabasePolicyResults } from '../policy/DatabasePolicyResults';
import { DatabaseReportStore } from '../reports/DatabaseReportStore';
import { makeReport } from '../__testUtils__/reports';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { toNewRun } from '../reports/ReportIngestionService';

jest.setTimeout(60_000);

const migrationsDir = resolvePackagePath(
  '@rust-build-cache/plugin-rust-build-cache-backend',
  'migrations',
);

/** The last migration before the read models (policy inputs, sources, rule outcomes). */
const BEFORE_READ_MODELS = '20261206180000_notifications_sent.js';

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'read model migrations (%s)',
  databaseId => {
    let knex: Knex;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
    });

    afterEach(async () => {
      await knex.destroy();
    });

    async function migrateTo(name: string) {
      for (;;) {
        const [, pending] = await knex.migrate.list({
          directory: migrationsDir,
        });
        const next = pending[0];
        if (!next) throw new Error(`${name} is not a pending migration`);
        await knex.migrate.up({ directory: migrationsDir });
        if (next.file === name) return;
      }
    }

    it('backfill the policy projection, source counts and rule outcomes of existing rows', async () => {
      await migrateTo(BEFORE_READ_MODELS);
      // Rows as the previous version wrote them: reports without projections, results
      // with their outcomes only in outcomes_json.
      const reports = Array.from({ length: 5 }, (_, i) =>
        makeReport({
          repository: { host: 'github.com', owner: 'acme', name: 'platform' },
          workspacePath: i < 3 ? 'services/a' : 'services/b',
          runId: `r${i}`,
          kind: i === 4 ? 'prewarm' : 'ci',
          finishedAt: new Date(Date.UTC(2026, 10, 1 + i)).toISOString(),
        }),
      );
      const ids = reports.map(
        (_, i) => `00000000-0000-4000-8000-00000000000${i}`,
      );
      await knex('reports').insert(
        reports.map((report, i) => {
          const run = toNewRun(report, new Date(Date.UTC(2026, 10, 10)));
          return {
            id: ids[i],
            idempotency_key: run.idempotencyKey,
            repository: run.source.repository,
            workspace_path: run.source.workspacePath,
            kind: report.kind,
            provider: report.source.ci.provider,
            run_id: report.source.ci.runId,
            run_attempt: 1,
            job: report.source.ci.job,
            finished_at: new Date(report.source.finishedAt),
            received_at: new Date(Date.UTC(2026, 10, 10)),
            report_json: JSON.stringify(report),
          };
        }),
      );
      const outcomes = {
        'reports-fresh': 'warn',
        'rustc-wrapper-sccache': 'pass',
      };
      await knex('policy_results').insert({
        entity_ref: 'component:default/a',
        owner: null,
        level: null,
        passed: 1,
        failed: 0,
        warned: 1,
        exempt: 0,
        not_applicable: 0,
        insufficient_data: 0,
        outcomes_json: JSON.stringify(outcomes),
        evaluated_at: new Date(Date.UTC(2026, 10, 10)),
      });

      await knex.migrate.latest({ directory: migrationsDir });

      const projections = await knex('report_policy_inputs').orderBy(
        'report_id',
      );
      expect(projections.map(p => p.report_id)).toEqual(ids);
      expect(projections.map(p => JSON.parse(p.policy_json))).toEqual(
        reports.map(r => JSON.parse(JSON.stringify(toPolicyReport(r)))),
      );
      // Converted by the policy runs' migration, after the projections were filled.
      expect(projections.map(p => JSON.parse(p.run_json))).toEqual(
        reports.map(r =>
          JSON.parse(JSON.stringify(encodePolicyRun(toPolicyRun(r)))),
        ),
      );
      const store = await DatabaseReportStore.create(knex);
      expect(await store.listUnmatchedSources()).toEqual([
        {
          repository: 'github.com/acme/platform',
          workspacePath: 'services/b',
          reports: 2,
          lastFinishedAt: '2026-11-05T00:00:00.000Z',
        },
        {
          repository: 'github.com/acme/platform',
          workspacePath: 'services/a',
          reports: 3,
          lastFinishedAt: '2026-11-03T00:00:00.000Z',
        },
      ]);
      const policy = await DatabasePolicyResults.create(knex);
      expect(
        (
          await policy.listResultRows({
            filter: { ruleId: 'reports-fresh' },
          })
        ).items.map(r => r.entityRef),
      ).toEqual(['component:default/a']);
      expect(
        (
          await policy.listResultRows({
            filter: { ruleId: 'rustc-wrapper-sccache' },
          })
        ).total,
      ).toBe(0);

      // And down again, by name.
      await knex.migrate.rollback({ directory: migrationsDir }, true);
      for (const table of [
        'report_policy_inputs',
        'report_sources',
        'policy_rule_outcomes',
      ]) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }
    });
  },
);
