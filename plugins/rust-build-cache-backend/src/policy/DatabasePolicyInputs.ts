import {
  decodePolicyRun,
  EncodedPolicyRun,
  PolicyReport,
  PolicyRepositoryFacts,
  PolicyRun,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import { chunks, DbNumber, isPostgres } from '../lib/dbValues';
import { ReportSourceKey } from '@rust-build-cache/plugin-rust-build-cache-common';
import { EntityLinkStore } from '../catalog';
import { SnapshotStore } from '../snapshot';
import {
  PolicyInputs,
  sourceKeyString,
  StoredRecentReports,
} from './PolicyStore';
import {
  deleteOutdatedWindows,
  readValidWindows,
  ReadWindow,
  SourceWindow,
  storeWindows,
} from './policySourceWindows';

/** Sources per query (bound as arrays, or as one JSON array on SQLite). */
const SOURCE_CHUNK_SIZE = 500;
/** Report ids per read of whole policy projections (a few per source). */
const REPORT_CHUNK_SIZE = 1000;

/**
 * Whether a stored run (`run_json`, `encodePolicyRun`) has sccache statistics: its cache
 * numbers are the array's last element, so its text ends in `,null]` exactly when it has
 * none, and the database need not parse the run. A run stored as an object (see
 * {@link readStoredRun}) ends in `"cache":null}` then: `cache` is the last key that
 * `toPolicyRun` writes, and a string cannot hold an unescaped quote.
 * `policyStores.test.ts` checks the choice against `reportsReadInFull` on both databases.
 */
const WITH_STATS = `run_json not like '%,null]' and run_json not like '%"cache":null}'`;

/**
 * A stored run: compact (`encodePolicyRun`), or the object that versions before migration
 * `20261209090000` wrote, which a replica of such a version may still write during a
 * rolling upgrade after the migration has converted the others.
 */
function readStoredRun(stored: EncodedPolicyRun | PolicyRun): PolicyRun {
  return Array.isArray(stored) ? decodePolicyRun(stored) : stored;
}

/**
 * What the policy reads of other features: recent reports per source (the policy
 * projections stored at ingestion, each source's window of runs kept in
 * `policy_source_windows` while it is valid), and, through the snapshot and catalog
 * features' stores, repository facts from the latest snapshots and the entities linked to
 * a source.
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

  async listRecentReports(options: {
    sources: ReportSourceKey[];
    ciRuns: number;
    finishedBefore?: Date;
  }): Promise<Map<string, StoredRecentReports>> {
    const ciRuns = Math.max(1, Math.floor(options.ciRuns));
    const result = new Map<string, StoredRecentReports>();
    for (const chunk of chunks(
      uniqueSources(options.sources),
      SOURCE_CHUNK_SIZE,
    )) {
      for (const window of await this.readWindows(
        chunk,
        ciRuns,
        options.finishedBefore,
      )) {
        // Kept as the stored texts: each is parsed when its source is evaluated.
        const { runs_json: runsJson, reports_json: reportsJson } = window;
        result.set(sourceKeyString(chunk[window.n]), {
          read: () => ({
            runs: (
              JSON.parse(runsJson) as Array<EncodedPolicyRun | PolicyRun>
            ).map(readStoredRun),
            reports: JSON.parse(reportsJson) as PolicyReport[],
          }),
        });
      }
    }
    return result;
  }

  /**
   * The sources' windows: the valid stored ones (`policySourceWindows.ts`), and the others
   * read from the runs and stored. A past day's view is only read from the runs. Ordered
   * by source index.
   */
  private async readWindows(
    sources: ReportSourceKey[],
    ciRuns: number,
    before: Date | undefined,
  ): Promise<SourceWindow[]> {
    if (before) return this.readFromRuns(sources, ciRuns, before);
    const windows = await readValidWindows(this.db, sources, ciRuns);
    if (windows.length < sources.length) {
      const found = new Set(windows.map(window => window.n));
      const missing = sources.flatMap((_, n) => (found.has(n) ? [] : [n]));
      const missingSources = missing.map(n => sources[n]);
      const read = await this.readFromRuns(missingSources, ciRuns, undefined);
      await storeWindows(this.db, missingSources, ciRuns, read);
      for (const window of read)
        windows.push({ ...window, n: missing[window.n] });
    }
    return windows.sort((a, b) => a.n - b.n);
  }

  /**
   * The windows of the sources that have runs, read from the runs (`readRuns`): every run
   * as its small PolicyRun, and the whole policy projections of the few newest reports
   * that the rules read in full, by primary key.
   */
  private async readFromRuns(
    sources: ReportSourceKey[],
    ciRuns: number,
    before: Date | undefined,
  ): Promise<ReadWindow[]> {
    const rows = await this.readRuns(sources, ciRuns, before);
    const inFull = rows.map(row => [
      ...new Set(
        [row.newest_id, row.newest_ci_id, row.newest_ci_stats_id].filter(
          (id): id is string => id !== null,
        ),
      ),
    ]);
    const reports = await this.readPolicyReports(inFull.flat());
    return rows.map((row, i) => ({
      n: row.n,
      // Written at ingestion (or by its migration) from validated reports: the runs are
      // one JSON array per source, joined by the database from the stored texts.
      runs_json: row.runs_json,
      // A report deleted since the runs were read (retention) is left out, not `undefined`.
      reports_json: `[${inFull[i].flatMap(id => reports.get(id) ?? [])}]`,
      inputs_version: row.inputs_version,
      source_reports: row.source_reports,
    }));
  }

  /**
   * Per source, backward scans of the source index that stop after their LIMIT: the last
   * CI runs, and the latest report of another kind (on PostgreSQL index-only scans of
   * report_policy_inputs_source_runs_idx, which holds the runs). One row per source
   * that has runs, named by its index in `sources` (no repository and path strings), in
   * that order: its runs as one JSON array, newest first, joined by the database (a row
   * per run cost the driver more than parsing the run), and the ids of the reports read in
   * full (`reportsReadInFull`, chosen here so that no run is parsed to choose them): the
   * newest, the newest CI run, and the newest CI run with sccache statistics. PostgreSQL
   * gets the sources as two arrays and a lateral join (planned once, whatever the chunk's
   * size); SQLite one JSON array and a correlated subquery. Other kinds are the two ranges
   * around 'ci' in the index: `kind <> 'ci'` would read every CI run of the source. SQLite
   * scans the two ranges for their OR; PostgreSQL only filters on it (reading every CI
   * run's index entry, 1,800 per source after 90 days of 20 runs a day), so it gets the
   * two ranges as two scans.
   */
  private async readRuns(
    sources: ReportSourceKey[],
    ciRuns: number,
    before: Date | undefined,
  ): Promise<RunsRow[]> {
    // Only reports finished before a time: the policy's view of a past day (trend backfill).
    const cutoff = before ? ' and finished_at < ?' : '';
    const cutoffBindings = before ? [before] : [];
    const newest = 'order by finished_at desc, report_id desc';
    // PostgreSQL's form plans once for many sources.
    if (isPostgres(this.db)) {
      const columns =
        'select finished_at, report_id as id, kind, run_json from report_policy_inputs';
      const order = 'order by r.finished_at desc, r.id desc';
      const firstId = (filter: string) =>
        `((array_agg(r.id ${order}) filter (where ${filter}))[1])::text`;
      // The newest `limit` reports of the source in one range of the index.
      const latest = (kinds: string, limit: number) =>
        `(${columns} where repository = s.repository and workspace_path = s.workspace_path and ${kinds}${cutoff} ${newest} limit ${limit})`;
      const { rows } = await this.db.raw(
        `select (s.n - 1)::int as n, v.inputs_version::text as inputs_version, v.reports as source_reports, '[' || string_agg(coalesce(r.run_json, 'null'), ',' ${order}) || ']' as runs_json, ((array_agg(r.id ${order}))[1])::text as newest_id, ${firstId(
          "r.kind = 'ci'",
        )} as newest_ci_id, ${firstId(
          `r.kind = 'ci' and ${WITH_STATS}`,
        )} as newest_ci_stats_id from unnest(?::text[], ?::text[]) with ordinality as s(repository, workspace_path, n) left join report_sources v on v.repository = s.repository and v.workspace_path = s.workspace_path cross join lateral (${latest(
          "kind = 'ci'",
          ciRuns,
        )} union all select * from (${latest(
          "kind < 'ci'",
          1,
        )} union all ${latest(
          "kind > 'ci'",
          1,
        )} order by finished_at desc, id desc limit 1) x) r group by s.n, v.inputs_version, v.reports order by s.n`,
        [
          sources.map(source => source.repository),
          sources.map(source => source.workspacePath),
          ...cutoffBindings,
          ...cutoffBindings,
          ...cutoffBindings,
        ],
      );
      return rows;
    }
    // SQLite: the sources bound as one JSON array, each source's rows found by a correlated
    // LIMIT scan of the same index (by rowid, which the index holds: by report_id it would
    // search the primary key index too). The statement's text does not grow with the chunk:
    // SQLite prepares every statement anew, and preparing a UNION ALL branch per source (the
    // version before) cost more than running it. Ordered aggregates need SQLite 3.44.
    const ofKind = (kind: string, limit: number) =>
      `select s.key as n, r.finished_at, r.report_id as id, r.kind, r.run_json from json_each(?) as s join report_policy_inputs as r on r.rowid in (select rowid from report_policy_inputs where repository = json_extract(s.value, '$[0]') and workspace_path = json_extract(s.value, '$[1]') and ${kind}${cutoff} ${newest} limit ${limit})`;
    const sourcesJson = JSON.stringify(
      sources.map(source => [source.repository, source.workspacePath]),
    );
    const order = 'order by finished_at desc, id desc';
    const firstId = (filter: string) =>
      `json_group_array(id ${order}) filter (where ${filter}) ->> 0`;
    // With each source's report_sources row, read in the same statement as its runs.
    return await this.db.raw(
      `select g.*, v.inputs_version, v.reports as source_reports from (select n, '[' || group_concat(coalesce(run_json, 'null'), ',' ${order}) || ']' as runs_json, json_group_array(id ${order}) ->> 0 as newest_id, ${firstId(
        "kind = 'ci'",
      )} as newest_ci_id, ${firstId(
        `kind = 'ci' and ${WITH_STATS}`,
      )} as newest_ci_stats_id from (${ofKind(
        "kind = 'ci'",
        ciRuns,
      )} union all ${ofKind(
        "(kind < 'ci' or kind > 'ci')",
        1,
      )}) group by n) g join json_each(?) as s on s.key = g.n left join report_sources v on v.repository = json_extract(s.value, '$[0]') and v.workspace_path = json_extract(s.value, '$[1]') order by g.n`,
      [
        sourcesJson,
        ...cutoffBindings,
        sourcesJson,
        ...cutoffBindings,
        sourcesJson,
      ],
    );
  }

  /** The stored policy projections of reports (JSON texts), by id. */
  private async readPolicyReports(ids: string[]): Promise<Map<string, string>> {
    const reports = new Map<string, string>();
    for (const chunk of chunks(ids, REPORT_CHUNK_SIZE)) {
      // The ids as one bound array: a statement whose text does not depend on their number.
      const rows: Array<{ report_id: string; policy_json: string }> =
        isPostgres(this.db)
          ? (
              await this.db.raw(
                'select report_id, policy_json from report_policy_inputs where report_id = any(?::uuid[])',
                [chunk],
              )
            ).rows
          : await this.db.raw(
              'select report_id, policy_json from report_policy_inputs where report_id in (select value from json_each(?))',
              [JSON.stringify(chunk)],
            );
      for (const row of rows) {
        // Projected from reports validated when ingested.
        reports.set(row.report_id, row.policy_json);
      }
    }
    return reports;
  }

  async deleteOutdatedWindows(): Promise<number> {
    return deleteOutdatedWindows(this.db);
  }

  async getRepositoryFacts(options: {
    sources: ReportSourceKey[];
  }): Promise<Map<string, PolicyRepositoryFacts>> {
    const snapshots = await this.features.snapshots.listLatestSnapshots({
      sources: uniqueSources(options.sources),
    });
    const result = new Map<string, PolicyRepositoryFacts>();
    for (const [key, snapshot] of snapshots) {
      const facts: PolicyRepositoryFacts = {
        toolchainFile: snapshot.toolchainFile,
        cargoLockCommitted: snapshot.cargoLockCommitted,
      };
      if (snapshot.unreadable) facts.unreadable = snapshot.unreadable;
      result.set(key, facts);
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

/** The runs of a source, which is named by its index in the sources read. */
interface RunsRow {
  n: number;
  /** JSON array of the runs' stored PolicyRuns (`encodePolicyRun`), newest first. */
  runs_json: string;
  /** The newest run's report id. */
  newest_id: string;
  /** The newest CI run's, null without one. */
  newest_ci_id: string | null;
  /** The newest CI run's with sccache statistics, null without one. */
  newest_ci_stats_id: string | null;
  /** The source's `report_sources` row as of this read; null without one. */
  inputs_version: string | null;
  source_reports: DbNumber | null;
}

function uniqueSources(sources: ReportSourceKey[]): ReportSourceKey[] {
  return [...new Map(sources.map(s => [sourceKeyString(s), s])).values()];
}
