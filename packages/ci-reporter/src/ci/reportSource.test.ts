import { UsageError } from '../lib/errors';
import type { GitQueries } from '../lib/git';
import { detectCi, type CiContext } from './detectCi';
import { resolveReportSource, type SourceInputs } from './reportSource';

const finishedAt = new Date('2026-01-31T12:00:00Z');

function gitAnswering(
  answers: Partial<Record<keyof GitQueries, string>>,
): GitQueries {
  return {
    toplevel: async () => answers.toplevel ?? null,
    branch: async () => answers.branch ?? null,
    commit: async () => answers.commit ?? null,
    originUrl: async () => answers.originUrl ?? null,
  };
}

function inputs(
  overrides: Partial<SourceInputs> & { ci?: CiContext },
): SourceInputs {
  return {
    overrides: {},
    env: {},
    ci: detectCi({}),
    git: gitAnswering({}),
    workspacePath: 'services/billing',
    finishedAt,
    warn: () => {},
    ...overrides,
  };
}

const gitLabEnv = {
  GITLAB_CI: 'true',
  CI_SERVER_HOST: 'gitlab.example.com',
  CI_PROJECT_PATH: 'platform/billing',
  CI_PIPELINE_ID: '100',
  CI_JOB_NAME: 'build',
  CI_COMMIT_REF_NAME: 'main',
  CI_COMMIT_SHA: 'aaaa',
};

describe('resolveReportSource', () => {
  it('uses the CI variables, with attempt 1 on GitLab', async () => {
    const source = await resolveReportSource(
      inputs({ ci: detectCi(gitLabEnv) }),
    );
    expect(source).toEqual({
      repository: {
        host: 'gitlab.example.com',
        owner: 'platform',
        name: 'billing',
      },
      workspacePath: 'services/billing',
      branch: 'main',
      commit: 'aaaa',
      ci: {
        provider: 'gitlab-ci',
        runId: '100',
        runAttempt: 1,
        job: 'build',
        url: null,
      },
      startedAt: null,
      finishedAt: '2026-01-31T12:00:00.000Z',
    });
  });

  it('lets RUST_BUILD_CACHE_* variables override CI variables, and flags override both', async () => {
    const source = await resolveReportSource(
      inputs({
        ci: detectCi(gitLabEnv),
        env: {
          RUST_BUILD_CACHE_RUN_ID: '100-777',
          RUST_BUILD_CACHE_JOB: 'from-env',
          RUST_BUILD_CACHE_RUN_ATTEMPT: '3',
          RUST_BUILD_CACHE_STARTED_AT: '2026-01-31T11:00:00Z',
        },
        overrides: {
          job: 'from-flag',
          repository: 'github.com/acme/billing',
          runUrl: 'https://ci.example.com/1',
        },
      }),
    );
    expect(source.ci).toEqual({
      provider: 'gitlab-ci',
      runId: '100-777',
      runAttempt: 3,
      job: 'from-flag',
      url: 'https://ci.example.com/1',
    });
    expect(source.repository).toEqual({
      host: 'github.com',
      owner: 'acme',
      name: 'billing',
    });
    expect(source.startedAt).toBe('2026-01-31T11:00:00.000Z');
  });

  describe('CI values the report schema would refuse', () => {
    async function resolveWarning(env: Record<string, string>) {
      const warnings: string[] = [];
      const source = await resolveReportSource(
        inputs({ ci: detectCi(env), warn: message => warnings.push(message) }),
      );
      return { source, warnings };
    }

    it('keeps a GitLab job URL and writes URLs as the URL parser does', async () => {
      const { source, warnings } = await resolveWarning({
        ...gitLabEnv,
        CI_JOB_URL: 'HTTPS://GitLab.Example.com/platform/billing/-/jobs/42',
      });
      expect(source.ci.url).toBe(
        'https://gitlab.example.com/platform/billing/-/jobs/42',
      );
      expect(warnings).toEqual([]);
    });

    it('leaves out a run URL that is not http(s), with a warning', async () => {
      const { source, warnings } = await resolveWarning({
        ...gitLabEnv,
        CI_JOB_URL: 'gitlab.example.com/platform/billing/-/jobs/42',
      });
      expect(source.ci.url).toBeNull();
      expect(warnings).toEqual([
        "leaving out the run URL 'gitlab.example.com/platform/billing/-/jobs/42' of the gitlab-ci variables: not an http(s) URL",
      ]);
    });

    it('leaves out a start time after the finish time (CI server clock ahead of the runner), with a warning', async () => {
      const { source, warnings } = await resolveWarning({
        ...gitLabEnv,
        CI_JOB_STARTED_AT: '2026-01-31T12:00:30Z',
      });
      expect(source.startedAt).toBeNull();
      expect(warnings).toEqual([
        'leaving out the start time 2026-01-31T12:00:30.000Z from the gitlab-ci variables: after the finish time 2026-01-31T12:00:00.000Z (clock skew between the CI server and this runner?)',
      ]);
    });

    it('leaves out a start time before 2015 given as a flag, with a warning naming it', async () => {
      const warnings: string[] = [];
      const source = await resolveReportSource(
        inputs({
          ci: detectCi(gitLabEnv),
          overrides: { startedAt: '1970-01-01T00:00:00Z' },
          warn: message => warnings.push(message),
        }),
      );
      expect(source.startedAt).toBeNull();
      expect(warnings).toEqual([
        'leaving out the start time 1970-01-01T00:00:00.000Z from --started-at: before 2015-01-01T00:00:00Z',
      ]);
    });
  });

  it('asks git for repository, branch and commit outside a known CI', async () => {
    const source = await resolveReportSource(
      inputs({
        overrides: { runId: 'local-1' },
        git: gitAnswering({
          originUrl: 'git@github.com:acme/billing.git',
          branch: 'dev',
          commit: 'bbbb',
        }),
      }),
    );
    expect(source).toMatchObject({
      repository: { host: 'github.com', owner: 'acme', name: 'billing' },
      branch: 'dev',
      commit: 'bbbb',
      ci: {
        provider: 'generic',
        runId: 'local-1',
        runAttempt: 1,
        job: 'build',
        url: null,
      },
    });
  });

  it('requires a run id outside a known CI', async () => {
    const promise = resolveReportSource(
      inputs({ overrides: { repository: 'github.com/acme/billing' } }),
    );
    await expect(promise).rejects.toThrow(UsageError);
    await expect(promise).rejects.toThrow(
      /Pass --run-id or set RUST_BUILD_CACHE_RUN_ID/,
    );
  });

  it('says where the repository could have come from', async () => {
    await expect(
      resolveReportSource(inputs({ overrides: { runId: '1' } })),
    ).rejects.toThrow(
      "cannot tell which repository this is: no known CI provider (GitHub Actions, GitLab CI, Buildkite) was detected and git has no remote 'origin' here. Pass --repository host/owner/name or set RUST_BUILD_CACHE_REPOSITORY.",
    );
  });

  it.each([
    [
      { overrides: { runId: '1', repository: 'acme/billing' } },
      "--repository must be host/owner/name, e.g. github.com/acme/billing, got 'acme/billing'",
    ],
    [
      {
        overrides: {
          runId: '1',
          repository: 'github.com/a/b',
          runAttempt: '0',
        },
      },
      "--run-attempt must be a positive integer, got '0'",
    ],
    [
      {
        overrides: { runId: '1', repository: 'github.com/a/b' },
        env: { RUST_BUILD_CACHE_RUN_ATTEMPT: 'two' },
      },
      "RUST_BUILD_CACHE_RUN_ATTEMPT must be a positive integer, got 'two'",
    ],
    [
      {
        overrides: {
          runId: '1',
          repository: 'github.com/a/b',
          startedAt: '2026-01-31 12:00',
        },
      },
      /--started-at must be an ISO 8601 timestamp with a time zone/,
    ],
    [
      {
        overrides: {
          runId: '1',
          repository: 'github.com/a/b',
          runUrl: 'ftp://x',
        },
      },
      "--run-url must be an http(s) URL, got 'ftp://x'",
    ],
  ])(
    'rejects bad values naming the flag or variable (%#)',
    async (partial, message) => {
      await expect(resolveReportSource(inputs(partial))).rejects.toThrow(
        message,
      );
    },
  );
});
