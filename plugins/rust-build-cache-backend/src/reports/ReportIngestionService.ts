import { createHash } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  BuildCacheReport,
  computeRunMetrics,
  formatReportIssues,
  IngestReportBatchItem,
  IngestReportResponse,
  validateReport,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { InsertedRun, NewRun, ReportStore } from './ReportStore';
import { ReportSourceKey } from '@rust-build-cache/plugin-rust-build-cache-common';
import {
  EntityLinkStore,
  PushLink,
  reportSourceKey,
  sourceKeyString,
} from '../catalog';

/** A newly stored report, as the listeners of the ingestion are told about it. */
export interface StoredReport {
  id: string;
  source: ReportSourceKey;
  /** The entity the source is linked to, as the ingest found it; null when none is. */
  entityRef: string | null;
  /** Every entity linked to the source (several may share a workspace); [] when none is. */
  entityRefs: string[];
}

/** Told about each newly stored report, after it is linked; must not throw. */
export type ReportStoredListener = (stored: StoredReport) => Promise<void>;

/** Told about the reports of one stored batch, in the order they arrived. */
export type ReportsStoredListener = (stored: StoredReport[]) => Promise<void>;

/**
 * Reports stored in one transaction at most, unless the options say otherwise: the
 * reports that arrived while the previous batch was written.
 */
const DEFAULT_MAX_BATCH_SIZE = 64;

/**
 * Batches written at the same time: one. The reports that arrive while it is written form
 * the next batch, so the batches grow with the load. With two at a time (one prepared while
 * the other commits) the ingestion benchmark's batches averaged 2.5 reports, 7 statements
 * for each batch; with one, 4.0 reports, and 35 % less CPU per report in the same conditions
 * (the backend's CPU, not the database, limits the rate on one machine).
 */
const MAX_CONCURRENT_BATCHES = 1;

interface PendingIngest {
  run: NewRun;
  resolve(response: IngestReportResponse): void;
  reject(error: unknown): void;
}

/**
 * Validates pushed reports and stores them once per CI job run.
 *
 * Group commit: a report is stored at once when no batch is being stored; the reports
 * that arrive while one is are stored together in the next transaction, their sources
 * linked with one read, and their listeners told once per batch. Each request still gets
 * its own answer: 201 (`created`) for the first report of a job run, 200 for a repeat,
 * also when both are in one batch.
 */
export class ReportIngestionService {
  private queue: PendingIngest[] = [];
  private readonly storing = new Set<Promise<void>>();

  constructor(
    private readonly store: Pick<ReportStore, 'insertRuns'>,
    private readonly options: {
      /** E.g. the regression check; a failure is logged, never fails the ingest. */
      onStored?: ReportStoredListener;
      /** Once per stored batch, e.g. to mark the sources' policy results stale. */
      onStoredBatch?: ReportsStoredListener;
      /** Links the sources now when it can (EntityLinkService.linkOnPushMany). */
      linkOnPush?: (
        sources: ReportSourceKey[],
      ) => Promise<Map<string, PushLink>>;
      /** Without `linkOnPush`: the stored links are read (none: every source unlinked). */
      entityLinks?: Pick<EntityLinkStore, 'listLinkedEntityRefsBySource'>;
      logger?: LoggerService;
      /** Reports written in one batch at most (default {@link DEFAULT_MAX_BATCH_SIZE}). */
      maxBatchSize?: number;
    } = {},
  ) {}

  /** Stores a report; a report of an already stored job run returns that run's id. */
  async ingest(body: unknown): Promise<IngestReportResponse> {
    const answer = this.enqueue(toValidNewRun(body, new Date()));
    this.storeQueued();
    return answer;
  }

  /**
   * Stores the reports of one batch request; answers each as `ingest` would have, in
   * order. Each report is validated alone (an invalid one gets its 400, the others are
   * still stored); the valid ones join the queue together, so they share the group
   * commits of concurrent requests. Throws (the request fails, safe to send again) only
   * when no report could be stored for a server error.
   */
  async ingestBatch(
    bodies: unknown[],
    limits: {
      /** Each report's own limit (`rustBuildCache.ingestion.maxReportBytes`), as compact JSON. */
      maxReportBytes?: number;
    } = {},
  ): Promise<IngestReportBatchItem[]> {
    const receivedAt = new Date();
    const answers = bodies.map(body => {
      try {
        if (limits.maxReportBytes !== undefined) {
          assertWithinReportLimit(body, limits.maxReportBytes);
        }
        return this.enqueue(toValidNewRun(body, receivedAt));
      } catch (error) {
        return Promise.reject(error);
      }
    });
    this.storeQueued();
    const settled = await Promise.allSettled(answers);
    const { invalid, serverErrors } = tallyRejected(settled);
    const queued = settled.length - invalid;
    if (queued > 0 && serverErrors.length === queued) throw serverErrors[0];
    return settled.map(outcome => {
      if (outcome.status === 'fulfilled') {
        return { status: outcome.value.created ? 201 : 200, ...outcome.value };
      }
      if (isInputError(outcome.reason)) {
        return { status: 400, error: outcome.reason.message };
      }
      this.options.logger?.warn(
        `A report of a batch was not stored: ${outcome.reason}`,
      );
      return {
        status: 500,
        error: 'The report was not stored for a server error; send it again',
      };
    });
  }

  private enqueue(run: NewRun): Promise<IngestReportResponse> {
    return new Promise((resolve, reject) => {
      this.queue.push({ run, resolve, reject });
    });
  }

  /** Resolves when every report handed to `ingest` so far is stored and answered. */
  async whenIdle(): Promise<void> {
    while (this.storing.size > 0) await Promise.all(this.storing);
  }

  private storeQueued() {
    while (
      this.storing.size < MAX_CONCURRENT_BATCHES &&
      this.queue.length > 0
    ) {
      const batch = this.queue.splice(
        0,
        this.options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE,
      );
      const storing: Promise<void> = this.storeBatch(batch).finally(() => {
        this.storing.delete(storing);
        this.storeQueued();
      });
      this.storing.add(storing);
    }
  }

  private async storeBatch(batch: PendingIngest[]): Promise<void> {
    // The links do not depend on the insert: both at once.
    const sources = batch.map(item => item.run.source);
    const linking = this.link(sources);
    linking.catch(() => {}); // awaited below, unless the insert failed
    let inserted: InsertedRun[];
    try {
      inserted = await this.insert(batch.map(item => item.run));
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      // One report's failure must not fail the others: store them one by one, in the
      // order they arrived, so that the first request of a job run still gets the 201.
      for (const item of batch) await this.storeBatch([item]);
      return;
    }
    try {
      const links = await linking;
      const stored: StoredReport[] = [];
      const responses = batch.map(({ run }, index) => {
        const { id, created } = inserted[index];
        const { entityRefs, ...link } = links.get(sourceKeyString(run.source))!;
        if (created) {
          stored.push({
            id,
            source: run.source,
            entityRef: link.entityRef,
            entityRefs,
          });
        }
        return { id, created, ...link };
      });
      await this.tellListeners(stored);
      batch.forEach((item, index) => item.resolve(responses[index]));
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  }

  /** insertRuns, with a job run that is repeated within the batch created once. */
  private async insert(runs: NewRun[]): Promise<InsertedRun[]> {
    const firstByKey = new Map<string, number>();
    const unique: NewRun[] = [];
    const uniqueIndex = runs.map(run => {
      let index = firstByKey.get(run.idempotencyKey);
      if (index === undefined) {
        index = unique.length;
        firstByKey.set(run.idempotencyKey, index);
        unique.push(run);
      }
      return index;
    });
    const stored = await this.store.insertRuns({ runs: unique });
    const answered = new Set<number>();
    return uniqueIndex.map(index => {
      const { id, created } = stored[index];
      const first = !answered.has(index);
      answered.add(index);
      return { id, created: created && first };
    });
  }

  private async link(
    sources: ReportSourceKey[],
  ): Promise<Map<string, PushLink>> {
    if (this.options.linkOnPush) return this.options.linkOnPush(sources);
    const linked =
      (await this.options.entityLinks?.listLinkedEntityRefsBySource({
        sources,
      })) ?? new Map<string, string[]>();
    return new Map(
      sources.map(source => {
        const key = sourceKeyString(source);
        const entityRefs = linked.get(key) ?? [];
        const link: PushLink = entityRefs.length
          ? { entityRef: entityRefs[0], entityStatus: 'linked', entityRefs }
          : { entityRef: null, entityStatus: 'no-entity', entityRefs };
        return [key, link];
      }),
    );
  }

  private async tellListeners(stored: StoredReport[]): Promise<void> {
    if (stored.length === 0) return;
    const { onStored, onStoredBatch, logger } = this.options;
    const warn = (what: string) => (error: unknown) =>
      logger?.warn(`A listener of ${what} failed: ${error}`);
    await Promise.all([
      Promise.resolve()
        .then(() => onStoredBatch?.(stored))
        .catch(warn(`stored reports ${stored.map(s => s.id).join(', ')}`)),
      ...(onStored
        ? stored.map(s =>
            Promise.resolve()
              .then(() => onStored(s))
              .catch(warn(`stored report ${s.id}`)),
          )
        : []),
    ]);
  }
}

/** A report of a batch is held to the single route's limit: an InputError (400) if over. */
function assertWithinReportLimit(body: unknown, maxReportBytes: number) {
  const bytes = Buffer.byteLength(JSON.stringify(body) ?? '');
  if (bytes > maxReportBytes) {
    throw new InputError(
      `Invalid report: ${bytes} bytes, larger than ${maxReportBytes}, the limit set by rustBuildCache.ingestion.maxReportBytes`,
    );
  }
}

/** The report as a run to store, or an InputError (400) naming what is wrong. */
function toValidNewRun(body: unknown, receivedAt: Date): NewRun {
  const validation = validateReport(body);
  if (!validation.ok) {
    throw new InputError(
      `Invalid report:\n${formatReportIssues(validation.issues)}`,
    );
  }
  return toNewRun(validation.report, receivedAt);
}

function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}

/** The rejected answers of a batch, in one pass: invalid reports and server errors. */
function tallyRejected(settled: PromiseSettledResult<unknown>[]): {
  invalid: number;
  serverErrors: unknown[];
} {
  let invalid = 0;
  const serverErrors: unknown[] = [];
  for (const outcome of settled) {
    if (outcome.status !== 'rejected') continue;
    if (isInputError(outcome.reason)) invalid++;
    else serverErrors.push(outcome.reason);
  }
  return { invalid, serverErrors };
}

export function toNewRun(report: BuildCacheReport, receivedAt: Date): NewRun {
  const source = reportSourceKey(report);
  return {
    idempotencyKey: idempotencyKey(report, source),
    source,
    report,
    metrics: report.sccache ? computeRunMetrics(report.sccache) : null,
    receivedAt,
  };
}

/**
 * One CI job run of one workspace, whatever else the report says: a retried upload of
 * the same job gets the same key, a re-run of the job (next attempt) a new one.
 */
function idempotencyKey(
  report: BuildCacheReport,
  { repository, workspacePath }: ReportSourceKey,
): string {
  const { provider, runId, runAttempt, job } = report.source.ci;
  return createHash('sha256')
    .update(
      JSON.stringify([
        provider,
        repository,
        runId,
        runAttempt,
        job,
        workspacePath,
        report.kind,
      ]),
    )
    .digest('hex');
}
