import { resolve } from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { readLocalExecutorConfig, sourceOf } from './localConfig';

function read(executors: { local?: object }) {
  return {
    local: readLocalExecutorConfig(
      mockServices.rootConfig({
        data: { rustBuildCache: { prewarm: { executors } } },
      }),
    ),
  };
}

const local = {
  enabled: true,
  workDirectory: '/var/lib/prewarm',
  sccacheDir: '/var/cache/sccache',
};

describe('readLocalExecutorConfig', () => {
  it('enables nothing by default', () => {
    expect(read({})).toEqual({ local: null });
    expect(read({ local: { ...local, enabled: false } })).toEqual({
      local: null,
    });
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
});
