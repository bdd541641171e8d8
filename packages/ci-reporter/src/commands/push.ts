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
  UsageError,
} from '../lib/errors';
import { readInputFile } from '../lib/files';
import { displayPath } from '../lib/paths';
import type { System } from '../lib/system';
import {
  uploadReport,
  type UploadOptions,
  type UploadResult,
} from '../lib/upload';
import { DEFAULT_REPORT_FILE } from './collect';

export const DEFAULT_RETRIES = 4;
export const DEFAULT_TIMEOUT_MS = 10_000;
const REPORTS_PATH = '/api/rust-build-cache/reports';

export const pushHelp = `Usage: rust-build-cache push [flags]

Sends a report written by 'collect' to the rust-build-cache backend of Backstage
(POST <url>${REPORTS_PATH}). Sending the same report again is safe: the backend
answers that it is already stored.

By default push never fails the build: if the report cannot be sent it prints a warning
and exits 0. With --strict it exits 1 (2 for a bad command line).

Flags:
  --report FILE      report to send (default: ${DEFAULT_REPORT_FILE})
  --url URL          Backstage backend base URL, e.g. https://backstage.example.com
                     (default: $RUST_BUILD_CACHE_URL)
  --token TOKEN      bearer token accepted by the backend (default: $RUST_BUILD_CACHE_TOKEN;
                     prefer the variable: command lines are visible to other processes)
  --strict           exit non-zero when the report is not stored
  --retries N        retries after the first attempt, for network errors, timeouts,
                     408, 429 and 5xx answers (default: ${DEFAULT_RETRIES})
  --timeout-ms MS    time limit of each attempt (default: ${DEFAULT_TIMEOUT_MS})
`;

const PUSH_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  report: { type: 'string' },
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
    const reportPath = resolve(system.cwd, flags.report ?? DEFAULT_REPORT_FILE);
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

function resolveUploadOptions(
  flags: {
    url?: string;
    token?: string;
    retries?: string;
    'timeout-ms'?: string;
  },
  system: System,
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
    endpoint: backendEndpoint(url, REPORTS_PATH),
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
