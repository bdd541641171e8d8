import { createHash } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  BuildCacheReport,
  computeRunMetrics,
  formatReportIssues,
  IngestReportResponse,
  validateReport,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import {
  NewRun,
  ReportSourceKey,
  RustBuildCacheStore,
} from '../database/RustBuildCacheStore';
import { reportSourceKey } from '../catalog/reportSources';

/** Told about each newly stored report, after it is linked; must not throw. */
export type ReportStoredListener = (stored: {
  id: string;
  source: ReportSourceKey;
  /** The entity the source is linked to, as the ingest found it; null when none is. */
  entityRef: string | null;
}) => Promise<void>;

/** Validates pushed reports and stores them once per CI job run. */
export class ReportIngestionService {
  constructor(
    private readonly store: RustBuildCacheStore,
    private readonly options: {
      /** E.g. the policy's incremental evaluation; a failure is logged, never fails the ingest. */
      onStored?: ReportStoredListener;
      /** Links the source now when it can (EntityLinkService.linkOnPush). */
      linkOnPush?: (
        source: ReportSourceKey,
      ) => Promise<Pick<IngestReportResponse, 'entityRef' | 'entityStatus'>>;
      logger?: LoggerService;
    } = {},
  ) {}

  /** Stores a report; a report of an already stored job run returns that run's id. */
  async ingest(body: unknown): Promise<IngestReportResponse> {
    const validation = validateReport(body);
    if (!validation.ok) {
      throw new InputError(
        `Invalid report:\n${formatReportIssues(validation.issues)}`,
      );
    }
    const run = toNewRun(validation.report, new Date());
    const [{ id, created }] = await this.store.insertRuns({ runs: [run] });
    const link = this.options.linkOnPush
      ? await this.options.linkOnPush(run.source)
      : await this.linkedEntity(run.source);
    if (created && this.options.onStored) {
      try {
        await this.options.onStored({
          id,
          source: run.source,
          entityRef: link.entityRef,
        });
      } catch (error) {
        this.options.logger?.warn(
          `A listener of stored report ${id} failed: ${error}`,
        );
      }
    }
    return { id, created, ...link };
  }

  private async linkedEntity(
    source: ReportSourceKey,
  ): Promise<Pick<IngestReportResponse, 'entityRef' | 'entityStatus'>> {
    const entityRef = await this.store.getLinkedEntityRef({ source });
    return entityRef
      ? { entityRef, entityStatus: 'linked' }
      : { entityRef: null, entityStatus: 'no-entity' };
  }
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
