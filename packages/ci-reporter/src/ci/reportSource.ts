import type { ReportSource } from '@rust-build-cache/plugin-rust-build-cache-common';
import { parsePositiveInteger, parseTimestamp } from '../lib/args';
import { UsageError } from '../lib/errors';
import type { GitQueries } from '../lib/git';
import type { Env } from '../lib/system';
import type { CiContext } from './detectCi';
import { parseRepositorySlug, parseRepositoryUrl } from './repository';

/** Values given on the command line; each also has a `RUST_BUILD_CACHE_*` variable. */
export interface SourceOverrides {
  repository?: string;
  runId?: string;
  runAttempt?: string;
  job?: string;
  branch?: string;
  commit?: string;
  runUrl?: string;
  startedAt?: string;
}

/** The flag and environment variable of each override, for lookup and for error messages. */
export const OVERRIDE_NAMES: Record<
  keyof SourceOverrides,
  { flag: string; env: string }
> = {
  repository: { flag: '--repository', env: 'RUST_BUILD_CACHE_REPOSITORY' },
  runId: { flag: '--run-id', env: 'RUST_BUILD_CACHE_RUN_ID' },
  runAttempt: { flag: '--run-attempt', env: 'RUST_BUILD_CACHE_RUN_ATTEMPT' },
  job: { flag: '--job', env: 'RUST_BUILD_CACHE_JOB' },
  branch: { flag: '--branch', env: 'RUST_BUILD_CACHE_BRANCH' },
  commit: { flag: '--commit', env: 'RUST_BUILD_CACHE_COMMIT' },
  runUrl: { flag: '--run-url', env: 'RUST_BUILD_CACHE_RUN_URL' },
  startedAt: { flag: '--started-at', env: 'RUST_BUILD_CACHE_STARTED_AT' },
};

/** Job name when neither a flag, a variable nor the CI provider names one. */
export const DEFAULT_JOB = 'build';

interface ExplicitValue {
  value: string;
  /** The flag or variable it came from, to name in error messages. */
  origin: string;
}

export interface SourceInputs {
  overrides: SourceOverrides;
  env: Env;
  ci: CiContext;
  git: GitQueries;
  workspacePath: string;
  finishedAt: Date;
}

/**
 * Who ran the build: flags win over `RUST_BUILD_CACHE_*` variables, which win over what the
 * CI provider's variables say, which win over what `git` says.
 */
export async function resolveReportSource(
  inputs: SourceInputs,
): Promise<ReportSource> {
  const { overrides, env, ci, git } = inputs;
  const explicit = (key: keyof SourceOverrides): ExplicitValue | null => {
    const { flag, env: variable } = OVERRIDE_NAMES[key];
    const fromFlag = overrides[key];
    if (fromFlag !== undefined) return { value: fromFlag, origin: flag };
    const fromEnv = env[variable];
    return fromEnv !== undefined && fromEnv.trim() !== ''
      ? { value: fromEnv.trim(), origin: variable }
      : null;
  };

  const runAttempt = explicit('runAttempt');
  const startedAt = explicit('startedAt');
  const runUrl = explicit('runUrl');
  return {
    repository: await resolveRepository(explicit('repository'), ci, git),
    workspacePath: inputs.workspacePath,
    branch: explicit('branch')?.value ?? ci.branch ?? (await git.branch()),
    commit: explicit('commit')?.value ?? ci.commit ?? (await git.commit()),
    ci: {
      provider: ci.provider,
      runId: explicit('runId')?.value ?? ci.runId ?? missingRunId(ci),
      runAttempt: runAttempt
        ? parsePositiveInteger(runAttempt.value, runAttempt.origin)
        : ci.runAttempt ?? 1,
      job: explicit('job')?.value ?? ci.job ?? DEFAULT_JOB,
      url: runUrl ? parseWebUrl(runUrl) : ci.url,
    },
    startedAt: startedAt
      ? parseTimestamp(startedAt.value, startedAt.origin)
      : ci.startedAt,
    finishedAt: inputs.finishedAt.toISOString(),
  };
}

async function resolveRepository(
  explicit: ExplicitValue | null,
  ci: CiContext,
  git: GitQueries,
) {
  if (explicit) {
    const repository = parseRepositorySlug(explicit.value);
    if (!repository) {
      throw new UsageError(
        `${explicit.origin} must be host/owner/name, e.g. github.com/acme/billing, got '${explicit.value}'`,
      );
    }
    return repository;
  }
  if (ci.repository) return ci.repository;
  const origin = await git.originUrl();
  const fromGit = origin ? parseRepositoryUrl(origin) : null;
  if (fromGit) return fromGit;
  throw new UsageError(
    `cannot tell which repository this is: ${describeCi(ci)} and ` +
      `${
        origin
          ? `git remote 'origin' (${origin}) is not a host/owner/name URL`
          : "git has no remote 'origin' here"
      }. ` +
      `Pass --repository host/owner/name or set RUST_BUILD_CACHE_REPOSITORY.`,
  );
}

function missingRunId(ci: CiContext): never {
  throw new UsageError(
    `cannot tell which CI run this is: ${describeCi(
      ci,
    )}. Pass --run-id or set RUST_BUILD_CACHE_RUN_ID.`,
  );
}

function describeCi(ci: CiContext): string {
  return ci.provider === 'generic'
    ? 'no known CI provider (GitHub Actions, GitLab CI, Buildkite) was detected'
    : `the ${ci.provider} variables do not say`;
}

function parseWebUrl({ value, origin }: ExplicitValue): string {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new UsageError(`${origin} must be an http(s) URL, got '${value}'`);
  }
  return value;
}
