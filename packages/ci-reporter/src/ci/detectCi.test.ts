import { detectCi } from './detectCi';

describe('detectCi', () => {
  it('reads a GitHub Actions push run', () => {
    expect(
      detectCi({
        GITHUB_ACTIONS: 'true',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'acme/billing',
        GITHUB_RUN_ID: '9876543210',
        GITHUB_RUN_ATTEMPT: '2',
        GITHUB_JOB: 'build',
        GITHUB_REF_NAME: 'main',
        GITHUB_HEAD_REF: '',
        GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      }),
    ).toEqual({
      provider: 'github-actions',
      repository: { host: 'github.com', owner: 'acme', name: 'billing' },
      runId: '9876543210',
      runAttempt: 2,
      job: 'build',
      branch: 'main',
      commit: '0123456789abcdef0123456789abcdef01234567',
      url: 'https://github.com/acme/billing/actions/runs/9876543210/attempts/2',
      startedAt: null,
    });
  });

  it('takes the head branch of a GitHub pull request and the host of GitHub Enterprise', () => {
    const ci = detectCi({
      GITHUB_ACTIONS: 'true',
      GITHUB_SERVER_URL: 'https://ghe.example.com/',
      GITHUB_REPOSITORY: 'platform/billing',
      GITHUB_RUN_ID: '17',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_REF_NAME: '42/merge',
      GITHUB_HEAD_REF: 'feature/faster-builds',
    });
    expect(ci.branch).toBe('feature/faster-builds');
    expect(ci.repository).toEqual({
      host: 'ghe.example.com',
      owner: 'platform',
      name: 'billing',
    });
    expect(ci.url).toBe(
      'https://ghe.example.com/platform/billing/actions/runs/17/attempts/1',
    );
  });

  it('reads GitLab CI with a subgroup path and no attempt counter', () => {
    expect(
      detectCi({
        GITLAB_CI: 'true',
        CI_SERVER_HOST: 'gitlab.example.com',
        CI_PROJECT_PATH: 'platform/rust/billing',
        CI_PIPELINE_ID: '5550001',
        CI_JOB_ID: '9990001',
        CI_JOB_NAME: 'cargo build',
        CI_COMMIT_REF_NAME: 'main',
        CI_COMMIT_SHA: 'abcdef0123456789abcdef0123456789abcdef01',
        CI_JOB_URL:
          'https://gitlab.example.com/platform/rust/billing/-/jobs/9990001',
        CI_JOB_STARTED_AT: '2026-01-31T11:58:00+01:00',
      }),
    ).toEqual({
      provider: 'gitlab-ci',
      repository: {
        host: 'gitlab.example.com',
        owner: 'platform/rust',
        name: 'billing',
      },
      runId: '5550001',
      runAttempt: null,
      job: 'cargo build',
      branch: 'main',
      commit: 'abcdef0123456789abcdef0123456789abcdef01',
      url: 'https://gitlab.example.com/platform/rust/billing/-/jobs/9990001',
      startedAt: '2026-01-31T10:58:00.000Z',
    });
  });

  it('reads Buildkite, counting the first try as attempt 1', () => {
    expect(
      detectCi({
        BUILDKITE: 'true',
        BUILDKITE_REPO: 'git@github.com:acme/billing.git',
        BUILDKITE_BUILD_ID: '01890b4e-0000-4000-8000-000000000000',
        BUILDKITE_BUILD_NUMBER: '314',
        BUILDKITE_RETRY_COUNT: '0',
        BUILDKITE_LABEL: ':rust: Build',
        BUILDKITE_STEP_KEY: 'build',
        BUILDKITE_JOB_ID: '01890b4e-1111-4000-8000-000000000000',
        BUILDKITE_BRANCH: 'main',
        BUILDKITE_COMMIT: 'fedcba9876543210fedcba9876543210fedcba98',
        BUILDKITE_BUILD_URL: 'https://buildkite.com/acme/billing/builds/314',
      }),
    ).toEqual({
      provider: 'buildkite',
      repository: { host: 'github.com', owner: 'acme', name: 'billing' },
      runId: '01890b4e-0000-4000-8000-000000000000',
      runAttempt: 1,
      job: 'build',
      branch: 'main',
      commit: 'fedcba9876543210fedcba9876543210fedcba98',
      url: 'https://buildkite.com/acme/billing/builds/314#01890b4e-1111-4000-8000-000000000000',
      startedAt: null,
    });
  });

  it('falls back to Buildkite build number and label; a retried job is attempt retries + 1', () => {
    const ci = detectCi({
      BUILDKITE: 'true',
      BUILDKITE_REPO: 'https://gitlab.example.com/platform/rust/billing.git',
      BUILDKITE_BUILD_NUMBER: '314',
      BUILDKITE_RETRY_COUNT: '2',
      BUILDKITE_LABEL: ':rust: Build',
      BUILDKITE_COMMIT: 'HEAD',
    });
    expect(ci).toMatchObject({
      repository: {
        host: 'gitlab.example.com',
        owner: 'platform/rust',
        name: 'billing',
      },
      runId: '314',
      runAttempt: 3,
      job: ':rust: Build',
      // Buildkite's literal HEAD is not a commit: leave it to git.
      commit: null,
      url: null,
    });
  });

  it('reports a generic CI when no provider variable is set', () => {
    expect(detectCi({ CI: 'true', GITHUB_RUN_ID: '1' })).toMatchObject({
      provider: 'generic',
      runId: null,
    });
  });
});
