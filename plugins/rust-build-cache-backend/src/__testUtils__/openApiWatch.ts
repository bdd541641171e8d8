import { appendFileSync } from 'node:fs';
import { IncomingMessage, Server, ServerResponse } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import {
  API_BASE,
  OPENAPI_DOCUMENT_PATH,
  OpenApiContract,
} from './openApiContract';

/**
 * Test hook: every exchange with the plugin's routes on a watched test backend is checked
 * against `src/schema/openapi.yaml` (see {@link OpenApiContract.check}). A departure fails
 * the running test (in its `afterEach`), naming the request, the status and what differs.
 * The backend's other plugins and the framework's own routes (`/.backstage/…`) are not
 * checked. With RBC_OPENAPI_COVERAGE_FILE set, each checked exchange's operation and
 * status is appended to that file (`GET /runs/{id} 200`), to see which operations and
 * statuses the tests exercise.
 */

let contract: OpenApiContract | undefined;
const violations: string[] = [];
const watched = new WeakSet<Server>();

/** Starts checking `server`'s exchanges with the plugin; returns `server`. */
export function watchOpenApiContract<T extends Server>(server: T): T {
  if (watched.has(server)) return server;
  watched.add(server);
  contract ??= new OpenApiContract();
  server.prependListener('request', (req, res) => {
    const url = req.url ?? '';
    if (!url.startsWith(`${API_BASE}/`) || isFrameworkRoute(url)) return;
    captureResponse(req, res, body => {
      const problems = contract!.check({
        method: req.method ?? 'GET',
        url: url.slice(API_BASE.length),
        requestContentType: req.headers['content-type'],
        requestBody: (req as IncomingMessage & { body?: unknown }).body,
        status: res.statusCode,
        responseContentType: headerValue(res.getHeader('content-type')),
        responseBody: body,
      });
      violations.push(...problems);
      const coverageFile = process.env.RBC_OPENAPI_COVERAGE_FILE;
      const matched = contract!.match(
        req.method ?? 'GET',
        url.slice(API_BASE.length).split('?')[0],
      );
      if (coverageFile && matched) {
        appendFileSync(
          coverageFile,
          `${matched.method.toUpperCase()} ${matched.path} ${res.statusCode}\n`,
        );
      }
    });
  });
  return server;
}

/** The framework's routes inside the plugin's base path (actions registry, permissions). */
function isFrameworkRoute(url: string) {
  const path = url.slice(API_BASE.length);
  return path.startsWith('/.backstage/') || path.startsWith('/.well-known/');
}

/** Calls `done` with the decoded body just before the response ends. */
function captureResponse(
  req: IncomingMessage,
  res: ServerResponse,
  done: (body: string) => void,
) {
  const chunks: Buffer[] = [];
  const toBuffer = (chunk: unknown, encoding?: unknown) =>
    Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(
          chunk as string,
          typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
        );
  const write = res.write;
  const end = res.end;
  res.write = function patchedWrite(this: ServerResponse, ...args: any[]) {
    if (args[0] !== undefined && typeof args[0] !== 'function') {
      chunks.push(toBuffer(args[0], args[1]));
    }
    return (write as Function).apply(this, args);
  } as typeof res.write;
  res.end = function patchedEnd(this: ServerResponse, ...args: any[]) {
    if (args[0] !== undefined && typeof args[0] !== 'function') {
      chunks.push(toBuffer(args[0], args[1]));
    }
    try {
      done(
        req.method === 'HEAD'
          ? ''
          : decode(
              Buffer.concat(chunks),
              headerValue(res.getHeader('content-encoding')),
            ),
      );
    } catch (error) {
      violations.push(
        `${req.method} ${req.url} → ${res.statusCode}: could not check the exchange: ${error}`,
      );
    }
    return (end as Function).apply(this, args);
  } as typeof res.end;
}

function decode(body: Buffer, encoding: string | undefined): string {
  switch (encoding?.toLowerCase()) {
    case 'gzip':
      return gunzipSync(body).toString('utf8');
    case 'deflate':
      return inflateSync(body).toString('utf8');
    case 'br':
      return brotliDecompressSync(body).toString('utf8');
    default:
      return body.toString('utf8');
  }
}

function headerValue(
  value: string | number | string[] | undefined,
): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** The departures recorded since the last call, which clears them. */
export function takeOpenApiViolations(): string[] {
  return violations.splice(0, violations.length);
}

if (typeof afterEach === 'function') {
  afterEach(() => {
    const problems = takeOpenApiViolations();
    if (problems.length > 0) {
      throw new Error(
        `This test's HTTP exchanges with the plugin do not match ${OPENAPI_DOCUMENT_PATH}:\n` +
          `${problems.map(problem => `  - ${problem}`).join('\n')}\n` +
          'Fix the route, or describe the change in the document (see its header).',
      );
    }
  });
}
