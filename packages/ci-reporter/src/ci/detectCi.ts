import type { ReportSource } from '@rust-build-cache/plugin-rust-build-cache-common';
import type { Env } from '../lib/system';
import {
  parseRepositoryUrl,
  splitProjectPath,
  type RepositoryId,
} from './repository';

export type CiProvider = ReportSource['ci']['provider'];

/** What the CI environment says about the run; null where it says nothing. */
export interface CiContext {
  provider: CiProvider;
  repository: RepositoryId | null;
  runId: string | null;
  /** 1-based; null when the provider has no attempt counter. */
  runAttempt: number | null;
  job: string | null;
  branch: string | null;
  commit: string | null;
  url: string | null;
  startedAt: string | null;
}

/** CI variables are sometimes set but empty (e.g. GITHUB_HEAD_REF outside pull requests). */
function nonEmpty(value: string | undefined): string | null {
  return value && value.trim() !== '' ? value.trim() : null;
}

function positiveInteger(value: string | undefined): number | null {
  const text = nonEmpty(value);
  return text && /^\d+$/.test(text) && Number(text) >= 1 ? Number(text) : null;
}

function isoTimestamp(value: string | undefined): string | null {
  const text = nonEmpty(value);
  const time = text ? Date.parse(text) : NaN;
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function hostOfUrl(url: string): string | null {
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}

function fromGitHubActions(env: Env): CiContext {
  const serverUrl = (
    nonEmpty(env.GITHUB_SERVER_URL) ?? 'https://github.com'
  ).replace(/\/+$/, '');
  const slug = nonEmpty(env.GITHUB_REPOSITORY);
  const project = slug ? splitProjectPath(slug) : null;
  const host = hostOfUrl(serverUrl);
  const runId = nonEmpty(env.GITHUB_RUN_ID);
  const runAttempt = positiveInteger(env.GITHUB_RUN_ATTEMPT);
  const runUrl =
    slug && runId
      ? `${serverUrl}/${slug}/actions/runs/${runId}${
          runAttempt ? `/attempts/${runAttempt}` : ''
        }`
      : null;
  return {
    provider: 'github-actions',
    repository: host && project ? { host, ...project } : null,
    runId,
    runAttempt,
    job: nonEmpty(env.GITHUB_JOB),
    // On pull requests GITHUB_REF_NAME is `<number>/merge`; the head branch is more useful.
    branch: nonEmpty(env.GITHUB_HEAD_REF) ?? nonEmpty(env.GITHUB_REF_NAME),
    commit: nonEmpty(env.GITHUB_SHA),
    url: runUrl,
    startedAt: null,
  };
}

/**
 * GitLab has no attempt counter: retrying a job creates a new job (new CI_JOB_ID) in the
 * same pipeline. The run is the pipeline and the job is the job name, so every retry reports
 * attempt 1, and when two attempts of a job both push, the backend keeps the first (push
 * prints "already stored"). To keep every attempt, set
 * `RUST_BUILD_CACHE_RUN_ID: "$CI_PIPELINE_ID-$CI_JOB_ID"` in the job.
 */
function fromGitLabCi(env: Env): CiContext {
  const host = nonEmpty(env.CI_SERVER_HOST);
  const projectPath = nonEmpty(env.CI_PROJECT_PATH);
  const project = projectPath ? splitProjectPath(projectPath) : null;
  return {
    provider: 'gitlab-ci',
    repository: host && project ? { host, ...project } : null,
    runId: nonEmpty(env.CI_PIPELINE_ID),
    runAttempt: null,
    job: nonEmpty(env.CI_JOB_NAME) ?? nonEmpty(env.CI_JOB_ID),
    branch: nonEmpty(env.CI_COMMIT_REF_NAME),
    commit: nonEmpty(env.CI_COMMIT_SHA),
    url: nonEmpty(env.CI_JOB_URL),
    startedAt: isoTimestamp(env.CI_JOB_STARTED_AT),
  };
}

function fromBuildkite(env: Env): CiContext {
  const remote = nonEmpty(env.BUILDKITE_REPO);
  const retryCount = nonEmpty(env.BUILDKITE_RETRY_COUNT);
  const buildUrl = nonEmpty(env.BUILDKITE_BUILD_URL);
  const jobId = nonEmpty(env.BUILDKITE_JOB_ID);
  const commit = nonEmpty(env.BUILDKITE_COMMIT);
  return {
    provider: 'buildkite',
    repository: remote ? parseRepositoryUrl(remote) : null,
    runId:
      nonEmpty(env.BUILDKITE_BUILD_ID) ?? nonEmpty(env.BUILDKITE_BUILD_NUMBER),
    runAttempt:
      retryCount && /^\d+$/.test(retryCount) ? Number(retryCount) + 1 : null,
    // The step key is stable across edits of the label; the label is what people see.
    job:
      nonEmpty(env.BUILDKITE_STEP_KEY) ??
      nonEmpty(env.BUILDKITE_LABEL) ??
      jobId,
    branch: nonEmpty(env.BUILDKITE_BRANCH),
    // Builds triggered without a resolved commit carry the literal `HEAD`.
    commit: commit === 'HEAD' ? null : commit,
    url: buildUrl && jobId ? `${buildUrl}#${jobId}` : buildUrl,
    startedAt: null,
  };
}

const UNKNOWN_CI: CiContext = {
  provider: 'generic',
  repository: null,
  runId: null,
  runAttempt: null,
  job: null,
  branch: null,
  commit: null,
  url: null,
  startedAt: null,
};

/** Recognises GitHub Actions, GitLab CI and Buildkite from their environment variables. */
export function detectCi(env: Env): CiContext {
  if (env.GITHUB_ACTIONS === 'true') return fromGitHubActions(env);
  if (env.GITLAB_CI === 'true') return fromGitLabCi(env);
  if (env.BUILDKITE === 'true') return fromBuildkite(env);
  return UNKNOWN_CI;
}
