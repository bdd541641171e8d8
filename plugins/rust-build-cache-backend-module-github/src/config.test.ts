import { mockServices } from '@backstage/backend-test-utils';
import {
  readGithubActionsExecutorConfig,
  readGithubActionsPullConfig,
} from './config';

function read(executors: { githubActions?: object }) {
  return {
    githubActions: readGithubActionsExecutorConfig(
      mockServices.rootConfig({
        data: { rustBuildCache: { prewarm: { executors } } },
      }),
    ),
  };
}

describe('readGithubActionsExecutorConfig', () => {
  it('enables nothing by default', () => {
    expect(read({})).toEqual({ githubActions: null });
  });

  it('reads the github-actions executor with defaults', () => {
    expect(read({ githubActions: { enabled: true } }).githubActions).toEqual({
      workflow: 'rust-build-cache-prewarm.yml',
      ref: 'main',
      repository: null,
      pollIntervalSeconds: 30,
      runLookupTimeoutSeconds: 300,
      requestTimeoutMs: 30_000,
    });
  });

  it.each([
    [
      { workflow: '.github/workflows/x.yml' },
      "Invalid config rustBuildCache.prewarm.executors.githubActions.workflow: expected a workflow file name such as rust-build-cache-prewarm.yml (or a workflow id), got '.github/workflows/x.yml'",
    ],
    [
      { repository: 'acme/tools' },
      "Invalid config rustBuildCache.prewarm.executors.githubActions.repository: expected host/owner/name, e.g. github.com/acme/build-tools, got 'acme/tools'",
    ],
    [
      { pollIntervalSeconds: -5 },
      'Invalid config rustBuildCache.prewarm.executors.githubActions.pollIntervalSeconds: expected a positive integer, got -5',
    ],
  ])(
    'names the key of an invalid github-actions setting (%#)',
    (settings, message) => {
      expect(() =>
        read({ githubActions: { enabled: true, ...settings } }),
      ).toThrow(message);
    },
  );
});

describe('readGithubActionsPullConfig', () => {
  const readPull = (data: object) =>
    readGithubActionsPullConfig(mockServices.rootConfig({ data }));

  it('is off by default and applies the documented defaults when enabled', () => {
    expect(readPull({})).toBeNull();
    expect(
      readPull({
        rustBuildCache: { pull: { githubActions: { enabled: true } } },
      }),
    ).toEqual({
      artifactName: 'rust-build-cache-report',
      maxArtifactBytes: 20 * 1024 * 1024,
      maxReportBytes: 1048576,
      initialLookbackDays: 7,
      maxRunsPerPass: 200,
      maxRunMinutes: 360,
      retry: { maxAttempts: 3, baseDelayMs: 1000, requestTimeoutMs: 30000 },
    });
  });

  it('reads every key', () => {
    expect(
      readPull({
        rustBuildCache: {
          pull: {
            githubActions: {
              enabled: true,
              artifactName: 'cache-report',
              maxArtifactBytes: 1000,
              retry: { maxAttempts: 5 },
            },
          },
        },
      }),
    ).toMatchObject({
      artifactName: 'cache-report',
      maxArtifactBytes: 1000,
      retry: { maxAttempts: 5, baseDelayMs: 1000 },
    });
  });

  it('names the key of an invalid setting', () => {
    expect(() =>
      readPull({
        rustBuildCache: {
          pull: { githubActions: { enabled: true, maxRunsPerPass: 0 } },
        },
      }),
    ).toThrow(
      'Invalid config rustBuildCache.pull.githubActions.maxRunsPerPass: expected a positive integer, got 0',
    );
  });
});
