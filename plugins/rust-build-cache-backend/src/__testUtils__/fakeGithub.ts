import { readFileSync } from 'node:fs';
import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export interface FakeRun {
  id: number;
  createdAt: string;
  /** Zip served as the run's `rust-build-cache-report` artifact; none when absent. */
  zip?: Buffer;
  artifactName?: string;
  /** Declared artifact size; the zip's length when absent. */
  sizeInBytes?: number;
  expired?: boolean;
  /** Completed unless set. */
  status?: 'queued' | 'in_progress';
}

export interface FakeRequest {
  path: string;
  query: URLSearchParams;
  authorization?: string;
}

/** A fault for one request: a response to send instead, or `hang` to never answer. */
export type Fault =
  | { status: number; headers?: Record<string, string>; body?: string }
  | 'hang';

const OPERATIONS = {
  listRuns: '/repos/{owner}/{repo}/actions/runs',
  listArtifacts: '/repos/{owner}/{repo}/actions/runs/{run_id}/artifacts',
  downloadArtifact:
    '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}',
} as const;

type Operation = keyof typeof OPERATIONS;

type Spec = {
  paths: Record<
    string,
    {
      get: { responses: Record<string, { headers?: Record<string, unknown> }> };
    }
  >;
  components: { examples: Record<string, { value: unknown }> };
};
// The published OpenAPI description of api.github.com: what the fake serves must be what
// GitHub documents, or the provider is tested against a GitHub that does not exist. Read
// as data: importing 13 MB of JSON would make the type checker crawl.
const spec: object = JSON.parse(
  readFileSync(
    require.resolve('@octokit/openapi/generated/api.github.com.json'),
    'utf8',
  ),
);
const openapi = spec as Spec;

function pointer(path: string): string {
  return path.replace(/~/g, '~0').replace(/\//g, '~1');
}

let ajv: Ajv | undefined;
/** Validator of an operation's 200 JSON body, $refs resolved against the whole description. */
export function responseValidator(operation: Operation): ValidateFunction {
  if (!ajv) {
    // strict: false — the description uses OpenAPI keywords (example, discriminator) that are
    // not JSON Schema; `nullable` is understood by Ajv itself.
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ ...spec, $id: 'github' });
  }
  const validate = ajv.getSchema(
    `github#/paths/${pointer(
      OPERATIONS[operation],
    )}/get/responses/200/content/application~1json/schema`,
  );
  if (!validate) {
    throw new Error(`No response schema for ${operation}`);
  }
  return validate;
}

function example<T>(name: string): T {
  return JSON.parse(JSON.stringify(openapi.components.examples[name].value));
}

/**
 * A local stand-in for the four GitHub REST endpoints the pull provider calls, on a real
 * HTTP server on 127.0.0.1, serving bodies built from GitHub's own documented examples.
 */
export class FakeGithub {
  readonly runs: FakeRun[] = [];
  readonly requests: FakeRequest[] = [];
  /** Responses that broke GitHub's description; a test passing with any is wrong. */
  readonly schemaViolations: string[] = [];
  /** Called per request before it is served; return a fault to inject it. */
  fault: (request: FakeRequest) => Fault | undefined = () => undefined;

  private server?: Server;
  private readonly hanging = new Set<ServerResponse>();
  private baseUrl = '';

  constructor(readonly owner: string, readonly repo: string) {}

  get apiBaseUrl(): string {
    return `${this.baseUrl}/api/v3`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>(resolve =>
      this.server!.listen(0, '127.0.0.1', resolve),
    );
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) {
      res.destroy();
    }
    this.server?.closeAllConnections();
    await new Promise<void>(resolve => this.server?.close(() => resolve()));
  }

  requestsTo(pattern: RegExp): FakeRequest[] {
    return this.requests.filter(r => pattern.test(r.path));
  }

  private handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const request: FakeRequest = {
      path: url.pathname,
      query: url.searchParams,
      authorization: req.headers.authorization,
    };
    this.requests.push(request);
    const fault = this.fault(request);
    if (fault === 'hang') {
      this.hanging.add(res);
      return;
    }
    if (fault) {
      res.writeHead(fault.status, {
        'content-type': 'application/json',
        ...fault.headers,
      });
      res.end(fault.body ?? JSON.stringify({ message: 'fault' }));
      return;
    }

    const repoPrefix = `/api/v3/repos/${this.owner}/${this.repo}/actions`;
    const path = url.pathname;
    const artifactsOfRun = path.match(
      new RegExp(`^${repoPrefix}/runs/(\\d+)/artifacts$`),
    );
    const download = path.match(
      new RegExp(`^${repoPrefix}/artifacts/(\\d+)/(\\w+)$`),
    );
    const blob = path.match(/^\/blobs\/(\d+)$/);
    if (path === `${repoPrefix}/runs`) {
      this.sendJson(res, 'listRuns', this.listRuns(url.searchParams));
    } else if (artifactsOfRun) {
      this.sendJson(
        res,
        'listArtifacts',
        this.listArtifacts(Number(artifactsOfRun[1]), url.searchParams),
      );
    } else if (download) {
      const run = this.runs.find(r => r.id === Number(download[1]));
      this.checkStatus('downloadArtifact', run && !run.expired ? 302 : 410);
      if (!run || run.expired) {
        res.writeHead(410).end();
        return;
      }
      // GitHub redirects to short-lived blob storage.
      res.writeHead(302, { location: `${this.baseUrl}/blobs/${run.id}` }).end();
    } else if (blob) {
      const zip = this.runs.find(r => r.id === Number(blob[1]))?.zip;
      if (!zip) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/zip',
        'content-length': String(zip.length),
      });
      res.end(zip);
    } else {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Not Found' }));
    }
  }

  private listRuns(query: URLSearchParams) {
    const created = query.get('created');
    const since = created?.startsWith('>=') ? Date.parse(created.slice(2)) : 0;
    if (query.get('status') !== 'completed' || Number.isNaN(since)) {
      throw new Error(`Unexpected run query ${query}`);
    }
    const perPage = Number(query.get('per_page') ?? 30);
    const page = Number(query.get('page') ?? 1);
    // Newest first, like GitHub.
    const matching = this.runs
      .filter(run => !run.status && Date.parse(run.createdAt) >= since)
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
    const template = example<{ workflow_runs: Array<Record<string, unknown>> }>(
      'workflow-run-paginated',
    ).workflow_runs[0];
    return {
      total_count: matching.length,
      workflow_runs: matching
        .slice((page - 1) * perPage, page * perPage)
        .map(run => ({
          ...template,
          id: run.id,
          run_number: run.id,
          status: 'completed',
          conclusion: 'success',
          created_at: run.createdAt,
          updated_at: run.createdAt,
          run_started_at: run.createdAt,
        })),
    };
  }

  private listArtifacts(runId: number, query: URLSearchParams) {
    const run = this.runs.find(r => r.id === runId);
    const template = example<{ artifacts: Array<Record<string, unknown>> }>(
      'artifact-paginated',
    ).artifacts[0];
    const name = run?.artifactName ?? 'rust-build-cache-report';
    const artifacts =
      run?.zip && (!query.get('name') || query.get('name') === name)
        ? [
            {
              ...template,
              id: run.id,
              name,
              size_in_bytes: run.sizeInBytes ?? run.zip.length,
              expired: run.expired ?? false,
              url: `${this.apiBaseUrl}/repos/${this.owner}/${this.repo}/actions/artifacts/${run.id}`,
              archive_download_url: `${this.apiBaseUrl}/repos/${this.owner}/${this.repo}/actions/artifacts/${run.id}/zip`,
              workflow_run: {
                ...(template.workflow_run as object),
                id: run.id,
              },
            },
          ]
        : [];
    return { total_count: artifacts.length, artifacts };
  }

  private sendJson(res: ServerResponse, operation: Operation, body: unknown) {
    const validate = responseValidator(operation);
    if (!validate(body)) {
      this.schemaViolations.push(
        `${operation}: ${JSON.stringify(validate.errors)}`,
      );
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  private checkStatus(operation: Operation, status: number) {
    const responses = openapi.paths[OPERATIONS[operation]].get.responses;
    if (!responses[String(status)]) {
      this.schemaViolations.push(
        `${operation}: status ${status} is not documented`,
      );
    }
  }
}
