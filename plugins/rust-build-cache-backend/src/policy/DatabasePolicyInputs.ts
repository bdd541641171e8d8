import {
  PolicyReport,
  PolicyRepositoryFacts,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import { chunks, compareStrings, DbTimestamp, toDate } from '../lib/dbValues';
import { ReportSourceKey } from '@rust-build-cache/plugin-rust-build-cache-common';
import { EntityLinkStore } from '../catalog';
import { SnapshotStore } from '../snapshot';
import { PolicyInputs, sourceKeyString } from './PolicyStore';

/** Sources per query: two bound values each, far below the bind-parameter limits. */
const SOURCE_CHUNK_SIZE = 500;
/**
 * Sources per UNION ALL statement (SQLite), 2 branches each: SQLite prepares each statement
 * anew, and preparing 400 branches cost more than running them (10,000 sources: 1.6 s of
 * 200 per statement, 0.9 s of 50, measured on the policy benchmark's database).
 */
const UNION_CHUNK_SIZE = 50;

/**
 * What the policy reads of other features: recent reports per source (the policy
 * projections stored at ingestion), and, through the snapshot and catalog features'
 * stores, repository facts from the latest snapshots and the entities linked to a source.
 */
export class DatabasePolicyInputs implements PolicyInputs {
  /** On a database the plugin's migrations were applied to (`migrateDatabase`). */
  static async create(
    db: Knex,
    features: {
      entityLinks: Pick<
        EntityLinkStore,
        'listLinkedEntityRefs' | 'listLinkedEntityRefsBySource'
      >;
      snapshots: Pick<SnapshotStore, 'listLatestSnapshots'>;
    },
  ): Promise<DatabasePolicyInputs> {
    return new DatabasePolicyInputs(db, features);
  }

  private constructor(
    private readonly db: Knex,
    private readonly features: {
      entityLinks: Pick<
        EntityLinkStore,
        'listLinkedEntityRefs' | 'listLinkedEntityRefsBySource'
      >;
      snapshots: Pick<SnapshotStore, 'listLatestSnapshots'>;
    },
  ) {}

  /** Some reads take a PostgreSQL-specific form that plans once for many sources. */
  private isPostgres(): boolean {
    return this.db.client.config.client === 'pg';
  }

  async listRecentReports(options: {
    sources: ReportSourceKey[];
    ciRuns: number;
    finishedBefore?: Date;
  }): Promise<Map<string, PolicyReport[]>> {
    const ciRuns = Math.max(1, Math.floor(options.ciRuns));
    const before = options.finishedBefore;
    // Only reports finished before a time: the policy's view of a past day (trend backfill).
    const cutoff = before ? ' and finished_at < ?' : '';
    const cutoffBindings = before ? [before] : [];
    const result = new Map<string, PolicyReport[]>();
    for (const chunk of chunks(
      uniqueSources(options.sources),
      this.isPostgres() ? SOURCE_CHUNK_SIZE : UNION_CHUNK_SIZE,
    )) {
      // Per source, two backward scans of report_policy_inputs_source_idx that stop after
      // their LIMIT: the last CI runs, and the latest report of another kind. PostgreSQL
      // gets the sources as two arrays and a lateral join (planned once, whatever the
      // chunk's size); SQLite one UNION ALL branch per source and kind. They read the
      // reports' policy projections (a few hundred bytes each), never whole reports. Other
      // kinds are the two ranges around 'ci' in the index: `kind <> 'ci'` would read every
      // CI run of the source.
      const columns =
        'select repository, workspace_path, finished_at, report_id as id, policy_json from report_policy_inputs';
      const newest = 'order by finished_at desc, report_id desc';
      let rows: PolicyInputRow[];
      if (this.isPostgres()) {
        // Grouped by source, newest first: no timestamp is parsed or compared here (a full
        // evaluation reads 110,000 rows).
        const { rows: ordered } = await this.db.raw(
          `select r.repository, r.workspace_path, r.policy_json from unnest(?::text[], ?::text[]) with ordinality as s(repository, workspace_path, n) cross join lateral (select * from (${columns} where repository = s.repository and workspace_path = s.workspace_path and kind = 'ci'${cutoff} ${newest} limit ${ciRuns}) c union all select * from (${columns} where repository = s.repository and workspace_path = s.workspace_path and (kind < 'ci' or kind > 'ci')${cutoff} ${newest} limit 1) x) r order by s.n, r.finished_at desc, r.id desc`,
          [
            chunk.map(source => source.repository),
            chunk.map(source => source.workspacePath),
            ...cutoffBindings,
            ...cutoffBindings,
          ],
        );
        rows = ordered;
      } else {
        const branches: string[] = [];
        const bindings: Array<string | Date> = [];
        chunk.forEach((source, i) => {
          branches.push(
            `select * from (${columns} where repository = ? and workspace_path = ? and kind = 'ci'${cutoff} ${newest} limit ${ciRuns}) as r${i}c`,
            `select * from (${columns} where repository = ? and workspace_path = ? and (kind < 'ci' or kind > 'ci')${cutoff} ${newest} limit 1) as r${i}x`,
          );
          bindings.push(
            source.repository,
            source.workspacePath,
            ...cutoffBindings,
            source.repository,
            source.workspacePath,
            ...cutoffBindings,
          );
        });
        // An ORDER BY over the whole UNION ALL made SQLite's statement 40 % dearer than
        // sorting each source's few rows here.
        rows = newestFirstBySource(
          await this.db.raw(branches.join(' union all '), bindings),
        );
      }
      let reports: PolicyReport[] = [];
      rows.forEach((row, i) => {
        const previous = rows[i - 1];
        if (
          !previous ||
          previous.repository !== row.repository ||
          previous.workspace_path !== row.workspace_path
        ) {
          reports = [];
          result.set(
            sourceKeyString({
              repository: row.repository,
              workspacePath: row.workspace_path,
            }),
            reports,
          );
        }
        // Projected from reports validated when ingested.
        reports.push(JSON.parse(row.policy_json) as PolicyReport);
      });
    }
    return result;
  }

  async getRepositoryFacts(options: {
    sources: ReportSourceKey[];
  }): Promise<Map<string, PolicyRepositoryFacts>> {
    const snapshots = await this.features.snapshots.listLatestSnapshots({
      sources: uniqueSources(options.sources),
    });
    const result = new Map<string, PolicyRepositoryFacts>();
    for (const [key, snapshot] of snapshots) {
      result.set(key, {
        toolchainFile: snapshot.toolchainFile,
        cargoLockCommitted: snapshot.cargoLockCommitted,
        ...(snapshot.unreadable ? { unreadable: snapshot.unreadable } : {}),
      });
    }
    return result;
  }

  async listLinkedEntityRefs(options: {
    source: ReportSourceKey;
  }): Promise<string[]> {
    return this.features.entityLinks.listLinkedEntityRefs(options);
  }

  async listLinkedEntityRefsBySource(options: {
    sources: ReportSourceKey[];
  }): Promise<Map<string, string[]>> {
    return this.features.entityLinks.listLinkedEntityRefsBySource(options);
  }
}

interface PolicyInputRow {
  repository: string;
  workspace_path: string;
  policy_json: string;
}

/** The rows grouped by source, each source's newest first (by finish time, then id). */
function newestFirstBySource(
  rows: Array<PolicyInputRow & { finished_at: DbTimestamp; id: string }>,
): PolicyInputRow[] {
  const bySource = new Map<
    string,
    Array<{ time: number; id: string; row: PolicyInputRow }>
  >();
  for (const row of rows) {
    const key = sourceKeyString({
      repository: row.repository,
      workspacePath: row.workspace_path,
    });
    const list = bySource.get(key) ?? [];
    list.push({ time: toDate(row.finished_at).getTime(), id: row.id, row });
    bySource.set(key, list);
  }
  return [...bySource.values()].flatMap(list =>
    list
      .sort((a, b) => b.time - a.time || compareStrings(b.id, a.id))
      .map(item => item.row),
  );
}

function uniqueSources(sources: ReportSourceKey[]): ReportSourceKey[] {
  return [...new Map(sources.map(s => [sourceKeyString(s), s])).values()];
}
