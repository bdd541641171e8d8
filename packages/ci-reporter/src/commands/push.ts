import { resolve } from 'node:path';
import {
  formatReportIssues,
  REPORT_SCHEMA_VERSION,
  validateReport,
  type BuildCacheReport,
  type IngestReportResponse,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { backendEndpoint } from '../lib/backendUrl';
import {
  parseCommandArgs,
  parseNonNegativeInteger,
  parsePositiveInteger,
} from '../lib/args';
import {
  CliError,
  errorMessage,
  EXIT_OK,
  InputError,
  UploadError,
  UsageError,
} from '../lib/errors';
import { readInputFile } from '../lib/files';
import { displayPath } from '../lib/paths';
import type { System } from '../lib/system';
import {
  uploadReport,
  uploadReportBatch,
  type UploadOptions,
  type UploadResult,
} from '../lib/upload';
import { DEFAULT_REPORT_FILE } from './collect';

export const DEFAULT_RETRIES = 4;
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_BATCH_SIZE = 100;
const REPORTS_PATH = '/api/rust-build-cache/reports';
const BATCH_PATH = '/api/rust-build-cache/reports/batch';

export const pushHelp = `Usage: rust-build-cache push [flags]

Sends a report written by 'collect' to the rust-build-cache backend of Backstage
(POST <url>${REPORTS_PATH}). Sending the same report again is safe: the backend
answers that it is already stored.

Several reports (--report given more than once, e.g. the reports of all the jobs of a
workflow's matrix) are sent together through POST <url>${BATCH_PATH},
at most --batch-size per request, with one line per report; a backend without that
route (an older plugin) gets one request per report.

By default push never fails the build: if a report cannot be sent it prints a warning
and exits 0. With --strict it exits 1 (2 for a bad command line).

Flags:
  --report FILE      report to send (default: ${DEFAULT_REPORT_FILE}); repeat the flag
                     to send several
  --batch-size N     reports per request when sending several (default: ${DEFAULT_BATCH_SIZE},
                     the backend's default rustBuildCache.ingestion.maxBatchReports)
  --url URL          Backstage backend base URL, e.g. https://backstage.example.com
                     (default: $RUST_BUILD_CACHE_URL)
  --token TOKEN      bearer token accepted by the backend (default: $RUST_BUILD_CACHE_TOKEN;
                     prefer the variable: command lines are visible to other processes)
  --strict           exit non-zero when a report is not stored
  --retries N        retries after the first attempt, for network errors, timeouts,
                     408, 429 and 5xx answers (default: ${DEFAULT_RETRIES})
  --timeout-ms MS    time limit of each attempt (default: ${DEFAULT_TIMEOUT_MS})
`;

const PUSH_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  report: { type: 'string', multiple: true },
  'batch-size': { type: 'string' },
  url: { type: 'string' },
  token: { type: 'string' },
  strict: { type: 'boolean' },
  retries: { type: 'string' },
  'timeout-ms': { type: 'string' },
} as const;

export async function pushCommand(
  args: string[],
  system: System,
): Promise<number> {
  // Looked up before parsing so that even a bad command line honours it.
  const strict = args.includes('--strict');
  try {
    const flags = parseCommandArgs('push', args, PUSH_OPTIONS);
    if (flags.help) {
      system.stdout(pushHelp);
      return EXIT_OK;
    }
    const options = resolveUploadOptions(flags, system);
    const reportFiles = flags.report ?? [DEFAULT_REPORT_FILE];
    if (reportFiles.length > 1) {
      const batchSize =
        flags['batch-size'] !== undefined
          ? parsePositiveInteger(flags['batch-size'], '--batch-size')
          : DEFAULT_BATCH_SIZE;
      return await pushSeveral(system, options, {
        paths: reportFiles.map(file => resolve(system.cwd, file)),
        batchEndpoint: resolveUploadOptions(flags, system, BATCH_PATH).endpoint,
        batchSize,
        strict,
      });
    }
    const reportPath = resolve(system.cwd, reportFiles[0]);
    const report = await loadReport(system, reportPath);
    system.stdout(
      `${describeResult(await uploadReport(system, options, report))}\n`,
    );
    return EXIT_OK;
  } catch (error) {
    if (strict || !(error instanceof CliError)) throw error;
    system.stderr(
      `warning: the build-cache report was not sent: ${error.message}\n` +
        `(push does not fail the build; pass --strict to make it fail)\n`,
    );
    return EXIT_OK;
  }
}

/**
 * Sends several reports, `batchSize` per request (one per request to a backend without
 * the batch route), printing one line per report. A report that is not stored gets a
 * warning and does not stop the others; with `strict` the command then fails at the end.
 */
async function pushSeveral(
  system: System,
  options: UploadOptions,
  several: {
    paths: string[];
    batchEndpoint: string;
    batchSize: number;
    strict: boolean;
  },
): Promise<number> {
  let notStored = 0;
  const warn = (where: string, problem: string) => {
    notStored++;
    system.stderr(`warning: report ${where} was not stored: ${problem}\n`);
  };
  const stored = (where: string, result: UploadResult) =>
    system.stdout(`${where}: ${describeResult(result)}\n`);
  const loaded: { where: string; report: BuildCacheReport }[] = [];
  for (const path of several.paths) {
    const where = displayPath(system.cwd, path);
    try {
      loaded.push({ where, report: await loadReport(system, path) });
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      warn(where, error.message);
    }
  }
  let batchRoute = true;
  for (let from = 0; from < loaded.length; from += several.batchSize) {
    const chunk = loaded.slice(from, from + several.batchSize);
    if (batchRoute) {
      let items: Awaited<ReturnType<typeof uploadReportBatch>>;
      try {
        items = await uploadReportBatch(
          system,
          { ...options, endpoint: several.batchEndpoint },
          chunk.map(item => item.report),
        );
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        for (const { where } of chunk) warn(where, error.message);
        continue;
      }
      if (items !== 'not-supported') {
        items.forEach((item, index) => {
          const { where } = chunk[index];
          if ('error' in item) {
            warn(where, `the server answered ${item.status} (${item.error})`);
          } else {
            const { status, ...response } = item;
            stored(where, { created: status === 201, response });
          }
        });
        continue;
      }
      batchRoute = false;
      system.stderr(
        `note: the backend has no ${BATCH_PATH} (an older plugin); sending one report per request\n`,
      );
    }
    for (const { where, report } of chunk) {
      try {
        stored(where, await uploadReport(system, options, report));
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        warn(where, error.message);
      }
    }
  }
  if (notStored > 0) {
    const summary = `${notStored} of ${several.paths.length} reports were not stored`;
    if (several.strict) throw new UploadError(summary);
    system.stderr(
      `warning: ${summary}\n(push does not fail the build; pass --strict to make it fail)\n`,
    );
  }
  return EXIT_OK;
}

function resolveUploadOptions(
  flags: {
    url?: string;
    token?: string;
    retries?: string;
    'timeout-ms'?: string;
  },
  system: System,
  path = REPORTS_PATH,
): UploadOptions {
  const url = flags.url ?? system.env.RUST_BUILD_CACHE_URL;
  if (!url)
    throw new UsageError(
      'no backend URL: pass --url or set RUST_BUILD_CACHE_URL',
    );
  const token = flags.token ?? system.env.RUST_BUILD_CACHE_TOKEN;
  if (!token)
    throw new UsageError(
      'no token: set RUST_BUILD_CACHE_TOKEN or pass --token',
    );
  return {
    endpoint: backendEndpoint(url, path),
    token,
    retries:
      flags.retries !== undefined
        ? parseNonNegativeInteger(flags.retries, '--retries')
        : DEFAULT_RETRIES,
    timeoutMs:
      flags['timeout-ms'] !== undefined
        ? parsePositiveInteger(flags['timeout-ms'], '--timeout-ms')
        : DEFAULT_TIMEOUT_MS,
  };
}

/** Reads and validates a report file written by `collect`. */
export async function loadReport(
  system: System,
  path: string,
): Promise<BuildCacheReport> {
  const where = displayPath(system.cwd, path);
  const text = await readInputFile(system, path, 'report');
  if (text === null) {
    throw new InputError(
      `report at ${where}: file not found (run 'rust-build-cache collect' first)`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `report at ${where}: invalid JSON (${errorMessage(error)})`,
    );
  }
  const validation = validateReport(parsed);
  if (!validation.ok) {
    throw new InputError(
      `report at ${where}: not a valid rust-build-cache report (schema version ${REPORT_SCHEMA_VERSION}):\n${formatReportIssues(
        validation.issues,
      )}`,
    );
  }
  return validation.report;
}

function describeResult({ created, response }: UploadResult): string {
  const what = created
    ? 'Report stored'
    : 'Report was already stored (sent before for this run)';
  if (!response) return `${what}, but the server's answer did not say its id`;
  return `${what}: id ${response.id}, entity ${describeEntity(response)}`;
}

function describeEntity(response: IngestReportResponse): string {
  if (response.entityRef) return response.entityRef;
  switch (response.entityStatus) {
    case 'linking-pending':
      return 'not linked yet (the backend could not ask the catalog now; its link task links the report to its entity later)';
    case 'no-entity':
      return 'none (no catalog entity has this repository and workspace: annotate the entity with rust-build-cache/workspace and its repository)';
    default:
      return 'none yet (no catalog entity matches its repository and workspace)';
  }
}
