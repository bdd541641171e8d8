import type {
  BuildCacheReport,
  IngestReportBatchItem,
  IngestReportBatchRequest,
  IngestReportResponse,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { errorField, errorMessage, UploadError } from './errors';
import type { System } from './system';

export interface UploadOptions {
  /** `<backend base URL>/api/rust-build-cache/reports` */
  endpoint: string;
  token: string;
  /** Retries after the first attempt. */
  retries: number;
  /** Per attempt, for the request and the answer together. */
  timeoutMs: number;
}

export interface UploadResult {
  /** 201: stored now; 200: this run's report was stored before (push is idempotent). */
  created: boolean;
  /** Null when the server's answer was not the expected JSON. */
  response: IngestReportResponse | null;
}

type AttemptOutcome =
  | { kind: 'answered'; status: number; text: string }
  | { kind: 'retryable'; problem: string; retryAfterMs: number | null }
  | { kind: 'rejected'; problem: string };

const BACKOFF_BASE_MS = 1_000;
const BACKOFF_MAX_MS = 30_000;
/** A longer Retry-After would hold up the build; give up instead. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Exponential backoff with jitter: 1 s, 2 s, 4 s, ... capped at 30 s, each scaled by a
 * random factor in [0.5, 1) so that the jobs of one pipeline do not retry in lockstep.
 */
export function backoffDelayMs(
  retryIndex: number,
  random: () => number,
): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** retryIndex);
  return Math.round(ceiling * (0.5 + random() / 2));
}

/** `Retry-After` as delay-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(
  value: string | null,
  now: Date,
): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now.getTime());
}

/**
 * POSTs the report, retrying network errors, timeouts, 408, 429 and 5xx with backoff (or
 * the server's Retry-After). Other answers are final. Throws {@link UploadError}.
 */
export async function uploadReport(
  system: System,
  options: UploadOptions,
  report: BuildCacheReport,
): Promise<UploadResult> {
  const { status, text } = await postWithRetries(
    system,
    options,
    JSON.stringify(report),
    [200, 201],
  );
  return { created: status === 201, response: parseIngestResponse(text) };
}

/**
 * POSTs reports to `POST /reports/batch` (`options.endpoint`), retrying as
 * {@link uploadReport} does; answers each report's item, in order, or `not-supported`
 * when the backend has no batch route (404: a plugin older than it).
 */
export async function uploadReportBatch(
  system: System,
  options: UploadOptions,
  reports: BuildCacheReport[],
): Promise<IngestReportBatchItem[] | 'not-supported'> {
  const { status, text } = await postWithRetries(
    system,
    options,
    JSON.stringify({ reports } satisfies IngestReportBatchRequest),
    [200, 404],
  );
  if (status === 404) return 'not-supported';
  const results = parseBatchResponse(text, reports.length);
  if (!results) {
    throw new UploadError(
      `the server's answer to ${reports.length} reports was not the expected {"results": [...]} with one item per report`,
    );
  }
  return results;
}

async function postWithRetries(
  system: System,
  options: UploadOptions,
  body: string,
  answers: number[],
): Promise<{ status: number; text: string }> {
  const attempts = options.retries + 1;
  for (let attempt = 1; ; attempt++) {
    const outcome = await postOnce(system, options, body, answers);
    if (outcome.kind === 'answered') return outcome;
    if (outcome.kind === 'rejected') throw new UploadError(outcome.problem);
    if (attempt >= attempts) {
      throw new UploadError(
        `${outcome.problem} (gave up after ${attempts} attempt${
          attempts > 1 ? 's' : ''
        })`,
      );
    }
    const delayMs =
      outcome.retryAfterMs ?? backoffDelayMs(attempt - 1, system.random);
    if (delayMs > MAX_RETRY_AFTER_MS) {
      throw new UploadError(
        `${outcome.problem}; the server asks to retry after ${Math.ceil(
          delayMs / 1000,
        )} s, ` + `longer than push waits (${MAX_RETRY_AFTER_MS / 1000} s)`,
      );
    }
    system.stderr(
      `warning: ${outcome.problem}; retrying in ${(delayMs / 1000).toFixed(
        1,
      )} s (attempt ${attempt + 1} of ${attempts})\n`,
    );
    await system.sleep(delayMs);
  }
}

/** One POST; `answers` are the statuses that are the caller's to read. */
async function postOnce(
  system: System,
  options: UploadOptions,
  body: string,
  answers: number[],
): Promise<AttemptOutcome> {
  let response: Response;
  let text: string;
  try {
    response = await system.fetch(options.endpoint, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${options.token}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body,
      // fetch would turn a redirected POST into a GET and lose the report.
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    return {
      kind: 'retryable',
      problem: describeNetworkError(error, options),
      retryAfterMs: null,
    };
  }
  if (answers.includes(response.status)) {
    return { kind: 'answered', status: response.status, text };
  }
  return classifyAnswer(response, text, system.now());
}

function describeNetworkError(error: unknown, options: UploadOptions): string {
  if (errorField(error, 'name') === 'TimeoutError') {
    return `no answer from ${options.endpoint} within ${options.timeoutMs} ms`;
  }
  // fetch fails with "fetch failed"; the cause says why (ECONNREFUSED, ENOTFOUND, ...).
  const cause = errorField(error, 'cause');
  const code = errorField(cause, 'code');
  const reason = typeof code === 'string' ? code : errorMessage(cause ?? error);
  return `cannot reach ${options.endpoint}: ${reason}`;
}

function classifyAnswer(
  response: Response,
  text: string,
  now: Date,
): AttemptOutcome {
  const { status } = response;
  const problem = `the server answered ${status}${serverMessage(
    text,
    response.statusText,
  )}`;
  if (status === 408 || status === 429 || status >= 500) {
    return {
      kind: 'retryable',
      problem,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now),
    };
  }
  if (status >= 300 && status < 400) {
    return {
      kind: 'rejected',
      problem: `${problem}: a redirect to ${
        response.headers.get('location') ?? '(no location)'
      }; pass the backend's final base URL`,
    };
  }
  if (status === 401 || status === 403) {
    return {
      kind: 'rejected',
      problem: `${problem}: check the token (--token or RUST_BUILD_CACHE_TOKEN)`,
    };
  }
  return { kind: 'rejected', problem };
}

/** Backstage errors are `{"error":{"name","message"}}`; other bodies are shown shortened. */
function serverMessage(text: string, statusText: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    const error =
      isRecord(parsed) && isRecord(parsed.error) ? parsed.error : null;
    if (error && typeof error.message === 'string') {
      return ` (${typeof error.name === 'string' ? `${error.name}: ` : ''}${
        error.message
      })`;
    }
  } catch {
    // not JSON: fall through
  }
  const snippet = text.trim().replace(/\s+/g, ' ').slice(0, 300);
  if (snippet) return ` (${snippet})`;
  return statusText ? ` (${statusText})` : '';
}

function parseIngestResponse(text: string): IngestReportResponse | null {
  try {
    return toIngestResponse(JSON.parse(text));
  } catch {
    // reported by the caller as an unexpected answer
  }
  return null;
}

/** The batch answer's items, or null when it is not one item per report. */
function parseBatchResponse(
  text: string,
  count: number,
): IngestReportBatchItem[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (
    !isRecord(parsed) ||
    !Array.isArray(parsed.results) ||
    parsed.results.length !== count
  ) {
    return null;
  }
  const items: IngestReportBatchItem[] = [];
  for (const item of parsed.results) {
    if (!isRecord(item)) return null;
    if (item.status === 200 || item.status === 201) {
      const response = toIngestResponse(item);
      if (!response) return null;
      items.push({ status: item.status, ...response });
    } else if (item.status === 400 || item.status === 500) {
      items.push({ status: item.status, error: String(item.error ?? '') });
    } else {
      return null;
    }
  }
  return items;
}

function toIngestResponse(parsed: unknown): IngestReportResponse | null {
  if (
    !isRecord(parsed) ||
    typeof parsed.id !== 'string' ||
    typeof parsed.created !== 'boolean' ||
    (typeof parsed.entityRef !== 'string' && parsed.entityRef !== null)
  ) {
    return null;
  }
  const status = parsed.entityStatus;
  return {
    id: parsed.id,
    created: parsed.created,
    entityRef: parsed.entityRef,
    ...(status === 'linked' ||
    status === 'no-entity' ||
    status === 'linking-pending'
      ? { entityStatus: status }
      : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
