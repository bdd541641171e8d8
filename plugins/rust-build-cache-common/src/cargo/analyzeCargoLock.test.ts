import { readFixture } from '../testUtils/fixtures';
import { analyzeCargoLock, CargoLockError } from './analyzeCargoLock';

/**
 * The fixtures are real lock files that cargo 1.95 wrote for one project (itoa + cfg-if
 * from Debian's crates): `rust-version` 1.37, 1.45 and 1.60 made cargo pick v1, v2 and v3;
 * without it cargo writes v4.
 */
const LOCKS = {
  1: readFixture('cargo/Cargo.v1.lock'),
  2: readFixture('cargo/Cargo.v2.lock'),
  3: readFixture('cargo/Cargo.v3.lock'),
  4: readFixture('cargo/Cargo.v4.lock'),
};

/** sha256 of the compact JSON of the sorted tuples, the value rust-caching-facts.md §3 verified (`7b74c72d…`). */
const TINYPROJ_FINGERPRINT =
  '7b74c72d8ccc5ffcf726c9aecad6bfb05c3281f46715c394e88eccee0f849933';

describe('analyzeCargoLock', () => {
  it.each([1, 2, 3, 4] as const)(
    'reads the real v%s lock with the same fingerprint',
    version => {
      expect(analyzeCargoLock(LOCKS[version])).toEqual({
        lockVersion: version,
        fingerprint: TINYPROJ_FINGERPRINT,
        packages: { registry: 2, git: 0, path: 1 },
      });
    },
  );

  it('accepts the Debian checksum "Could not get crate checksum" as part of the fingerprint', () => {
    expect(LOCKS[4]).toContain('checksum = "Could not get crate checksum"');
    const other = LOCKS[4].replace(
      'Could not get crate checksum',
      'e'.repeat(64),
    );
    expect(analyzeCargoLock(other).fingerprint).not.toBe(TINYPROJ_FINGERPRINT);
  });

  it('keeps the fingerprint when a workspace member changes version', () => {
    const bumped = LOCKS[4].replace(
      'name = "tinyproj"\nversion = "0.1.0"',
      'name = "tinyproj"\nversion = "0.2.0"',
    );
    expect(bumped).not.toBe(LOCKS[4]);
    expect(analyzeCargoLock(bumped).fingerprint).toBe(TINYPROJ_FINGERPRINT);
  });

  it('changes the fingerprint when a dependency version or checksum changes', () => {
    const newerItoa = LOCKS[4].replace(
      'name = "itoa"\nversion = "1.0.1"',
      'name = "itoa"\nversion = "1.0.2"',
    );
    expect(analyzeCargoLock(newerItoa).fingerprint).not.toBe(
      TINYPROJ_FINGERPRINT,
    );
    const otherChecksum = LOCKS[4].replace('1aab8fc3', '0aab8fc3');
    expect(analyzeCargoLock(otherChecksum).fingerprint).not.toBe(
      TINYPROJ_FINGERPRINT,
    );
  });

  it('does not depend on the order of packages or on comments', () => {
    const [head, ...packages] = LOCKS[4].split('\n[[package]]\n');
    const reordered = `${head}\n# reordered by hand\n[[package]]\n${packages
      .reverse()
      .join('\n[[package]]\n')}`;
    expect(analyzeCargoLock(reordered).fingerprint).toBe(TINYPROJ_FINGERPRINT);
  });

  describe('git dependencies (hand-written: no git source is reachable here)', () => {
    const gitLock = (version: 3 | 4, source: string) =>
      `version = ${version}

[[package]]
name = "app"
version = "0.1.0"
dependencies = ["tool"]

[[package]]
name = "tool"
version = "0.3.0"
source = "${source}"
`;

    it('counts git packages and fingerprints them by URL and commit, whatever the query encoding', () => {
      const v3 = analyzeCargoLock(
        gitLock(
          3,
          'git+https://github.com/acme/tool?branch=feature/x#0123abcd',
        ),
      );
      const v4 = analyzeCargoLock(
        gitLock(
          4,
          'git+https://github.com/acme/tool?branch=feature%2Fx#0123abcd',
        ),
      );
      expect(v3.packages).toEqual({ registry: 0, git: 1, path: 1 });
      expect(v4.fingerprint).toBe(v3.fingerprint);
    });

    it('changes the fingerprint when the commit changes', () => {
      const before = analyzeCargoLock(
        gitLock(4, 'git+https://github.com/acme/tool?branch=main#0123abcd'),
      );
      const after = analyzeCargoLock(
        gitLock(4, 'git+https://github.com/acme/tool?branch=main#4567ef01'),
      );
      expect(after.fingerprint).not.toBe(before.fingerprint);
    });

    it('treats the v1 "<none>" checksum of git packages as no checksum', () => {
      const v1 = `[[package]]
name = "tool"
version = "0.3.0"
source = "git+https://github.com/acme/tool?branch=main#0123abcd"

[[package]]
name = "itoa"
version = "1.0.1"
source = "registry+https://github.com/rust-lang/crates.io-index"

[metadata]
"checksum itoa 1.0.1 (registry+https://github.com/rust-lang/crates.io-index)" = "1aab8fc367588b89dcee83ab0fd66b72b50b72fa1904d7095045ace2b0c81c35"
"checksum tool 0.3.0 (git+https://github.com/acme/tool?branch=main#0123abcd)" = "<none>"
`;
      const v4 = `version = 4

[[package]]
name = "itoa"
version = "1.0.1"
source = "registry+https://github.com/rust-lang/crates.io-index"
checksum = "1aab8fc367588b89dcee83ab0fd66b72b50b72fa1904d7095045ace2b0c81c35"

[[package]]
name = "tool"
version = "0.3.0"
source = "git+https://github.com/acme/tool?branch=main#0123abcd"
`;
      expect(analyzeCargoLock(v1)).toEqual({
        ...analyzeCargoLock(v4),
        lockVersion: 1,
      });
    });
  });

  it('reads a lock with only path packages as v2', () => {
    expect(
      analyzeCargoLock('[[package]]\nname = "solo"\nversion = "0.1.0"\n'),
    ).toEqual({
      lockVersion: 2,
      fingerprint:
        '4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945', // sha256("[]")
      packages: { registry: 0, git: 0, path: 1 },
    });
  });

  describe('errors name the problem', () => {
    const expectError = (content: string, message: string) => {
      expect(() => analyzeCargoLock(content)).toThrow(CargoLockError);
      expect(() => analyzeCargoLock(content)).toThrow(message);
    };

    it('rejects garbage', () => {
      expectError('<html>not a lock file</html>', 'Cargo.lock: not valid TOML');
      expectError(
        'package = "itoa"\n',
        'Cargo.lock: "package" must be an array of [[package]] tables',
      );
    });

    it('rejects packages without a name or version', () => {
      expectError(
        'version = 4\n[[package]]\nversion = "1.0.0"\n',
        'Cargo.lock: [[package]] #1 has no name (got nothing)',
      );
      expectError(
        'version = 4\n[[package]]\nname = "itoa"\nversion = 1\n',
        'Cargo.lock: [[package]] #1 ("itoa") has no version (got 1)',
      );
    });

    it('rejects a source or checksum that is not a string', () => {
      expectError(
        '[[package]]\nname = "a"\nversion = "1.0.0"\nsource = 1\n',
        '[[package]] #1 ("a") has a source that is not a string',
      );
      expectError(
        '[[package]]\nname = "a"\nversion = "1.0.0"\nchecksum = true\n',
        '[[package]] #1 ("a") has a checksum that is not a string',
      );
    });

    it('rejects unknown format versions', () => {
      expectError(
        'version = 5\n',
        'Cargo.lock: version must be 1, 2, 3 or 4 (got 5)',
      );
      expectError(
        'version = "4"\n',
        'Cargo.lock: version must be 1, 2, 3 or 4 (got "4")',
      );
    });
  });
});
