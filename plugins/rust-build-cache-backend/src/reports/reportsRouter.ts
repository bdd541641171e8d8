import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CustomErrorBase, InputError } from '@backstage/errors';
import {
  IngestReportBatchItem,
  IngestReportBatchResponse,
  rustBuildCacheReadPermission,
  rustBuildCacheReportIngestPermission,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import express, { ErrorRequestHandler, Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { ReportIngestionService } from './ReportIngestionService';
import { RunQueryService } from './RunQueryService';
import {
  audited,
  createAuthorize,
  parseRequest as parse,
} from '../lib/routeHelpers';

/** 413: there is no Backstage error class for it; the error handler reads `statusCode`. */
class ReportTooLargeError extends CustomErrorBase {
  name = 'ReportTooLargeError' as const;
  readonly statusCode = 413;
}

const runKind = z.enum(['ci', 'prewarm']);

const entityParams = z.object({
  namespace: z.string().min(1),
  kind: z.string().min(1),
  name: z.string().min(1),
});

const latestQuery = z.object({ kind: runKind.optional() });

const timeSeriesQuery = z.object({
  days: z.coerce.number().int().min(1).max(365).default(90),
});

const runsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
  kind: runKind.optional(),
  /** A previous page's `nextCursor`: the page starts after that page's last run. */
  cursor: z.string().min(1).max(200).optional(),
});

const runParams = z.object({ id: z.uuid() });

const compareQuery = z.object({ base: z.uuid(), head: z.uuid() });

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  ingestion: ReportIngestionService;
  runs: RunQueryService;
  maxReportBytes: number;
  maxBatchReports: number;
  maxBatchBytes: number;
}): Promise<express.Router> {
  const {
    httpAuth,
    permissions,
    auditor,
    ingestion,
    runs,
    maxReportBytes,
    maxBatchReports,
    maxBatchBytes,
  } = options;
  const router = Router();

  const authorize = createAuthorize({ httpAuth, permissions });
  const requireReadPermission = (req: Request) =>
    authorize(req, ['user', 'service'], {
      permission: rustBuildCacheReadPermission,
    });

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // CI pushes reports (external access tokens arrive as service principals); users do
  // not. Checked before the body is read, so refused callers cost no parsing. A token
  // restricted to the ingest permission can do nothing else in the plugin.
  const requireIngestAccess: express.RequestHandler = async (
    req,
    _res,
    next,
  ) => {
    await authorize(req, ['service'], {
      permission: rustBuildCacheReportIngestPermission,
    });
    if (!req.is('application/json')) {
      throw new InputError(
        'Expected a JSON report with Content-Type: application/json',
      );
    }
    next();
  };

  router.post(
    '/reports',
    requireIngestAccess,
    // Not strict: `null` or `123` is JSON, only not a report; say so rather than "not JSON".
    express.json({ limit: maxReportBytes, strict: false }),
    async (req, res) => {
      if (!isJsonObject(req.body)) {
        throw new InputError('Invalid report: the body must be a JSON object');
      }
      const body = req.body;
      const result = await audited(
        auditor,
        req,
        { eventId: 'report-ingest', severityLevel: 'low' },
        () => ingestion.ingest(body),
        stored => ({ runId: stored.id, created: stored.created }),
      );
      res.status(result.created ? 201 : 200).json(result);
    },
  );

  router.post(
    '/reports/batch',
    requireIngestAccess,
    express.json({ limit: maxBatchBytes, strict: false }),
    async (req, res) => {
      const reports = readBatch(req.body, maxBatchReports);
      // A body within the single route's limit cannot hold a report over it: only a larger
      // body is measured report by report (as compact JSON).
      const bodyBytes = Number(req.headers['content-length']);
      const reportLimit =
        Number.isFinite(bodyBytes) && bodyBytes <= maxReportBytes
          ? undefined
          : maxReportBytes;
      const results = await audited(
        auditor,
        req,
        {
          eventId: 'report-ingest-batch',
          severityLevel: 'low',
          meta: { reports: reports.length },
        },
        () => ingestion.ingestBatch(reports, { maxReportBytes: reportLimit }),
        describeBatch,
      );
      const response: IngestReportBatchResponse = { results };
      res.json(response);
    },
  );

  router.get('/entities/:namespace/:kind/:name/latest', async (req, res) => {
    const credentials = await requireReadPermission(req);
    const entity = parse(entityParams, req.params, 'path');
    const { kind } = parse(latestQuery, req.query, 'query');
    res.json({ run: await runs.getLatestRun({ entity, credentials, kind }) });
  });

  router.get(
    '/entities/:namespace/:kind/:name/timeseries',
    async (req, res) => {
      const credentials = await requireReadPermission(req);
      const entity = parse(entityParams, req.params, 'path');
      const { days } = parse(timeSeriesQuery, req.query, 'query');
      res.json(await runs.getTimeSeries({ entity, credentials, days }));
    },
  );

  router.get('/entities/:namespace/:kind/:name/runs', async (req, res) => {
    const credentials = await requireReadPermission(req);
    const entity = parse(entityParams, req.params, 'path');
    const query = parse(runsQuery, req.query, 'query');
    res.json(await runs.listRuns({ entity, credentials, ...query }));
  });

  // Before /runs/:id, which would otherwise take `compare` for an id.
  router.get('/runs/compare', async (req, res) => {
    await requireReadPermission(req);
    const { base, head } = parse(compareQuery, req.query, 'query');
    res.json(await runs.compareRuns({ baseId: base, headId: head }));
  });

  router.get('/runs/:id', async (req, res) => {
    await requireReadPermission(req);
    const { id } = parse(runParams, req.params, 'path');
    res.json(await runs.getRun({ id }));
  });

  router.get('/unmatched', async (req, res) => {
    await requireReadPermission(req);
    res.json(await runs.listUnmatchedSources());
  });

  router.use(translateBodyParserErrors({ maxReportBytes, maxBatchBytes }));

  return router;
}

function isJsonObject(body: unknown): body is Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body);
}

/** The reports of a batch body, or an InputError (400) saying what is wrong with it. */
function readBatch(body: unknown, maxBatchReports: number): unknown[] {
  if (!isJsonObject(body) || !Array.isArray(body.reports)) {
    throw new InputError(
      'Invalid batch: the body must be a JSON object {"reports": [<report>, ...]}',
    );
  }
  const { reports } = body;
  if (reports.length === 0) {
    throw new InputError('Invalid batch: "reports" is empty');
  }
  if (reports.length > maxBatchReports) {
    throw new InputError(
      `Invalid batch: ${reports.length} reports, more than ${maxBatchReports}, the limit set by rustBuildCache.ingestion.maxBatchReports`,
    );
  }
  return reports;
}

/** The batch's audit record: how many reports got which answer, and the runs stored. */
function describeBatch(results: IngestReportBatchItem[]) {
  const count = (status: number) =>
    results.filter(item => item.status === status).length;
  return {
    created: count(201),
    repeated: count(200),
    invalid: count(400),
    failed: count(500),
    runIds: results.flatMap(item => ('id' in item ? [item.id] : [])),
  };
}

/** body-parser's own errors name no config key and are not Backstage errors. */
function translateBodyParserErrors(limits: {
  maxReportBytes: number;
  maxBatchBytes: number;
}): ErrorRequestHandler {
  return (error, req, _res, next) => {
    const type = (error as { type?: unknown }).type;
    const batch = req.path === '/reports/batch';
    if (type === 'entity.too.large') {
      next(
        new ReportTooLargeError(
          batch
            ? `Batch is larger than ${limits.maxBatchBytes} bytes, the limit set by rustBuildCache.ingestion.maxBatchBytes`
            : `Report is larger than ${limits.maxReportBytes} bytes, the limit set by rustBuildCache.ingestion.maxReportBytes`,
        ),
      );
    } else if (type === 'entity.parse.failed') {
      next(
        new InputError(
          `${batch ? 'Batch' : 'Report'} is not valid JSON: ${error.message}`,
        ),
      );
    } else {
      next(error);
    }
  };
}
