import { ConfigReader } from '@backstage/config';
import {
  compileGithubValidators,
  FakeGithub,
} from '../__testUtils__/fakeGithub';
import { GithubActionsExecutorConfig } from '../config';
import {
  GithubActionsPrewarmExecutor,
  prewarmWorkflowInputs,
} from './GithubActionsPrewarmExecutor';
import {
  recordingContext,
  RecordingContext,
  testJob,
} from '@rust-build-cache/plugin-rust-build-cache-node/testUtils';

// The first test compiles validators from GitHub's 13 MB OpenAPI description (Ajv), which
// took over 30 s on a loaded 2-core machine.
jest.setTimeout(90_000);

const HOST = 'github.test';
const OWNER = 'acme';
const REPO = 'billing';

const job = testJob({
  jobId: 'job-7f3a',
  representative: {
    entityRef: 'component:default/billing',
    repository: `${HOST}/${OWNER}/${REPO}`,
    workspacePath: 'services/billing',
    commit: 'a'.repeat(40),
  },
});

describe('GithubActionsPrewarmExecutor against a fake GitHub', () => {
  beforeAll(() => compileGithubValidators(), 600_000);

  let github: FakeGithub;

  beforeEach(async () => {
    github = new FakeGithub(OWNER, REPO);
    await github.start();
  });

  afterEach(async () => {
    await github.stop();
    // Every response the fake sent must be one GitHub documents.
    if (github.schemaViolations.length > 0) {
      throw new Error(
        `The fake served what GitHub's OpenAPI description forbids:\n${github.schemaViolations.join(
          '\n',
        )}`,
      );
    }
  });

  function executor(overrides: Partial<GithubActionsExecutorConfig> = {}) {
    const config = new ConfigReader({
      integrations: {
        github: [
          { host: HOST, apiBaseUrl: github.apiBaseUrl, token: 'test-token' },
        ],
      },
    });
    return GithubActionsPrewarmExecutor.fromConfig(config, {
      workflow: 'rust-build-cache-prewarm.yml',
      ref: 'main',
      repository: null,
      pollIntervalSeconds: 1,
      runLookupTimeoutSeconds: 3,
      requestTimeoutMs: 2_000,
      ...overrides,
    });
  }

  /** Moves the dispatched run along like GitHub would once it shows up. */
  async function completeRunWhenDispatched(
    ctx: RecordingContext,
    conclusion: 'success' | 'failure',
  ) {
    while (github.dispatchedRuns.length === 0) {
      await new Promise(r => setTimeout(r, 20));
    }
    const run = github.dispatchedRuns[0];
    run.status = 'in_progress';
    while (ctx.externalRuns.length === 0) {
      await new Promise(r => setTimeout(r, 20));
    }
    run.status = 'completed';
    run.conclusion = conclusion;
  }

  it('dispatches the workflow with the job as inputs, finds its run by name and follows it to success', async () => {
    const ctx = recordingContext(job);
    const [result] = await Promise.all([
      executor().execute(ctx),
      completeRunWhenDispatched(ctx, 'success'),
    ]);
    expect(result).toEqual({ outcome: 'succeeded' });

    const dispatches = github.requests.filter(r => r.method === 'POST');
    expect(dispatches).toHaveLength(1);
    expect(dispatches[0].path).toBe(
      `/api/v3/repos/${OWNER}/${REPO}/actions/workflows/rust-build-cache-prewarm.yml/dispatches`,
    );
    expect(dispatches[0].authorization).toBe('Bearer test-token');
    // Not github.com: no return_run_details, the run is found by listing.
    expect(dispatches[0].body).toEqual({
      ref: 'main',
      inputs: {
        ref: 'a'.repeat(40),
        toolchain: '1.95.0',
        target: 'x86_64-unknown-linux-gnu',
        profile: 'dev',
        features: '',
        'job-id': 'job-7f3a',
        workspace: 'services/billing',
        repository: `${OWNER}/${REPO}`,
      },
    });
    const listing = github.requests.find(r =>
      r.path.endsWith('/actions/workflows/rust-build-cache-prewarm.yml/runs'),
    );
    expect(listing?.query.get('event')).toBe('workflow_dispatch');
    expect(listing?.query.get('created')).toMatch(
      /^>=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
    );

    const runId = github.dispatchedRuns[0].id;
    expect(ctx.externalRuns).toEqual([
      {
        id: String(runId),
        url: `https://github.com/${OWNER}/${REPO}/actions/runs/${runId}`,
      },
    ]);
    expect(ctx.log()).toContain(`Run ${runId} completed: success`);
  });

  it('does not take another job’s run', async () => {
    github.dispatchedRuns.push({
      id: 1,
      workflow: 'rust-build-cache-prewarm.yml',
      ref: 'main',
      inputs: { 'job-id': 'job-7f3' },
      displayTitle: 'prewarm job-7f3',
      createdAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      status: 'completed',
      conclusion: 'failure',
      cancelRequested: false,
    });
    const ctx = recordingContext(job);
    const [result] = await Promise.all([
      executor().execute(ctx),
      (async () => {
        while (github.dispatchedRuns.length < 2) {
          await new Promise(r => setTimeout(r, 20));
        }
        github.dispatchedRuns[1].status = 'completed';
        github.dispatchedRuns[1].conclusion = 'success';
      })(),
    ]);
    expect(result.outcome).toBe('succeeded');
    expect(ctx.externalRuns[0].id).toBe(String(github.dispatchedRuns[1].id));
  });

  it('uses the run id GitHub returns when asked for run details', async () => {
    github.returnRunDetails = true;
    // github.com gets return_run_details; the fake stands in for its API.
    const config = new ConfigReader({
      integrations: {
        github: [
          {
            host: 'github.com',
            apiBaseUrl: github.apiBaseUrl,
            token: 'test-token',
          },
        ],
      },
    });
    const comExecutor = GithubActionsPrewarmExecutor.fromConfig(config, {
      workflow: 'rust-build-cache-prewarm.yml',
      ref: 'main',
      repository: null,
      pollIntervalSeconds: 1,
      runLookupTimeoutSeconds: 3,
      requestTimeoutMs: 2_000,
    });
    const ctx = recordingContext({
      ...job,
      representative: {
        ...job.representative,
        repository: `github.com/${OWNER}/${REPO}`,
      },
    });
    const [result] = await Promise.all([
      comExecutor.execute(ctx),
      completeRunWhenDispatched(ctx, 'success'),
    ]);
    expect(result.outcome).toBe('succeeded');
    const dispatch = github.requests.find(r => r.method === 'POST');
    expect(dispatch?.body).toMatchObject({ return_run_details: true });
    expect(
      github.requests.some(r =>
        r.path.endsWith('/workflows/rust-build-cache-prewarm.yml/runs'),
      ),
    ).toBe(false);
    expect(ctx.externalRuns[0].id).toBe(String(github.dispatchedRuns[0].id));
  });

  it('maps a failed run to a failed job with the run URL', async () => {
    const ctx = recordingContext(job);
    const [result] = await Promise.all([
      executor().execute(ctx),
      completeRunWhenDispatched(ctx, 'failure'),
    ]);
    expect(result.outcome).toBe('failed');
    expect(result.error).toMatch(
      /^GitHub Actions run \d+ concluded 'failure': https:\/\/github.com\/acme\/billing\/actions\/runs\/\d+$/,
    );
  });

  it('dispatches to a central repository when configured', async () => {
    const central = new FakeGithub('acme', 'build-tools');
    await central.start();
    try {
      const config = new ConfigReader({
        integrations: {
          github: [{ host: HOST, apiBaseUrl: central.apiBaseUrl, token: 't' }],
        },
      });
      const ctx = recordingContext(job);
      const [result] = await Promise.all([
        GithubActionsPrewarmExecutor.fromConfig(config, {
          workflow: 'rust-build-cache-prewarm.yml',
          ref: 'v1',
          repository: `${HOST}/acme/build-tools`,
          pollIntervalSeconds: 1,
          runLookupTimeoutSeconds: 3,
          requestTimeoutMs: 2_000,
        }).execute(ctx),
        (async () => {
          while (central.dispatchedRuns.length === 0) {
            await new Promise(r => setTimeout(r, 20));
          }
          central.dispatchedRuns[0].status = 'completed';
          central.dispatchedRuns[0].conclusion = 'success';
        })(),
      ]);
      expect(result.outcome).toBe('succeeded');
      expect(central.dispatchedRuns[0]).toMatchObject({
        ref: 'v1',
        inputs: { repository: `${OWNER}/${REPO}` },
      });
      expect(central.schemaViolations).toEqual([]);
    } finally {
      await central.stop();
    }
  });

  it('fails with the status when the workflow does not exist', async () => {
    const ctx = recordingContext(job);
    const result = await executor({ workflow: 'missing.yml' }).execute(ctx);
    expect(result.outcome).toBe('failed');
    expect(result.error).toMatch(
      /^Dispatching missing.yml on github.test\/acme\/billing failed: .*404/,
    );
  });

  it('fails when no run with the job id appears (a workflow without the run-name)', async () => {
    github.runName = () => 'rust-build-cache pre-warm';
    const ctx = recordingContext(job);
    const result = await executor({ runLookupTimeoutSeconds: 1 }).execute(ctx);
    expect(result.outcome).toBe('failed');
    expect(result.error).toContain(
      "Does the workflow set 'run-name: prewarm ${{ inputs.job-id }}'?",
    );
  });

  it('waits out a rate limit while polling', async () => {
    let limited = 0;
    github.fault = request =>
      request.method === 'GET' &&
      /\/runs\/\d+$/.test(request.path) &&
      limited++ === 0
        ? {
            status: 403,
            headers: {
              'x-ratelimit-remaining': '0',
              'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 1),
            },
          }
        : undefined;
    const ctx = recordingContext(job);
    const [result] = await Promise.all([
      executor().execute(ctx),
      completeRunWhenDispatched(ctx, 'success'),
    ]);
    expect(result.outcome).toBe('succeeded');
    expect(ctx.log()).toContain('GitHub rate limit: waiting until');
  });

  it('stops polling and cancels the run when the job is aborted', async () => {
    const ctx = recordingContext(job);
    const execution = executor().execute(ctx);
    while (ctx.externalRuns.length === 0) {
      await new Promise(r => setTimeout(r, 20));
    }
    ctx.abort(new Error('cancelled by user'));
    await expect(execution).rejects.toThrow('cancelled by user');
    expect(github.dispatchedRuns[0].cancelRequested).toBe(true);
  });

  it('fails clearly for a repository on a host without a GitHub integration', async () => {
    const ctx = recordingContext({
      ...job,
      representative: {
        ...job.representative,
        repository: 'gitlab.example.com/acme/billing',
      },
    });
    const result = await executor().execute(ctx);
    expect(result.outcome).toBe('failed');
    expect(result.error).toContain(
      'gitlab.example.com/acme/billing is not a repository on a GitHub integration host',
    );
  });
});

describe('prewarmWorkflowInputs', () => {
  it('sends the default branch as an empty ref when the commit is unknown', () => {
    expect(
      prewarmWorkflowInputs({
        ...job,
        representative: { ...job.representative, commit: null },
      }).ref,
    ).toBe('');
  });
});
