import { CustomErrorBase, ResponseError } from '@backstage/errors';
import { GithubCredentialsProvider } from '@backstage/integration';

/** GitHub refuses requests until `until`; retrying earlier only burns the next window. */
export class GithubRateLimitError extends CustomErrorBase {
  name = 'GithubRateLimitError' as const;
  constructor(readonly host: string, readonly until: Date) {
    super(`${host} is rate limited until ${until.toISOString()}`);
  }
}

/** A download larger than the configured maximum; retrying would not help. */
export class ArtifactTooLargeError extends CustomErrorBase {
  name = 'ArtifactTooLargeError' as const;
}

/** Failed after all retries with a server error, a timeout or a network error. */
export class GithubTransientError extends CustomErrorBase {
  name = 'GithubTransientError' as const;
}

export interface GithubRetryOptions {
  /** Attempts per request, including the first. */
  maxAttempts: number;
  /** Delay before the first retry; doubled on each further one. */
  baseDelayMs: number;
  /** Per attempt, until the response headers (and, for downloads, the body) arrived. */
  requestTimeoutMs: number;
}

/**
 * Plain fetch against one GitHub host's REST API with the integration's credentials,
 * bounded retries of transient failures, and rate-limit detection. The per-host
 * `rateLimits` map is shared by all clients of a provider, so that one repository hitting
 * the limit stops the pass for all repositories of that host.
 */
export class GithubApiClient {
  constructor(
    private readonly options: {
      host: string;
      apiBaseUrl: string;
      /** Any URL of the repository: credentials may be per organisation (GitHub Apps). */
      repositoryUrl: string;
      credentials: GithubCredentialsProvider;
      rateLimits: Map<string, Date>;
      retry: GithubRetryOptions;
      signal?: AbortSignal;
    },
  ) {}

  async getJson<T>(path: string): Promise<T> {
    const response = await this.request(path);
    return (await response.json()) as T;
  }

  /**
   * POSTs a JSON body once: a POST that starts something (a workflow dispatch) is not
   * retried, because a lost response does not tell whether GitHub acted on it.
   */
  async postJson(path: string, body: unknown): Promise<Response> {
    return this.request(path, { method: 'POST', body: JSON.stringify(body) });
  }

  /** Follows GitHub's redirect to the blob store; refuses bodies over `maxBytes`. */
  async download(path: string, maxBytes: number): Promise<Buffer> {
    const response = await this.request(path);
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      await response.body?.cancel();
      throw new ArtifactTooLargeError(
        `Download is ${declared} bytes, more than the limit of ${maxBytes}`,
      );
    }
    const chunks: Buffer[] = [];
    let total = 0;
    const reader = response.body?.getReader();
    // The length header may be absent or wrong: count what actually arrives.
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) {
        break;
      }
      total += chunk.value.length;
      if (total > maxBytes) {
        await reader?.cancel();
        throw new ArtifactTooLargeError(
          `Download is more than the limit of ${maxBytes} bytes`,
        );
      }
      chunks.push(Buffer.from(chunk.value));
    }
    return Buffer.concat(chunks);
  }

  private async request(
    path: string,
    init?: { method: 'POST'; body: string },
  ): Promise<Response> {
    const { host, retry, rateLimits } = this.options;
    const method = init?.method ?? 'GET';
    const maxAttempts = init ? 1 : retry.maxAttempts;
    let lastFailure = '';
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const limitedUntil = rateLimits.get(host);
      if (limitedUntil && limitedUntil.getTime() > Date.now()) {
        throw new GithubRateLimitError(host, limitedUntil);
      }
      if (attempt > 1) {
        await sleep(
          retry.baseDelayMs * 2 ** (attempt - 2),
          this.options.signal,
        );
      }
      let response: Response;
      try {
        response = await this.fetchOnce(path, init);
      } catch (error) {
        if (this.options.signal?.aborted) {
          throw error;
        }
        lastFailure = (error as Error).message;
        continue;
      }
      const until = rateLimitedUntil(response);
      if (until) {
        rateLimits.set(host, until);
        await response.body?.cancel();
        throw new GithubRateLimitError(host, until);
      }
      if (response.headers.get('x-ratelimit-remaining') === '0') {
        // This response is good, the next request would not be.
        const reset = resetTime(response);
        if (reset) {
          rateLimits.set(host, reset);
        }
      }
      if (response.status >= 500) {
        lastFailure = `HTTP ${response.status}`;
        await response.body?.cancel();
        continue;
      }
      if (!response.ok) {
        throw await ResponseError.fromResponse(response);
      }
      return response;
    }
    throw new GithubTransientError(
      `${method} ${path} failed after ${maxAttempts} attempt${
        maxAttempts === 1 ? '' : 's'
      }: ${lastFailure}`,
    );
  }

  private async fetchOnce(
    path: string,
    init?: { method: 'POST'; body: string },
  ): Promise<Response> {
    const { apiBaseUrl, repositoryUrl, credentials, retry, signal } =
      this.options;
    const { headers } = await credentials.getCredentials({
      url: repositoryUrl,
    });
    const timeout = AbortSignal.timeout(retry.requestTimeoutMs);
    return fetch(`${apiBaseUrl.replace(/\/+$/, '')}${path}`, {
      method: init?.method ?? 'GET',
      body: init?.body,
      headers: {
        ...headers,
        Accept: 'application/vnd.github+json',
        'X-GitHub-Api-Version': '2022-11-28',
        ...(init ? { 'Content-Type': 'application/json' } : {}),
      },
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  }
}

/** Primary limit: 403/429 with remaining 0; secondary limit: 403/429 with retry-after. */
function rateLimitedUntil(response: Response): Date | undefined {
  if (response.status !== 403 && response.status !== 429) {
    return undefined;
  }
  const retryAfter = Number(response.headers.get('retry-after') ?? NaN);
  if (Number.isFinite(retryAfter)) {
    return new Date(Date.now() + retryAfter * 1000);
  }
  if (response.headers.get('x-ratelimit-remaining') === '0') {
    // GitHub documents waiting a minute when it gives no reset time.
    return resetTime(response) ?? new Date(Date.now() + 60_000);
  }
  return undefined;
}

function resetTime(response: Response): Date | undefined {
  const reset = Number(response.headers.get('x-ratelimit-reset') ?? NaN);
  return Number.isFinite(reset) ? new Date(reset * 1000) : undefined;
}

/** Resolves after `ms`; rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
