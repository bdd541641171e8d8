import {
  BuildCacheReport,
  computeRunMetrics,
  ReportSourceKey,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import { toDate } from '../lib/dbValues';
import { ConsumerRun, ReportStore, WarmBuildReports } from './ReportStore';

/** Knex implementation of {@link WarmBuildReports}, on the `reports` table. */
export class DatabaseWarmBuildReports implements WarmBuildReports {
  /** On a database the plugin's migrations were applied to (`migrateDatabase`). */
  static async create(
    db: Knex,
    reports: Pick<ReportStore, 'getLatestRun'>,
  ): Promise<DatabaseWarmBuildReports> {
    return new DatabaseWarmBuildReports(db, reports);
  }

  private constructor(
    private readonly db: Knex,
    private readonly reports: Pick<ReportStore, 'getLatestRun'>,
  ) {}

  getLatestRun: ReportStore['getLatestRun'] = options =>
    this.reports.getLatestRun(options);

  async findPrewarmReport(options: {
    source: ReportSourceKey;
    ciRunId: string;
  }): Promise<{ id: string; cacheWrites: number | null } | undefined> {
    const row = await this.db('reports')
      .select('id', 'report_json')
      .where({
        repository: options.source.repository,
        workspace_path: options.source.workspacePath,
        kind: 'prewarm',
        run_id: options.ciRunId,
      })
      .orderBy([
        { column: 'run_attempt', order: 'desc' },
        { column: 'finished_at', order: 'desc' },
      ])
      .first();
    if (!row) return undefined;
    const report = JSON.parse(row.report_json) as BuildCacheReport;
    return {
      id: row.id,
      cacheWrites: report.sccache?.counters.cacheWrites ?? null,
    };
  }

  async listConsumerRuns(options: {
    sources: ReportSourceKey[];
    from: Date;
    to: Date;
  }): Promise<ConsumerRun[]> {
    if (options.sources.length === 0) return [];
    const rows = await this.db('reports')
      .select('id', 'finished_at', 'report_json')
      .where('kind', 'ci')
      .andWhere('finished_at', '>=', options.from)
      .andWhere('finished_at', '<', options.to)
      .andWhere(query => {
        for (const source of options.sources) {
          query.orWhere({
            repository: source.repository,
            workspace_path: source.workspacePath,
          });
        }
      })
      .orderBy([
        { column: 'finished_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(row => {
      const report = JSON.parse(row.report_json) as BuildCacheReport;
      return {
        id: row.id,
        finishedAt: toDate(row.finished_at),
        // From the report, as everywhere in the API, not the metrics stored at ingestion.
        metrics: report.sccache ? computeRunMetrics(report.sccache) : null,
        buildSeconds: report.timings?.totalSeconds ?? null,
      };
    });
  }
}
