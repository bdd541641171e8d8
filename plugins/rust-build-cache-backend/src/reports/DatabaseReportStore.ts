import { randomUUID } from 'node:crypto';
import {
  BuildCacheReport,
  toPolicyReport,
  encodePolicyRun,
  toPolicyRun,
  RUN_METRICS_VERSION,
  UnmatchedSource,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import {
  DailyRollup,
  InsertedRun,
  NewRun,
  ReportStore,
  RunPageOptions,
  RunPageRows,
  StoredRunDetail,
} from './ReportStore';
import { ReportSourceKey } from '@rust-build-cache/plugin-rust-build-cache-common';
import { chunks, compareStrings, isPostgres } from '../lib/dbValues';
import { queryPlannedOnce, StatementOptions } from '../lib/plannedOnce';
import {
  addToDailyRollups,
  deleteDailyRollupsBefore,
  splitLegacyRollups,
} from './dailyRollups';
import { readDailyRollups, readLinkedDailyRollups } from './dailyRollupReads';
import { readLinkedRunPage, readSourceRunPage } from './runPageReads';
import {
  insertReportBatchPostgres,
  ReportBatchItem,
  StoredKey,
} from './postgresReportBatch';
import {
  addToSourceSummaries,
  deleteReportsFinishedBefore,
  listUnmatchedSources,
} from './sourceSummaries';
import {
  NEWEST_FIRST,
  ReportRow,
  sourceFilter,
  toStoredRunDetail,
} from './reportRows';

// Rows per INSERT: ~30 bound values per report row stays well below the bind-parameter
// limits of SQLite (32766) and PostgreSQL (65535).
const INSERT_CHUNK_SIZE = 500;

/**
 * Stored reports and their daily rollups (tables `reports`, `daily_rollups`): ingestion,
 * queries, retention, and the sources no entity links to.
 */
export class DatabaseReportStore implements ReportStore {
  /** On a database the plugin's migrations were applied to (`migrateDatabase`). */
  static async create(
    db: Knex,
    options: StatementOptions = { preparedStatements: true },
  ): Promise<DatabaseReportStore> {
    return new DatabaseReportStore(db, options);
  }

  private constructor(
    private readonly db: Knex,
    /** How the entity pages' reads are sent (see `queryPlannedOnce`). */
    private readonly statements: StatementOptions,
  ) {}

  async insertRuns(options: { runs: NewRun[] }): Promise<InsertedRun[]> {
    const { runs } = options;
    if (runs.length === 0) {
      return [];
    }
    // Concurrent batches take row locks in one order (by key), so they wait for each
    // other instead of deadlocking.
    const items = [...runs]
      .sort((a, b) => compareStrings(a.idempotencyKey, b.idempotencyKey))
      .map(toBatchItem);
    const stored = isPostgres(this.db)
      ? await insertReportBatchPostgres(this.db, items)
      : await insertReportBatch(this.db, items);
    return runs.map(run => {
      const result = stored.get(run.idempotencyKey);
      if (!result) {
        throw new Error(
          `Run ${run.idempotencyKey} was neither inserted nor found`,
        );
      }
      return result;
    });
  }

  async getRun(options: { id: string }): Promise<StoredRunDetail | undefined> {
    const row = await this.db<ReportRow>('reports')
      .where('id', options.id)
      .first();
    return row ? toStoredRunDetail(row) : undefined;
  }

  async getLatestRun(options: {
    source: ReportSourceKey;
    kind?: BuildCacheReport['kind'];
  }): Promise<StoredRunDetail | undefined> {
    const row = await this.db<ReportRow>('reports')
      .where(sourceFilter(options.source))
      .modify(query => {
        if (options.kind) query.where('kind', options.kind);
      })
      .orderBy(NEWEST_FIRST)
      .first();
    return row ? toStoredRunDetail(row) : undefined;
  }

  async getLatestLinkedRun(options: {
    entityRef: string;
    kind?: BuildCacheReport['kind'];
  }): Promise<{ run: StoredRunDetail | undefined } | undefined> {
    const { db } = this;
    // The newest run of the link's source, by the same index range as getLatestRun. Raw
    // text of two fixed variants, so that PostgreSQL plans it once per connection (and
    // knex does not build it on every request).
    const kind = options.kind ? ' and n.kind = ?' : '';
    const [row] = await queryPlannedOnce<
      ReportRow & { linked_entity_ref: string }
    >(
      db,
      `select l.entity_ref as linked_entity_ref, r.* from entity_links as l left join reports as r on r.id = (select n.id from reports as n where n.repository = l.repository and n.workspace_path = l.workspace_path${kind} order by n.finished_at desc, n.id desc limit 1) where l.entity_ref = ?`,
      [...(options.kind ? [options.kind] : []), options.entityRef],
      this.statements,
    );
    if (!row) return undefined;
    return { run: row.id === null ? undefined : toStoredRunDetail(row) };
  }

  async listRuns(
    options: RunPageOptions & { source: ReportSourceKey },
  ): Promise<RunPageRows> {
    return readSourceRunPage(this.db, options, this.statements);
  }

  async listLinkedRuns(
    options: RunPageOptions & { entityRef: string },
  ): Promise<RunPageRows | undefined> {
    return readLinkedRunPage(this.db, options, this.statements);
  }

  async getDailyRollups(options: {
    source: ReportSourceKey;
    fromDay: string;
    toDay: string;
  }): Promise<DailyRollup[]> {
    return readDailyRollups(this.db, options, this.statements);
  }

  async getLinkedDailyRollups(options: {
    entityRef: string;
    fromDay: string;
    toDay: string;
  }): Promise<DailyRollup[] | undefined> {
    return readLinkedDailyRollups(this.db, options, this.statements);
  }

  async splitLegacyRollups(options: {
    limit: number;
  }): Promise<{ split: number; mixed: number; remaining: boolean }> {
    return splitLegacyRollups(this.db, options.limit);
  }

  async listUnmatchedSources(): Promise<UnmatchedSource[]> {
    return listUnmatchedSources(this.db);
  }

  async deleteRunsFinishedBefore(options: { before: Date }): Promise<number> {
    return deleteReportsFinishedBefore(this.db, options.before);
  }

  async deleteRollupsBefore(options: { day: string }): Promise<number> {
    return deleteDailyRollupsBefore(this.db, options.day);
  }
}

function toReportRow(id: string, run: NewRun): ReportRow {
  const { report, metrics, source } = run;
  return {
    id,
    idempotency_key: run.idempotencyKey,
    repository: source.repository,
    workspace_path: source.workspacePath,
    kind: report.kind,
    branch: report.source.branch,
    commit: report.source.commit,
    provider: report.source.ci.provider,
    run_id: report.source.ci.runId,
    run_attempt: report.source.ci.runAttempt,
    job: report.source.ci.job,
    url: report.source.ci.url,
    started_at: report.source.startedAt
      ? new Date(report.source.startedAt)
      : null,
    finished_at: new Date(report.source.finishedAt),
    received_at: run.receivedAt,
    sccache_version: report.sccache?.version ?? null,
    cache_backend: report.sccache?.cache.backend ?? null,
    rustc_release: report.toolchain.rustc?.release ?? null,
    requests: metrics?.requests ?? null,
    hits: metrics?.hits ?? null,
    misses: metrics?.misses ?? null,
    errors: metrics?.errors ?? null,
    avoidable_not_cached: metrics?.avoidableNotCached ?? null,
    compile_seconds: metrics?.compileSeconds ?? null,
    cache_write_errors: metrics?.failures.writeErrors ?? null,
    cache_timeouts: metrics?.failures.timeouts ?? null,
    hit_rate: metrics?.hitRate ?? null,
    effective_hit_rate: metrics?.effectiveHitRate ?? null,
    metrics_json: metrics ? JSON.stringify(metrics) : null,
    metrics_version: RUN_METRICS_VERSION,
    report_json: JSON.stringify(report),
  };
}

/** A batch item with its whole `reports` row, as the generic path inserts it. */
type StoreBatchItem = ReportBatchItem & { report: ReportRow };

function toBatchItem(run: NewRun): StoreBatchItem {
  const report = toReportRow(randomUUID(), run);
  return {
    report,
    policyInput: toPolicyInputRow(report, run),
    rollup:
      run.report.kind === 'ci' && run.metrics
        ? {
            source: run.source,
            finishedAt: run.report.source.finishedAt,
            metrics: run.metrics,
          }
        : undefined,
  };
}

/**
 * The batch in one transaction, a statement per table and chunk (SQLite: statements are
 * calls within the process, not round trips).
 */
async function insertReportBatch(
  db: Knex,
  items: StoreBatchItem[],
): Promise<Map<string, StoredKey>> {
  return db.transaction(async tx => {
    const stored = new Map<string, StoredKey>();
    const created: StoreBatchItem[] = [];
    for (const chunk of chunks(items, INSERT_CHUNK_SIZE)) {
      // A concurrent insert of the same key waits on the unique index, then does nothing.
      const inserted: Array<Pick<ReportRow, 'id'>> = await tx<ReportRow>(
        'reports',
      )
        .insert(chunk.map(item => item.report))
        .onConflict('idempotency_key')
        .ignore()
        .returning('id');
      const insertedIds = new Set(inserted.map(row => row.id));
      const createdNow = chunk.filter(item => insertedIds.has(item.report.id));
      for (const { report } of createdNow) {
        stored.set(report.idempotency_key, { id: report.id, created: true });
      }
      if (createdNow.length > 0) {
        await tx('report_policy_inputs').insert(
          createdNow.map(item => item.policyInput),
        );
      }
      created.push(...createdNow);
      const alreadyStoredKeys = chunk
        .map(item => item.report.idempotency_key)
        .filter(key => !stored.has(key));
      if (alreadyStoredKeys.length > 0) {
        const rows = await tx<ReportRow>('reports')
          .select('id', 'idempotency_key')
          .whereIn('idempotency_key', alreadyStoredKeys);
        for (const { id, idempotency_key } of rows) {
          stored.set(idempotency_key, { id, created: false });
        }
      }
    }
    await addToDailyRollups(
      tx,
      created.flatMap(item => (item.rollup ? [item.rollup] : [])),
    );
    // After the rollups, in one order of sources for every batch: no deadlocks.
    await addToSourceSummaries(
      tx,
      created.map(({ report }) => ({
        source: {
          repository: report.repository,
          workspacePath: report.workspace_path,
        },
        finishedAt: report.finished_at as Date,
      })),
    );
    return stored;
  });
}

function toPolicyInputRow(row: ReportRow, run: NewRun) {
  const policyReport = toPolicyReport(run.report);
  return {
    report_id: row.id,
    repository: row.repository,
    workspace_path: row.workspace_path,
    kind: row.kind,
    finished_at: row.finished_at,
    policy_json: JSON.stringify(policyReport),
    run_json: JSON.stringify(
      encodePolicyRun(toPolicyRun(policyReport, run.metrics)),
    ),
  };
}
