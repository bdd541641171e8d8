import type {
  BuildCacheReport,
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
  | { kind: 'stored'; result: UploadResult }
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
  const body = JSON.stringify(report);
  const attempts = options.retries + 1;
  for (let attempt = 1; ; attempt++) {
    const outcome = await postOnce(system, options, body);
    if (outcome.kind === 'stored') return outcome.result;
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

async function postOnce(
  system: System,
  options: UploadOptions,
  body: string,
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
  if (status === 200 || status === 201) {
    return {
      kind: 'stored',
      result: { created: status === 201, response: parseIngestResponse(text) },
    };
  }
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
    const parsed: unknown = JSON.parse(text);
    if (
      isRecord(parsed) &&
      typeof parsed.id === 'string' &&
      typeof parsed.created === 'boolean' &&
      (typeof parsed.entityRef === 'string' || parsed.entityRef === null)
    ) {
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
  } catch {
    // reported by the caller as an unexpected answer
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
