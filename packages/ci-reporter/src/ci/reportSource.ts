import {
  EARLIEST_REPORT_TIME,
  isWebUrl,
  type ReportSource,
} from '@rust-build-cache/plugin-rust-build-cache-common';
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
  /** Told about CI values that are left out because the report schema would refuse them. */
  warn: (message: string) => void;
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
  const startedAtValue = explicit('startedAt');
  const runUrl = explicit('runUrl');
  const startedAt = startedAtValue
    ? parseTimestamp(startedAtValue.value, startedAtValue.origin)
    : ci.startedAt;
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
      url: runUrl ? parseWebUrl(runUrl) : ciRunUrl(ci, inputs.warn),
    },
    startedAt: checkedStartedAt(
      startedAt,
      startedAtValue?.origin ?? `the ${ci.provider} variables`,
      inputs,
    ),
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

/** `value` as the URL parser writes it (`HTTPS://Host/a b` → `https://host/a%20b`), if http(s). */
function normalisedWebUrl(value: string): string | null {
  try {
    const { href } = new URL(value);
    return isWebUrl(href) ? href : null;
  } catch {
    return null;
  }
}

function parseWebUrl({ value, origin }: ExplicitValue): string {
  const url = normalisedWebUrl(value);
  if (!url) {
    throw new UsageError(`${origin} must be an http(s) URL, got '${value}'`);
  }
  return url;
}

/** The report keeps only http(s) links; any other CI value is left out, not fatal. */
function ciRunUrl(ci: CiContext, warn: SourceInputs['warn']): string | null {
  if (ci.url === null) return null;
  const url = normalisedWebUrl(ci.url);
  if (!url) {
    warn(
      `leaving out the run URL '${ci.url}' of the ${ci.provider} variables: not an http(s) URL`,
    );
  }
  return url;
}

/**
 * A start time the report accepts, else null with a warning: CI servers stamp the start
 * (GitLab's CI_JOB_STARTED_AT) and the runner's clock the finish, so a few seconds of skew
 * can put the start after the finish. The statistics matter more than the duration.
 */
function checkedStartedAt(
  startedAt: string | null,
  origin: string,
  { finishedAt, warn }: SourceInputs,
): string | null {
  if (startedAt === null) return null;
  const time = Date.parse(startedAt);
  let problem: string | null = null;
  if (time > finishedAt.getTime()) {
    problem = `after the finish time ${finishedAt.toISOString()} (clock skew between the CI server and this runner?)`;
  } else if (time < Date.parse(EARLIEST_REPORT_TIME)) {
    problem = `before ${EARLIEST_REPORT_TIME}`;
  }
  if (problem) {
    warn(`leaving out the start time ${startedAt} from ${origin}: ${problem}`);
    return null;
  }
  return startedAt;
}
