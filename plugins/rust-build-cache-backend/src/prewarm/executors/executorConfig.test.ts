import { resolve } from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { readPrewarmExecutorsConfig, sourceOf } from './executorConfig';
import { createBuiltInPrewarmExecutors } from '.';

function read(executors: object) {
  return readPrewarmExecutorsConfig(
    new ConfigReader({ rustBuildCache: { prewarm: { executors } } }),
  );
}

const local = {
  enabled: true,
  workDirectory: '/var/lib/prewarm',
  sccacheDir: '/var/cache/sccache',
};

describe('readPrewarmExecutorsConfig', () => {
  it('enables nothing by default', () => {
    expect(readPrewarmExecutorsConfig(new ConfigReader({}))).toEqual({
      local: null,
      githubActions: null,
    });
    expect(
      createBuiltInPrewarmExecutors({
        config: mockServices.rootConfig(),
        logger: mockServices.logger.mock(),
      }),
    ).toEqual([]);
  });

  it('reads the local executor with defaults, resolving relative paths', () => {
    const settings = read({
      local: {
        ...local,
        workDirectory: 'data/prewarm',
        sources: [
          { repository: 'GitHub.com/acme/a', location: 'examples/a' },
          {
            repository: 'github.com/acme/b',
            location: 'https://git.example.com/b.git',
          },
        ],
        env: {
          RUSTFLAGS: '-C target-cpu=x86-64-v2',
          CARGO_TERM_COLOR: 'never',
        },
      },
    });
    expect(settings.local).toEqual({
      workDirectory: resolve('data/prewarm'),
      sccacheDir: '/var/cache/sccache',
      cargoPath: 'cargo',
      sccachePath: 'sccache',
      sources: {
        'github.com/acme/a': resolve('examples/a'),
        'github.com/acme/b': 'https://git.example.com/b.git',
      },
      env: { RUSTFLAGS: '-C target-cpu=x86-64-v2', CARGO_TERM_COLOR: 'never' },
      sccacheIdleTimeoutSeconds: 600,
    });
    expect(sourceOf(settings.local!, 'github.com/acme/a')).toBe(
      resolve('examples/a'),
    );
    // Not configured: the HTTPS clone URL of the repository.
    expect(sourceOf(settings.local!, 'gitlab.example.com/g/sub/c')).toBe(
      'https://gitlab.example.com/g/sub/c.git',
    );
  });

  it.each([
    [
      { ...local, workDirectory: undefined },
      'Missing config rustBuildCache.prewarm.executors.local.workDirectory: required when rustBuildCache.prewarm.executors.local.enabled is true',
    ],
    [
      { ...local, sccacheDir: ' ' },
      'Missing config rustBuildCache.prewarm.executors.local.sccacheDir',
    ],
    [
      { ...local, sources: [{ repository: 'acme/a', location: '/src/a' }] },
      "Invalid config rustBuildCache.prewarm.executors.local.sources[0].repository: expected host/owner/name, e.g. github.com/acme/billing, got 'acme/a'",
    ],
    [
      { ...local, sources: [{ repository: 'github.com/acme/a' }] },
      'Missing config rustBuildCache.prewarm.executors.local.sources[0].location',
    ],
    [
      { ...local, env: { CARGO_INCREMENTAL: '1' } },
      'Invalid config rustBuildCache.prewarm.executors.local.env.CARGO_INCREMENTAL: the local executor sets CARGO_INCREMENTAL itself',
    ],
    [
      { ...local, env: { 'NOT A NAME': 'x' } },
      "Invalid config rustBuildCache.prewarm.executors.local.env: 'NOT A NAME' is not an environment variable name",
    ],
    [
      { ...local, env: { RUSTFLAGS: { nested: true } } },
      'Invalid config rustBuildCache.prewarm.executors.local.env.RUSTFLAGS: expected a string, got object',
    ],
    [
      { ...local, sccacheIdleTimeoutSeconds: 0 },
      'Invalid config rustBuildCache.prewarm.executors.local.sccacheIdleTimeoutSeconds: expected a positive integer, got 0',
    ],
  ])('names the key of an invalid local setting (%#)', (settings, message) => {
    expect(() => read({ local: settings })).toThrow(message);
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

  it('creates the enabled executors', () => {
    const executors = createBuiltInPrewarmExecutors({
      config: mockServices.rootConfig({
        data: {
          rustBuildCache: {
            prewarm: {
              executors: { local, githubActions: { enabled: true } },
            },
          },
        },
      }),
      logger: mockServices.logger.mock(),
    });
    expect(executors.map(e => e.id)).toEqual(['local', 'github-actions']);
  });
});
