import {
  BuildCacheReport,
  computeRunMetrics,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import { toDate } from '../lib/dbValues';
import { ReportSourceKey } from '../database/RustBuildCacheStore';
import { ConsumerRun, SucceededWarmJob } from './PrewarmStore';
import { JobRow, toJob } from './prewarmRows';

/**
 * What the measured effect and job results read: succeeded warm jobs, the consumers' CI
 * reports around them, and the report a warm build pushed itself.
 */
export class DatabasePrewarmEffectReads {
  constructor(private readonly db: Knex) {}

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

  async getLatestSucceededJobs(options: {
    since: Date;
  }): Promise<SucceededWarmJob[]> {
    const rows: JobRow[] = await this.db<JobRow>('prewarm_jobs')
      .where('state', 'succeeded')
      .andWhere('finished_at', '>=', options.since)
      .orderBy([
        { column: 'finished_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    const byGroup = new Map<string, SucceededWarmJob>();
    for (const row of rows) {
      if (!byGroup.has(row.group_id)) {
        byGroup.set(row.group_id, {
          job: toJob(row),
          finishedAt: toDate(row.finished_at!),
        });
      }
    }
    return [...byGroup.values()];
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
