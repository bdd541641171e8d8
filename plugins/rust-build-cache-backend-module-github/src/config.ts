import { RootConfigService } from '@backstage/backend-plugin-api';
import { normaliseRepository } from '@rust-build-cache/plugin-rust-build-cache-common';
import {
  isRepositoryName,
  readPositiveInteger,
} from '@rust-build-cache/plugin-rust-build-cache-node';
import { GithubRetryOptions } from './GithubApiClient';

const PULL_KEY = 'rustBuildCache.pull.githubActions';
/** The configuration key of the GitHub Actions executor, for messages. */
export const EXECUTOR_KEY = 'rustBuildCache.prewarm.executors.githubActions';
const MIB = 1024 * 1024;

/** `rustBuildCache.pull.githubActions`, with defaults applied; see config.d.ts. */
export interface GithubActionsPullSettings {
  artifactName: string;
  maxArtifactBytes: number;
  /** Largest report file inside an artifact (`rustBuildCache.ingestion.maxReportBytes`). */
  maxReportBytes: number;
  /** How far back the first pull of a repository looks. */
  initialLookbackDays: number;
  /** Runs whose artifacts one pass downloads at most, oldest first; the rest follow on the next pass. */
  maxRunsPerPass: number;
  /** Runs that take longer from creation to completion may be missed. */
  maxRunMinutes: number;
  retry: GithubRetryOptions;
}

/** `rustBuildCache.prewarm.executors.githubActions`, with defaults applied. */
export interface GithubActionsExecutorConfig {
  workflow: string;
  ref: string;
  /** `host/owner/name` of a central repository holding the workflow; else the representative's. */
  repository: string | null;
  pollIntervalSeconds: number;
  /** How long to look for the run the dispatch created before failing the job. */
  runLookupTimeoutSeconds: number;
  requestTimeoutMs: number;
}

/** The pull provider's settings, or null when `enabled` is not true. Errors name the key. */
export function readGithubActionsPullConfig(
  config: RootConfigService,
): GithubActionsPullSettings | null {
  if (!(config.getOptionalBoolean(`${PULL_KEY}.enabled`) ?? false)) {
    return null;
  }
  return {
    artifactName:
      config.getOptionalString(`${PULL_KEY}.artifactName`) ??
      'rust-build-cache-report',
    maxArtifactBytes: readPositiveInteger(
      config,
      `${PULL_KEY}.maxArtifactBytes`,
      20 * MIB,
    ),
    maxReportBytes: readPositiveInteger(
      config,
      'rustBuildCache.ingestion.maxReportBytes',
      MIB,
    ),
    initialLookbackDays: readPositiveInteger(
      config,
      `${PULL_KEY}.initialLookbackDays`,
      7,
    ),
    maxRunsPerPass: readPositiveInteger(
      config,
      `${PULL_KEY}.maxRunsPerPass`,
      200,
    ),
    maxRunMinutes: readPositiveInteger(
      config,
      `${PULL_KEY}.maxRunMinutes`,
      360,
    ),
    retry: {
      maxAttempts: readPositiveInteger(
        config,
        `${PULL_KEY}.retry.maxAttempts`,
        3,
      ),
      baseDelayMs: readPositiveInteger(
        config,
        `${PULL_KEY}.retry.baseDelayMs`,
        1000,
      ),
      requestTimeoutMs: readPositiveInteger(
        config,
        `${PULL_KEY}.retry.requestTimeoutMs`,
        30_000,
      ),
    },
  };
}

/** The executor's settings, or null when `enabled` is not true. Errors name the key. */
export function readGithubActionsExecutorConfig(
  config: RootConfigService,
): GithubActionsExecutorConfig | null {
  const KEY = EXECUTOR_KEY;
  if (!(config.getOptionalBoolean(`${KEY}.enabled`) ?? false)) {
    return null;
  }
  const workflow =
    optionalString(config, `${KEY}.workflow`) ?? 'rust-build-cache-prewarm.yml';
  if (!/^[^/\\]+\.ya?ml$/.test(workflow) && !/^\d+$/.test(workflow)) {
    throw new Error(
      `Invalid config ${KEY}.workflow: expected a workflow file name such as rust-build-cache-prewarm.yml (or a workflow id), got '${workflow}'`,
    );
  }
  const repository = optionalString(config, `${KEY}.repository`);
  if (repository !== undefined && !isRepositoryName(repository)) {
    throw new Error(
      `Invalid config ${KEY}.repository: expected host/owner/name, e.g. github.com/acme/build-tools, got '${repository}'`,
    );
  }
  return {
    workflow,
    ref: optionalString(config, `${KEY}.ref`) ?? 'main',
    repository: repository ? normaliseRepository(repository) : null,
    pollIntervalSeconds: readPositiveInteger(
      config,
      `${KEY}.pollIntervalSeconds`,
      30,
    ),
    runLookupTimeoutSeconds: readPositiveInteger(
      config,
      `${KEY}.runLookupTimeoutSeconds`,
      300,
    ),
    requestTimeoutMs: readPositiveInteger(
      config,
      `${KEY}.requestTimeoutMs`,
      30_000,
    ),
  };
}

function optionalString(
  config: RootConfigService,
  key: string,
): string | undefined {
  const value = config.getOptionalString(key)?.trim();
  return value ? value : undefined;
}
