import {
  BuildCacheReport,
  FleetLatestReport,
  FleetSavingsDay,
  FleetTimingsInput,
  TimingUnit,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import { DbNumber } from '../lib/dbValues';
import { FleetStore } from './FleetStore';

/**
 * Knex implementation of {@link FleetStore}, for SQLite and PostgreSQL. Only the parts of a
 * report a view needs leave the database: the JSON is taken apart there (`json_extract`,
 * `->`), so the timings read does not ship whole reports.
 */
export class DatabaseFleetStore implements FleetStore {
  private readonly isSqlite: boolean;

  /** On a database the plugin's migrations were applied to (`migrateDatabase`). */
  static async create(db: Knex): Promise<DatabaseFleetStore> {
    return new DatabaseFleetStore(db);
  }

  private constructor(private readonly db: Knex) {
    this.isSqlite = String(db.client.config.client).includes('sqlite');
  }

  async listLatestCiReports(): Promise<FleetLatestReport[]> {
    // The latest CI report per link, by the index on (repository, workspace_path,
    // finished_at, id) read backwards.
    const latest = this.db.raw(
      `(select r2.id from reports r2
        where r2.repository = l.repository and r2.workspace_path = l.workspace_path
          and r2.kind = 'ci'
        order by r2.finished_at desc, r2.id desc limit 1)`,
    );
    const rows: Array<{ entity_ref: string; report_json: string }> =
      await this.db('entity_links as l')
        .join('reports as r', function onLatest() {
          this.on('r.id', '=', latest);
        })
        .select('l.entity_ref', 'r.report_json');
    return rows.map(row => ({
      entityRef: row.entity_ref,
      report: JSON.parse(row.report_json) as BuildCacheReport,
    }));
  }

  async listCiTimings(options: { from: Date }): Promise<FleetTimingsInput[]> {
    const slowest = this.isSqlite
      ? this.db.raw(
          "json_extract(r.report_json, '$.timings.slowest') as slowest",
        )
      : this.db.raw(
          "(r.report_json::json #> '{timings,slowest}')::text as slowest",
        );
    const rows: Array<{
      entity_ref: string;
      misses: DbNumber;
      slowest: string | null;
    }> = await this.db('reports as r')
      .join('entity_links as l', function onSource() {
        this.on('l.repository', '=', 'r.repository').andOn(
          'l.workspace_path',
          '=',
          'r.workspace_path',
        );
      })
      .where('r.kind', 'ci')
      .andWhere('r.finished_at', '>=', options.from)
      .andWhere('r.misses', '>', 0)
      .select('l.entity_ref', 'r.misses', slowest);
    return rows.map(row => ({
      entityRef: row.entity_ref,
      rustMisses: Number(row.misses),
      slowest:
        row.slowest === null || row.slowest === 'null'
          ? null
          : (JSON.parse(row.slowest) as TimingUnit[]),
    }));
  }

  async listDailySavings(options: {
    fromDay: string;
  }): Promise<FleetSavingsDay[]> {
    // One pass for each workspace's price of a miss, one for the days; the database sums.
    const rows: Array<{
      day: string;
      runs: DbNumber;
      hits: DbNumber;
      unpriced_hits: DbNumber;
      saved: DbNumber | null;
    }> = await this.db
      .with('cost', qb =>
        qb
          .from('daily_rollups')
          .where('day', '>=', options.fromDay)
          .groupBy('repository', 'workspace_path')
          .havingRaw('sum(misses) > 0')
          .select(
            'repository',
            'workspace_path',
            this.db.raw('sum(compile_seconds) / sum(misses) as per_miss'),
          ),
      )
      .from('daily_rollups as d')
      .leftJoin('cost as c', function onWorkspace() {
        this.on('c.repository', '=', 'd.repository').andOn(
          'c.workspace_path',
          '=',
          'd.workspace_path',
        );
      })
      .where('d.day', '>=', options.fromDay)
      .groupBy('d.day')
      .orderBy('d.day')
      .select(
        'd.day',
        this.db.raw('sum(d.runs) as runs'),
        this.db.raw('sum(d.hits) as hits'),
        this.db.raw(
          'sum(case when c.per_miss is null then d.hits else 0 end) as unpriced_hits',
        ),
        this.db.raw('sum(d.hits * c.per_miss) as saved'),
      );
    return rows.map(row => ({
      day: row.day,
      runs: Number(row.runs),
      hits: Number(row.hits),
      unpricedHits: Number(row.unpriced_hits),
      secondsSaved: row.saved === null ? 0 : Number(row.saved),
    }));
  }
}
