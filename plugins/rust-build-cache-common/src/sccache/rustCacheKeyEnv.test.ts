import { rustCacheKeyCargoVar } from './rustCacheKeyEnv';

const hashed = (name: string, version: string | null) =>
  rustCacheKeyCargoVar(name, version).hashed;

describe('rustCacheKeyCargoVar (sccache rust.rs, v0.4.0-pre.6 to v0.17.0)', () => {
  it('hashes other CARGO_* variables in every version', () => {
    for (const version of [null, '0.4.0', '0.10.0', '0.17.0', '0.20.1']) {
      expect(hashed('CARGO_TARGET_DIR', version)).toBe(true);
      expect(hashed('CARGO_HOME', version)).toBe(true);
    }
  });

  it('never hashes CARGO_MAKEFLAGS', () => {
    expect(hashed('CARGO_MAKEFLAGS', null)).toBe(false);
    expect(hashed('CARGO_MAKEFLAGS', '0.17.0')).toBe(false);
  });

  it.each([
    ['CARGO_REGISTRIES_MY_TOKEN', '0.9.0', '0.9.1'],
    ['CARGO_BUILD_JOBS', '0.11.0', '0.12.0'],
    ['CARGO_ENCODED_RUSTFLAGS', '0.14.0', '0.15.0'],
  ])('stops hashing %s after %s (from %s on)', (name, last, first) => {
    expect(hashed(name, null)).toBe(true);
    expect(hashed(name, last)).toBe(true);
    expect(hashed(name, first)).toBe(false);
    expect(hashed(name, 'v0.17.0')).toBe(false);
  });

  it('takes a version it cannot read as the newest', () => {
    expect(hashed('CARGO_BUILD_JOBS', 'newest')).toBe(false);
  });

  it('does not count variables outside CARGO_*', () => {
    expect(hashed('RUSTFLAGS', '0.17.0')).toBe(false);
  });
});
