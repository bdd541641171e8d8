import { RootConfigService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import {
  PrewarmExecutionContext,
  PrewarmExecutionResult,
  PrewarmExecutor,
  PrewarmJobSpec,
} from '@rust-build-cache/plugin-rust-build-cache-node';
import { EXECUTOR_KEY as KEY, GithubActionsExecutorConfig } from '../config';
import {
  GithubApiClient,
  GithubRateLimitError,
  GithubTransientError,
  sleep,
} from '../GithubApiClient';
import { GithubHosts } from '../GithubHosts';

/**
 * The `workflow_dispatch` inputs the executor sends; the reusable workflow
 * (docs/prewarm/rust-build-cache-prewarm.yml) declares exactly these. All values are
 * strings, as GitHub passes them.
 */
export interface PrewarmWorkflowInputs {
  /** Commit of the representative repository to build; empty for its default branch. */
  ref: string;
  /** rustc release of the consumers, e.g. `1.95.0`. */
  toolchain: string;
  target: string;
  profile: string;
  /** Cargo features; empty = the defaults, like the consumers' plain `cargo build`. */
  features: string;
  /** The warm job's id: the workflow puts it into its run name and report. */
  'job-id': string;
  /** Cargo workspace path inside the repository, `.` for the root. */
  workspace: string;
  /** `owner/name` of the repository to build (on the same GitHub host). */
  repository: string;
}

export function prewarmWorkflowInputs(
  job: PrewarmJobSpec,
): PrewarmWorkflowInputs {
  const [, ...ownerAndName] = job.representative.repository.split('/');
  return {
    ref: job.representative.commit ?? '',
    toolchain: job.key.rustc,
    target: job.key.target,
    profile: job.key.profile,
    features: '',
    'job-id': job.jobId,
    workspace: job.representative.workspacePath,
    repository: ownerAndName.join('/'),
  };
}

interface WorkflowRun {
  id: number;
  html_url: string;
  status: string | null;
  conclusion: string | null;
  display_title?: string;
  created_at: string;
}

/**
 * Runs warm builds as GitHub Actions runs: dispatches the pre-warm workflow with the job's
 * settings as inputs, finds the run it created, and polls it until it completes. The
 * workflow pushes its own `kind: prewarm` report; the backend matches it to the job by the
 * external run id, so `cacheWrites` and `reportId` stay unset here.
 *
 * Finding the run: on github.com the dispatch asks for `return_run_details` and gets the
 * run id back. Otherwise (GitHub Enterprise Server, or a 204 answer) the executor lists the
 * workflow's `workflow_dispatch` runs created since just before the dispatch and takes the
 * one whose name (`display_title`) contains the job id: the workflow sets
 * `run-name: prewarm ${{ inputs.job-id }}`.
 */
export class GithubActionsPrewarmExecutor implements PrewarmExecutor {
  readonly id = 'github-actions';
  readonly title = 'GitHub Actions';
  readonly description =
    'Dispatches the rust-build-cache-prewarm workflow and follows its run; the run pushes its own report.';

  /**
   * `hosts` holds the rate-limit state per host, shared by all jobs (a limit hit by one
   * stops all until it resets) and with the pull provider.
   */
  /** With hosts of its own; the module shares one {@link GithubHosts} instead. */
  static fromConfig(
    config: RootConfigService,
    settings: GithubActionsExecutorConfig,
  ): GithubActionsPrewarmExecutor {
    return new GithubActionsPrewarmExecutor(
      GithubHosts.fromConfig(config),
      settings,
    );
  }

  constructor(
    private readonly hosts: GithubHosts,
    private readonly settings: GithubActionsExecutorConfig,
  ) {}

  async execute(ctx: PrewarmExecutionContext): Promise<PrewarmExecutionResult> {
    const { job, signal } = ctx;
    const target = this.settings.repository ?? job.representative.repository;
    const [host, owner, ...rest] = target.split('/');
    const name = rest.join('/');
    if (!this.hosts.integration(host) || !owner || !name) {
      return failed(
        ctx,
        `${target} is not a repository on a GitHub integration host (integrations.github; the workflow repository comes from ${KEY}.repository or the representative repository)`,
      );
    }
    const representativeHost = job.representative.repository.split('/')[0];
    if (representativeHost !== host) {
      return failed(
        ctx,
        `The workflow in ${target} cannot check out ${job.representative.repository}: it is on another host`,
      );
    }
    const client = (clientSignal?: AbortSignal) =>
      this.hosts.client({
        host,
        owner,
        name,
        retry: {
          maxAttempts: 3,
          baseDelayMs: 1000,
          requestTimeoutMs: this.settings.requestTimeoutMs,
        },
        signal: clientSignal,
      });
    const api = client(signal);
    const repoPath = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(
      name,
    )}`;
    const workflowPath = `${repoPath}/actions/workflows/${encodeURIComponent(
      this.settings.workflow,
    )}`;
    const inputs = prewarmWorkflowInputs(job);

    // GitHub's clock decides `created`; allow for skew between it and this host.
    const dispatchedAt = new Date(Date.now() - 60_000);
    let runId: number | undefined;
    let runUrl: string | null = null;
    try {
      ctx.appendLog(
        `Dispatching ${this.settings.workflow} on ${target}@${
          this.settings.ref
        } with ${JSON.stringify(inputs)}\n`,
      );
      const response = await api.postJson(`${workflowPath}/dispatches`, {
        ref: this.settings.ref,
        inputs,
        ...(host === 'github.com' ? { return_run_details: true } : {}),
      });
      if (response.status === 200) {
        const details = (await response.json()) as {
          workflow_run_id?: number;
          html_url?: string;
        };
        runId = details.workflow_run_id;
        runUrl = details.html_url ?? null;
      } else {
        await response.body?.cancel();
      }
    } catch (error) {
      if (signal.aborted) throw error;
      return failed(
        ctx,
        `Dispatching ${this.settings.workflow} on ${target} failed: ${describe(
          error,
        )}`,
      );
    }

    try {
      if (runId === undefined) {
        const run = await this.findRun(ctx, api, workflowPath, dispatchedAt);
        if (!run) {
          return failed(
            ctx,
            `No run of ${this.settings.workflow} named with job id ${job.jobId} appeared on ${target} within ${this.settings.runLookupTimeoutSeconds} s. Does the workflow set 'run-name: prewarm \${{ inputs.job-id }}'?`,
          );
        }
        runId = run.id;
        runUrl = run.html_url;
      }
      await ctx.setExternalRun({ id: String(runId), url: runUrl });
      ctx.appendLog(`Run ${runId}: ${runUrl ?? '(no URL)'}\n`);
      const run = await this.waitForCompletion(ctx, api, repoPath, runId);
      ctx.appendLog(`Run ${runId} completed: ${run.conclusion}\n`);
      if (run.conclusion === 'success') {
        return { outcome: 'succeeded' };
      }
      return failed(
        ctx,
        `GitHub Actions run ${runId} concluded '${
          run.conclusion ?? 'unknown'
        }': ${run.html_url}`,
      );
    } catch (error) {
      if (signal.aborted && runId !== undefined) {
        // The job's signal is aborted: cancel with a client of its own.
        await this.cancelRun(ctx, client(), repoPath, runId);
      }
      throw error;
    }
  }

  private async findRun(
    ctx: PrewarmExecutionContext,
    api: GithubApiClient,
    workflowPath: string,
    since: Date,
  ): Promise<WorkflowRun | undefined> {
    const deadline = Date.now() + this.settings.runLookupTimeoutSeconds * 1000;
    const query = new URLSearchParams({
      event: 'workflow_dispatch',
      created: `>=${since.toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
      per_page: '100',
    });
    for (;;) {
      const page = await this.withRateLimit(ctx, () =>
        api.getJson<{ workflow_runs: WorkflowRun[] }>(
          `${workflowPath}/runs?${query}`,
        ),
      );
      const run = page?.workflow_runs.find(r =>
        (r.display_title ?? '').split(/\s+/).includes(ctx.job.jobId),
      );
      if (run) {
        return run;
      }
      // A dispatched run takes a few seconds to show up.
      if (Date.now() >= deadline) {
        return undefined;
      }
      await sleep(
        Math.min(this.settings.pollIntervalSeconds * 1000, 10_000),
        ctx.signal,
      );
    }
  }

  private async waitForCompletion(
    ctx: PrewarmExecutionContext,
    api: GithubApiClient,
    repoPath: string,
    runId: number,
  ): Promise<WorkflowRun> {
    let lastStatus: string | null = null;
    for (;;) {
      const run = await this.withRateLimit(ctx, () =>
        api.getJson<WorkflowRun>(`${repoPath}/actions/runs/${runId}`),
      );
      if (run) {
        if (run.status !== lastStatus) {
          ctx.appendLog(`Run ${runId}: ${run.status}\n`);
          lastStatus = run.status;
        }
        if (run.status === 'completed') {
          return run;
        }
      }
      await sleep(this.settings.pollIntervalSeconds * 1000, ctx.signal);
    }
  }

  /**
   * Runs one read; waits out GitHub's rate limit and retries transient failures on the next
   * poll (returns undefined), so that a long build survives a bad minute of the API.
   */
  private async withRateLimit<T>(
    ctx: PrewarmExecutionContext,
    read: () => Promise<T>,
  ): Promise<T | undefined> {
    try {
      return await read();
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      if (error instanceof GithubRateLimitError) {
        ctx.appendLog(
          `GitHub rate limit: waiting until ${error.until.toISOString()}\n`,
        );
        await sleep(
          Math.max(0, error.until.getTime() - Date.now()) + 1000,
          ctx.signal,
        );
        return undefined;
      }
      if (error instanceof GithubTransientError) {
        ctx.appendLog(`${error.message}; trying again on the next poll\n`);
        return undefined;
      }
      throw error;
    }
  }

  /** Best effort: an aborted job should not leave its build running on GitHub. */
  private async cancelRun(
    ctx: PrewarmExecutionContext,
    api: GithubApiClient,
    repoPath: string,
    runId: number,
  ) {
    try {
      const response = await api.postJson(
        `${repoPath}/actions/runs/${runId}/cancel`,
        {},
      );
      await response.body?.cancel();
      ctx.appendLog(`Cancelled run ${runId}\n`);
    } catch (error) {
      ctx.logger.warn(
        `Could not cancel GitHub Actions run ${runId}: ${describe(error)}`,
      );
    }
  }
}

function failed(
  ctx: PrewarmExecutionContext,
  error: string,
): PrewarmExecutionResult {
  ctx.appendLog(`error: ${error}\n`);
  return { outcome: 'failed', error };
}

function describe(error: unknown): string {
  return isError(error) ? error.message : String(error);
}
