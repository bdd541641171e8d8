import { RootConfigService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import { Entity } from '@backstage/catalog-model';
import {
  entitySourceKey,
  PullProvider,
  PullProviderContext,
  PullResult,
} from '@rust-build-cache/plugin-rust-build-cache-node';
import { GithubActionsPullSettings } from '../config';
import {
  ArtifactTooLargeError,
  GithubApiClient,
  GithubRateLimitError,
} from '../GithubApiClient';
import { GithubHosts } from '../GithubHosts';
import { readZip, ZipFormatError } from './zip';

export const GITHUB_ACTIONS_PULL_PROVIDER_ID = 'github-actions';

interface WorkflowRun {
  id: number;
  created_at: string;
}

interface Artifact {
  id: number;
  name: string;
  size_in_bytes: number;
  expired: boolean;
}

/**
 * Where the next pull resumes: runs created at or after `createdAt`, except the runs in
 * `done` ([id, created_at]), which were ingested or definitively skipped already.
 *
 * The run list only shows completed runs, and a run created earlier may complete later
 * than one created after it. So `createdAt` trails the newest done run by `maxRunMinutes`,
 * and `done` keeps those runs from being downloaded again.
 */
interface Cursor {
  createdAt: string;
  done: Array<[number, string]>;
}

const PER_PAGE = 100;
// GitHub returns at most 1000 results for a filtered run listing.
const MAX_PAGES = 10;

/**
 * Pulls reports that CI uploaded as a workflow artifact (default name
 * `rust-build-cache-report`) from the GitHub Actions runs of the entity's repository,
 * with the credentials of the `integrations.github` entry of its host.
 */
export class GithubActionsPullProvider implements PullProvider {
  readonly id = GITHUB_ACTIONS_PULL_PROVIDER_ID;

  /**
   * `hosts` holds the rate-limit state per host, shared by all repositories (a limit hit
   * by one stops all) and with the pre-warm executor.
   */
  /** With hosts of its own; the module shares one {@link GithubHosts} instead. */
  static fromConfig(
    config: RootConfigService,
    settings: GithubActionsPullSettings,
  ): GithubActionsPullProvider {
    return new GithubActionsPullProvider(
      GithubHosts.fromConfig(config),
      settings,
    );
  }

  constructor(
    private readonly hosts: GithubHosts,
    private readonly settings: GithubActionsPullSettings,
  ) {}

  supports(entity: Entity): boolean {
    const repository = entitySourceKey(entity)?.repository;
    return repository
      ? this.hosts.integration(repository.split('/')[0]) !== undefined
      : false;
  }

  async pull(context: PullProviderContext): Promise<PullResult> {
    const { repository, logger } = context;
    const [host, owner, name] = repository.split('/');
    if (!this.hosts.integration(host) || !owner || !name) {
      throw new Error(
        `${repository} is not a repository of a GitHub integration`,
      );
    }
    const api = this.hosts.client({
      host,
      owner,
      name,
      retry: this.settings.retry,
      signal: context.signal,
    });
    const repoPath = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(
      name,
    )}`;
    const cursor = parseCursor(context.cursor) ?? {
      createdAt: toGithubTime(
        new Date(Date.now() - this.settings.initialLookbackDays * 86_400_000),
      ),
      done: [],
    };

    let runs: WorkflowRun[];
    try {
      runs = await this.listRuns(api, repoPath, cursor);
    } catch (error) {
      if (error instanceof GithubRateLimitError) {
        return {
          cursor: context.cursor,
          ingested: 0,
          errors: [],
          rateLimitedUntil: error.until,
        };
      }
      throw error;
    }

    const done = [...cursor.done];
    let ingested = 0;
    const errors: string[] = [];
    const result = (rateLimitedUntil?: Date): PullResult => ({
      cursor: JSON.stringify(
        this.nextCursor(cursor, done, runs[done.length - cursor.done.length]),
      ),
      ingested,
      errors,
      rateLimitedUntil,
    });
    for (const run of runs.slice(0, this.settings.maxRunsPerPass)) {
      try {
        const outcome = await this.pullRun(api, repoPath, run, context);
        ingested += outcome.ingested;
        errors.push(...outcome.errors);
      } catch (error) {
        if (error instanceof GithubRateLimitError) {
          return result(error.until);
        }
        // Transient: keep the cursor before this run, so the next pass retries it.
        errors.push(
          `Run ${run.id}: ${
            isError(error) ? error.message : String(error)
          }; retried on the next pull`,
        );
        logger.warn(`Pulling run ${run.id} of ${repository} failed`, {
          error: isError(error) ? error.message : String(error),
        });
        return result();
      }
      done.push([run.id, run.created_at]);
    }
    return result();
  }

  /**
   * Everything created before `firstNotDone` (the run that failed, or the first beyond this
   * pass's limit; none when all listed runs are done) is done; keep `maxRunMinutes` behind.
   */
  private nextCursor(
    previous: Cursor,
    done: Array<[number, string]>,
    firstNotDone: WorkflowRun | undefined,
  ): Cursor {
    const reached = Date.parse(
      firstNotDone?.created_at ?? new Date().toISOString(),
    );
    const horizon = Date.now() - this.settings.maxRunMinutes * 60_000;
    const createdAt = Math.min(
      reached,
      Math.max(Date.parse(previous.createdAt), horizon),
    );
    return {
      createdAt: toGithubTime(new Date(createdAt)),
      // Whole seconds: GitHub's filter has second precision.
      done: done.filter(
        ([, runCreatedAt]) =>
          Date.parse(runCreatedAt) >= Math.floor(createdAt / 1000) * 1000,
      ),
    };
  }

  /** Completed runs created since the cursor, oldest first, not done yet. */
  private async listRuns(
    api: GithubApiClient,
    repoPath: string,
    cursor: Cursor,
  ): Promise<WorkflowRun[]> {
    const runs = new Map<number, WorkflowRun>();
    const created = encodeURIComponent(`>=${cursor.createdAt}`);
    for (let page = 1; page <= MAX_PAGES; page++) {
      const body = await api.getJson<{ workflow_runs: WorkflowRun[] }>(
        `${repoPath}/actions/runs?status=completed&created=${created}&per_page=${PER_PAGE}&page=${page}`,
      );
      for (const run of body.workflow_runs) {
        runs.set(run.id, run);
      }
      if (body.workflow_runs.length < PER_PAGE) {
        break;
      }
    }
    const done = new Set(cursor.done.map(([id]) => id));
    return [...runs.values()]
      .filter(
        run =>
          Date.parse(run.created_at) >= Date.parse(cursor.createdAt) &&
          !done.has(run.id),
      )
      .sort(
        (a, b) =>
          Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id,
      );
  }

  /**
   * Ingests the reports of one run. Returns per-run errors for what retrying cannot fix
   * (no usable artifact, corrupt or oversized zip, invalid reports); throws otherwise.
   */
  private async pullRun(
    api: GithubApiClient,
    repoPath: string,
    run: WorkflowRun,
    context: PullProviderContext,
  ): Promise<{ ingested: number; errors: string[] }> {
    const { artifactName, maxArtifactBytes, maxReportBytes } = this.settings;
    const { artifacts } = await api.getJson<{ artifacts: Artifact[] }>(
      `${repoPath}/actions/runs/${run.id}/artifacts?name=${encodeURIComponent(
        artifactName,
      )}&per_page=${PER_PAGE}`,
    );
    const artifact = artifacts.find(a => a.name === artifactName);
    if (!artifact) {
      // Most workflows of a repository do not build Rust: nothing to pull, not an error.
      return { ingested: 0, errors: [] };
    }
    if (artifact.expired) {
      return {
        ingested: 0,
        errors: [`Run ${run.id}: artifact ${artifactName} has expired`],
      };
    }
    if (artifact.size_in_bytes > maxArtifactBytes) {
      return {
        ingested: 0,
        errors: [
          `Run ${run.id}: artifact ${artifactName} is ${artifact.size_in_bytes} bytes, more than rustBuildCache.pull.githubActions.maxArtifactBytes (${maxArtifactBytes})`,
        ],
      };
    }

    let files;
    try {
      const zip = await api.download(
        `${repoPath}/actions/artifacts/${artifact.id}/zip`,
        maxArtifactBytes,
      );
      files = readZip(zip, {
        select: fileName => fileName.toLowerCase().endsWith('.json'),
        maxEntryBytes: maxReportBytes,
      });
    } catch (error) {
      if (
        error instanceof ZipFormatError ||
        error instanceof ArtifactTooLargeError
      ) {
        return {
          ingested: 0,
          errors: [`Run ${run.id}: artifact ${artifactName}: ${error.message}`],
        };
      }
      throw error;
    }

    let ingested = 0;
    const errors: string[] = [];
    for (const file of files) {
      let report: unknown;
      try {
        report = JSON.parse(file.data.toString('utf8'));
      } catch (error) {
        errors.push(`Run ${run.id}: ${file.name} is not JSON`);
        continue;
      }
      try {
        const { created } = await context.ingest(report);
        ingested += created ? 1 : 0;
      } catch (error) {
        // Invalid reports stay invalid; storage failures are worth a retry.
        if (isError(error) && error.name === 'InputError') {
          errors.push(`Run ${run.id}: ${file.name}: ${error.message}`);
          continue;
        }
        throw error;
      }
    }
    return { ingested, errors };
  }
}

/** GitHub's own format, second precision, e.g. `2026-11-27T10:00:00Z`. */
function toGithubTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function parseCursor(value: string | null): Cursor | undefined {
  if (!value) {
    return undefined;
  }
  try {
    const parsed = JSON.parse(value) as Partial<Cursor>;
    if (typeof parsed.createdAt === 'string' && Array.isArray(parsed.done)) {
      return { createdAt: parsed.createdAt, done: parsed.done };
    }
  } catch {
    // An unreadable cursor restarts from the initial lookback: ingestion is idempotent.
  }
  return undefined;
}
