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
  method: string;
  path: string;
  query: URLSearchParams;
  authorization?: string;
  /** Parsed JSON body of a POST. */
  body?: unknown;
}

/** A run created by a `workflow_dispatch`; tests move it along by setting its fields. */
export interface FakeDispatchedRun {
  id: number;
  workflow: string;
  ref: string;
  inputs: Record<string, string>;
  /** What the workflow's `run-name` made of the inputs. */
  displayTitle: string;
  createdAt: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: 'success' | 'failure' | 'cancelled' | null;
  cancelRequested: boolean;
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
  listWorkflowRuns:
    '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
  getRun: '/repos/{owner}/{repo}/actions/runs/{run_id}',
} as const;

const POST_OPERATIONS = {
  dispatchWorkflow:
    '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
  cancelRun: '/repos/{owner}/{repo}/actions/runs/{run_id}/cancel',
} as const;

type PostOperation = keyof typeof POST_OPERATIONS;

type Operation = keyof typeof OPERATIONS;

type Spec = {
  paths: Record<
    string,
    {
      get: { responses: Record<string, { headers?: Record<string, unknown> }> };
      post: {
        responses: Record<string, { headers?: Record<string, unknown> }>;
      };
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

/** Validator of a POST operation's JSON request body. */
export function requestBodyValidator(
  operation: PostOperation,
): ValidateFunction {
  return schemaValidator(
    `github#/paths/${pointer(
      POST_OPERATIONS[operation],
    )}/post/requestBody/content/application~1json/schema`,
  );
}

/** Validator of a POST operation's 200 JSON body. */
export function postResponseValidator(
  operation: PostOperation,
): ValidateFunction {
  return schemaValidator(
    `github#/paths/${pointer(
      POST_OPERATIONS[operation],
    )}/post/responses/200/content/application~1json/schema`,
  );
}

function schemaValidator(ref: string): ValidateFunction {
  responseValidator('listRuns');
  const validate = ajv!.getSchema(ref);
  if (!validate) {
    throw new Error(`No schema at ${ref}`);
  }
  return validate;
}

/**
 * Compiles every validator the fake uses, up front: compiling against the 13 MB description
 * blocks the event loop for seconds (over a minute on a loaded machine), which would
 * otherwise fall into the first test's requests and their timeouts. Call it in `beforeAll`
 * with a generous timeout. A validator that does not exist is left to fail where it is used.
 */
export function compileGithubValidators(): void {
  const compiles = [
    ...(Object.keys(OPERATIONS) as Operation[]).map(
      operation => () => responseValidator(operation),
    ),
    ...(Object.keys(POST_OPERATIONS) as PostOperation[]).flatMap(operation => [
      () => requestBodyValidator(operation),
      () => postResponseValidator(operation),
    ]),
  ];
  for (const compile of compiles) {
    try {
      compile();
    } catch {
      // No JSON body (a redirect, a 204): the fake never validates one for it.
    }
  }
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
  /** Runs created by workflow dispatches, oldest first. */
  readonly dispatchedRuns: FakeDispatchedRun[] = [];
  /** The workflow's `run-name`; GitHub's default is the workflow name. */
  runName: (inputs: Record<string, string>) => string = inputs =>
    `prewarm ${inputs['job-id']}`;
  /** Answer dispatches asking for `return_run_details` with 200 and the run (github.com). */
  returnRunDetails = false;
  /** Workflow file names that exist; dispatches to others get 404. */
  readonly workflows = new Set<string>(['rust-build-cache-prewarm.yml']);
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
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = undefined;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      this.handleRequest(req, res, body);
    });
  }

  private handleRequest(
    req: IncomingMessage,
    res: ServerResponse,
    body: unknown,
  ) {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const request: FakeRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      authorization: req.headers.authorization,
      body,
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
    const dispatch = path.match(
      new RegExp(`^${repoPrefix}/workflows/([^/]+)/dispatches$`),
    );
    const workflowRuns = path.match(
      new RegExp(`^${repoPrefix}/workflows/([^/]+)/runs$`),
    );
    const oneRun = path.match(new RegExp(`^${repoPrefix}/runs/(\\d+)$`));
    const cancel = path.match(new RegExp(`^${repoPrefix}/runs/(\\d+)/cancel$`));
    if (request.method === 'POST') {
      if (dispatch) {
        this.dispatch(res, decodeURIComponent(dispatch[1]), body);
      } else if (cancel) {
        const run = this.dispatchedRuns.find(r => r.id === Number(cancel[1]));
        if (run) run.cancelRequested = true;
        if (run) this.checkPostStatus('cancelRun', 202);
        res.writeHead(run ? 202 : 404, { 'content-type': 'application/json' });
        res.end('{}');
      } else {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'Not Found' }));
      }
      return;
    }
    if (workflowRuns) {
      this.sendJson(
        res,
        'listWorkflowRuns',
        this.listWorkflowRuns(
          decodeURIComponent(workflowRuns[1]),
          url.searchParams,
        ),
      );
    } else if (
      oneRun &&
      this.dispatchedRuns.some(r => r.id === Number(oneRun[1]))
    ) {
      this.sendJson(
        res,
        'getRun',
        this.toWorkflowRun(
          this.dispatchedRuns.find(r => r.id === Number(oneRun[1]))!,
        ),
      );
    } else if (path === `${repoPrefix}/runs`) {
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

  private dispatch(res: ServerResponse, workflow: string, body: unknown) {
    const validate = requestBodyValidator('dispatchWorkflow');
    if (!validate(body)) {
      this.schemaViolations.push(
        `dispatchWorkflow request: ${JSON.stringify(validate.errors)}`,
      );
      res.writeHead(422, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Invalid request' }));
      return;
    }
    if (!this.workflows.has(workflow)) {
      // GitHub answers 404 for an unknown workflow (not in its description).
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Not Found' }));
      return;
    }
    const request = body as {
      ref: string;
      inputs?: Record<string, unknown>;
      return_run_details?: boolean;
    };
    const inputs = Object.fromEntries(
      Object.entries(request.inputs ?? {}).map(([k, v]) => [k, String(v)]),
    );
    const run: FakeDispatchedRun = {
      id: 9000 + this.dispatchedRuns.length + 1,
      workflow,
      ref: request.ref,
      inputs,
      displayTitle: this.runName(inputs),
      createdAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      status: 'queued',
      conclusion: null,
      cancelRequested: false,
    };
    this.dispatchedRuns.push(run);
    if (this.returnRunDetails && request.return_run_details) {
      const details = {
        workflow_run_id: run.id,
        run_url: `${this.apiBaseUrl}/repos/${this.owner}/${this.repo}/actions/runs/${run.id}`,
        html_url: this.htmlUrl(run.id),
      };
      const validateResponse = postResponseValidator('dispatchWorkflow');
      if (!validateResponse(details)) {
        this.schemaViolations.push(
          `dispatchWorkflow: ${JSON.stringify(validateResponse.errors)}`,
        );
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(details));
      return;
    }
    this.checkPostStatus('dispatchWorkflow', 204);
    res.writeHead(204).end();
  }

  private htmlUrl(runId: number): string {
    return `https://github.com/${this.owner}/${this.repo}/actions/runs/${runId}`;
  }

  private listWorkflowRuns(workflow: string, query: URLSearchParams) {
    const created = query.get('created');
    const since = created?.startsWith('>=') ? Date.parse(created.slice(2)) : 0;
    if (Number.isNaN(since)) {
      throw new Error(`Unexpected run query ${query}`);
    }
    const event = query.get('event');
    const matching = this.dispatchedRuns
      .filter(
        run =>
          run.workflow === workflow &&
          (!event || event === 'workflow_dispatch') &&
          Date.parse(run.createdAt) >= since,
      )
      .reverse();
    return {
      total_count: matching.length,
      workflow_runs: matching.map(run => this.toWorkflowRun(run)),
    };
  }

  private toWorkflowRun(run: FakeDispatchedRun) {
    const template = example<{ workflow_runs: Array<Record<string, unknown>> }>(
      'workflow-run-paginated',
    ).workflow_runs[0];
    return {
      ...template,
      id: run.id,
      name: 'rust-build-cache pre-warm',
      display_title: run.displayTitle,
      event: 'workflow_dispatch',
      head_branch: run.ref,
      path: `.github/workflows/${run.workflow}`,
      run_number: run.id,
      status: run.status,
      conclusion: run.conclusion,
      html_url: this.htmlUrl(run.id),
      created_at: run.createdAt,
      updated_at: run.createdAt,
      run_started_at: run.createdAt,
    };
  }

  private checkPostStatus(operation: PostOperation, status: number) {
    const responses = openapi.paths[POST_OPERATIONS[operation]].post.responses;
    if (!responses[String(status)]) {
      this.schemaViolations.push(
        `${operation}: status ${status} is not documented`,
      );
    }
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
