import { collectBuildEnv } from './collectBuildEnv';

// sha256 of "-C\x1ftarget-cpu=native\x1f-D\x1fwarnings", computed independently with sha256sum.
const FLAGS_SHA256 =
  '87145bcb5555be8edfb392d066de1631f7f753c3f7bee62591045155a848ee4c';

describe('collectBuildEnv', () => {
  it('collects a typical GitHub Actions environment', () => {
    const env = {
      PATH: '/usr/bin',
      RUSTC_WRAPPER: 'sccache',
      CARGO_INCREMENTAL: '0',
      CARGO_TERM_COLOR: 'always',
      CARGO_HOME: '/home/runner/.cargo',
      SCCACHE_GHA_ENABLED: 'true',
      SCCACHE_CACHE_SIZE: '2G',
      ACTIONS_RUNTIME_TOKEN: 'secret-token',
      RUSTFLAGS: '-C target-cpu=native  -D warnings',
    };
    expect(collectBuildEnv(env)).toEqual({
      rustcWrapper: 'sccache',
      cargoIncremental: '0',
      rustflags: { set: true, sha256: FLAGS_SHA256 },
      cargoVarNames: ['CARGO_HOME', 'CARGO_INCREMENTAL', 'CARGO_TERM_COLOR'],
      sccacheVarNames: ['SCCACHE_CACHE_SIZE', 'SCCACHE_GHA_ENABLED'],
      sccacheCacheSize: '2G',
    });
  });

  it('never keeps values of CARGO_* or SCCACHE_* variables', () => {
    const collected = JSON.stringify(
      collectBuildEnv({
        CARGO_REGISTRIES_MY_TOKEN: 'tok-123',
        SCCACHE_REDIS_PASSWORD: 'pw-456',
      }),
    );
    expect(collected).toContain('CARGO_REGISTRIES_MY_TOKEN');
    expect(collected).not.toContain('tok-123');
    expect(collected).not.toContain('pw-456');
  });

  it('reports nothing set in an empty environment', () => {
    expect(collectBuildEnv({})).toEqual({
      rustcWrapper: null,
      cargoIncremental: null,
      rustflags: { set: false, sha256: null },
      cargoVarNames: [],
      sccacheVarNames: [],
      sccacheCacheSize: null,
    });
  });

  it('treats an empty RUSTC_WRAPPER as no wrapper and skips undefined entries', () => {
    const env = { RUSTC_WRAPPER: '', CARGO_INCREMENTAL: undefined };
    expect(collectBuildEnv(env)).toMatchObject({
      rustcWrapper: null,
      cargoIncremental: null,
      cargoVarNames: [],
    });
  });

  it('hashes CARGO_ENCODED_RUSTFLAGS like the same flags in RUSTFLAGS', () => {
    const encoded = collectBuildEnv({
      CARGO_ENCODED_RUSTFLAGS: '-C\x1ftarget-cpu=native\x1f-D\x1fwarnings',
    });
    expect(encoded.rustflags).toEqual({ set: true, sha256: FLAGS_SHA256 });
    expect(encoded.cargoVarNames).toEqual(['CARGO_ENCODED_RUSTFLAGS']);
  });

  it('prefers CARGO_ENCODED_RUSTFLAGS over RUSTFLAGS, as cargo does', () => {
    const both = collectBuildEnv({
      RUSTFLAGS: '-D warnings',
      CARGO_ENCODED_RUSTFLAGS: '-C\x1ftarget-cpu=native\x1f-D\x1fwarnings',
    });
    expect(both.rustflags.sha256).toBe(FLAGS_SHA256);
  });

  it('counts an empty RUSTFLAGS as set, since it overrides build.rustflags', () => {
    expect(collectBuildEnv({ RUSTFLAGS: '' }).rustflags).toEqual({
      set: true,
      sha256:
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    });
  });

  it('changes the hash when the flags change', () => {
    const a = collectBuildEnv({ RUSTFLAGS: '-D warnings' }).rustflags.sha256;
    const b = collectBuildEnv({ RUSTFLAGS: '-W warnings' }).rustflags.sha256;
    expect(a).not.toBe(b);
  });
});
