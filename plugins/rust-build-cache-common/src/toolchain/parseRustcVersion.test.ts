import type { RustcInfo, ToolchainFile } from '../report/schema';
import { readFixture } from '../testUtils/fixtures';
import {
  parseRustcVersion,
  RustcVersionError,
  toolchainMatchesRustc,
} from './parseRustcVersion';

/** Real `rustc -vV` of rustc 1.95.0 on this project's machines. */
const RUSTC_1_95 = readFixture('rustc/rustc-1.95.0-vV.txt');

const STABLE_1_95: RustcInfo = {
  release: '1.95.0',
  version: 'rustc 1.95.0 (59807616e 2026-04-14)',
  commitHash: '59807616e1fa2540724bfbac14d7976d7e4a3860',
  commitDate: '2026-04-14',
  host: 'x86_64-unknown-linux-gnu',
};

/** A nightly in the same layout (constructed: no nightly is installed here). */
const NIGHTLY: RustcInfo = {
  release: '1.96.0-nightly',
  version: 'rustc 1.96.0-nightly (0123456789 2026-04-30)',
  commitHash: '0123456789abcdef0123456789abcdef01234567',
  commitDate: '2026-04-30',
  host: 'x86_64-unknown-linux-gnu',
};

function fileWith(
  channel: string | null,
  path: string | null = null,
): ToolchainFile {
  return {
    file: 'rust-toolchain.toml',
    channel,
    path,
    components: [],
    targets: [],
    profile: null,
  };
}

describe('parseRustcVersion', () => {
  it('parses the real rustc 1.95.0 output', () => {
    expect(parseRustcVersion(RUSTC_1_95)).toEqual(STABLE_1_95);
  });

  it('skips lines before the version line and accepts CRLF', () => {
    const output = `info: syncing channel updates\r\n${RUSTC_1_95.replace(
      /\n/g,
      '\r\n',
    )}`;
    expect(parseRustcVersion(output)).toEqual(STABLE_1_95);
  });

  it('turns unknown hashes and dates into null and falls back to the first line for the release', () => {
    expect(
      parseRustcVersion(
        'rustc 1.97.0-dev\nbinary: rustc\ncommit-hash: unknown\ncommit-date: unknown\nhost: aarch64-apple-darwin\n',
      ),
    ).toEqual({
      release: '1.97.0-dev',
      version: 'rustc 1.97.0-dev',
      commitHash: null,
      commitDate: null,
      host: 'aarch64-apple-darwin',
    });
  });

  it('rejects output that is not rustc -vV', () => {
    expect(() =>
      parseRustcVersion('cargo 1.95.0 (f2d3ce0bd 2026-03-21)'),
    ).toThrow(RustcVersionError);
    expect(() => parseRustcVersion('')).toThrow(
      'no line starting with "rustc <version>"',
    );
    expect(() =>
      parseRustcVersion('rustc 1.95.0\ncommit-date: yesterday\n'),
    ).toThrow('commit-date must be YYYY-MM-DD (got "yesterday")');
  });
});

describe('toolchainMatchesRustc', () => {
  it('matches an exact release pin', () => {
    expect(toolchainMatchesRustc(fileWith('1.95.0'), STABLE_1_95)).toEqual({
      status: 'match',
      detail:
        'rust-toolchain.toml pins 1.95.0; CI used rustc 1.95.0 (2026-04-14).',
    });
    expect(
      toolchainMatchesRustc(
        fileWith('1.95.0-x86_64-unknown-linux-gnu'),
        STABLE_1_95,
      ).status,
    ).toBe('match');
  });

  it('reports a different release as a mismatch', () => {
    expect(toolchainMatchesRustc(fileWith('1.94.1'), STABLE_1_95)).toEqual({
      status: 'mismatch',
      detail:
        'rust-toolchain.toml pins 1.94.1, but CI used rustc 1.95.0 (2026-04-14).',
    });
  });

  it('calls stable, beta, nightly and 1.95 floating when CI used that channel', () => {
    expect(toolchainMatchesRustc(fileWith('stable'), STABLE_1_95).status).toBe(
      'floating',
    );
    expect(toolchainMatchesRustc(fileWith('nightly'), NIGHTLY).status).toBe(
      'floating',
    );
    expect(toolchainMatchesRustc(fileWith('1.95'), STABLE_1_95)).toEqual({
      status: 'floating',
      detail:
        'rust-toolchain.toml asks for 1.95, which moves to each new 1.95.x patch release; CI used rustc 1.95.0 (2026-04-14).',
    });
  });

  it('reports a floating channel that CI did not use as a mismatch', () => {
    expect(toolchainMatchesRustc(fileWith('stable'), NIGHTLY).status).toBe(
      'mismatch',
    );
    expect(toolchainMatchesRustc(fileWith('1.94'), STABLE_1_95).status).toBe(
      'mismatch',
    );
  });

  it('matches a dated nightly whose commit-date is the day before or the same day', () => {
    expect(
      toolchainMatchesRustc(fileWith('nightly-2026-05-01'), NIGHTLY),
    ).toEqual({
      status: 'match',
      detail:
        'rust-toolchain.toml pins nightly-2026-05-01; CI used rustc 1.96.0-nightly (2026-04-30), the commit that nightly is built from.',
    });
    expect(
      toolchainMatchesRustc(fileWith('nightly-2026-04-30'), NIGHTLY).status,
    ).toBe('match');
  });

  it('does not match a dated nightly from other days', () => {
    expect(
      toolchainMatchesRustc(fileWith('nightly-2026-05-02'), NIGHTLY).status,
    ).toBe('mismatch');
    expect(
      toolchainMatchesRustc(fileWith('nightly-2026-04-29'), NIGHTLY).detail,
    ).toContain('a later compiler');
    expect(
      toolchainMatchesRustc(fileWith('nightly-2026-05-01'), STABLE_1_95).status,
    ).toBe('mismatch');
  });

  it('cannot tie a dated stable to rustc -vV, but sees a later compiler', () => {
    expect(
      toolchainMatchesRustc(fileWith('stable-2026-04-16'), STABLE_1_95).status,
    ).toBe('unknown');
    expect(
      toolchainMatchesRustc(fileWith('stable-2026-04-01'), STABLE_1_95).status,
    ).toBe('mismatch');
  });

  it('is unpinned without a file or a channel', () => {
    expect(toolchainMatchesRustc(null, STABLE_1_95).status).toBe('unpinned');
    expect(toolchainMatchesRustc(null, null).status).toBe('unpinned');
    expect(
      toolchainMatchesRustc(
        { ...fileWith(null), components: ['clippy'] },
        STABLE_1_95,
      ).status,
    ).toBe('unpinned');
  });

  it('is unknown without rustc, for path toolchains and for custom names', () => {
    expect(toolchainMatchesRustc(fileWith('1.95.0'), null)).toEqual({
      status: 'unknown',
      detail:
        'rust-toolchain.toml pins 1.95.0, but the report has no `rustc -vV` to compare with.',
    });
    expect(
      toolchainMatchesRustc(fileWith(null, '/opt/rust'), STABLE_1_95).status,
    ).toBe('unknown');
    expect(
      toolchainMatchesRustc(fileWith('my-toolchain'), STABLE_1_95).status,
    ).toBe('unknown');
  });
});
