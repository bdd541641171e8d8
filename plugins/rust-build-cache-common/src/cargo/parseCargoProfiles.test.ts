import { readFixture } from '../testUtils/fixtures';
import { CargoManifestError, parseCargoProfiles } from './parseCargoProfiles';

describe('parseCargoProfiles', () => {
  it('returns no profiles for the real manifest that sets none', () => {
    expect(parseCargoProfiles(readFixture('cargo/Cargo.toml'))).toEqual({});
  });

  it('reads the cache-relevant keys of each [profile.*] and leaves absent ones null', () => {
    const manifest = `[workspace]
members = ["crates/*"]

[profile.dev]
incremental = false
debug = "line-tables-only"

[profile.release]
codegen-units = 1
lto = "thin"
opt-level = 3
strip = true

[profile.release.package."*"]
opt-level = "s"

[profile.size]
inherits = "release"
opt-level = "z"
debug = 0
lto = false
`;
    expect(parseCargoProfiles(manifest)).toEqual({
      dev: {
        incremental: false,
        codegenUnits: null,
        debug: 'line-tables-only',
        lto: null,
        optLevel: null,
      },
      release: {
        incremental: null,
        codegenUnits: 1,
        debug: null,
        lto: 'thin',
        optLevel: 3,
      },
      size: {
        incremental: null,
        codegenUnits: null,
        debug: 0,
        lto: false,
        optLevel: 'z',
      },
    });
  });

  it('accepts the dotted-key form', () => {
    expect(parseCargoProfiles('profile.dev.incremental = true\n')).toEqual({
      dev: {
        incremental: true,
        codegenUnits: null,
        debug: null,
        lto: null,
        optLevel: null,
      },
    });
  });

  describe('errors name the key and the problem', () => {
    const expectError = (manifest: string, message: string) => {
      expect(() => parseCargoProfiles(manifest)).toThrow(CargoManifestError);
      expect(() => parseCargoProfiles(manifest)).toThrow(message);
    };

    it('rejects invalid TOML with its position', () => {
      expectError(
        '[profile.dev\nincremental = false\n',
        'Cargo.toml: not valid TOML: ',
      );
      expectError(
        '[profile.dev]\nincremental = false\nincremental = true\n',
        '(line 3, column 1)',
      );
    });

    it('rejects wrongly typed settings', () => {
      expectError(
        '[profile.release]\ncodegen-units = 0\n',
        'Cargo.toml: profile.release.codegen-units must be a positive integer (got 0)',
      );
      expectError(
        '[profile.dev]\nincremental = "no"\n',
        'Cargo.toml: profile.dev.incremental must be true or false (got "no")',
      );
      expectError(
        '[profile.dev]\nopt-level = 1.5\n',
        'profile.dev.opt-level must be an integer or "s"/"z" (got 1.5)',
      );
      expectError(
        '[profile.dev]\ndebug = [1]\n',
        'profile.dev.debug must be a boolean, an integer or a level name (got [1])',
      );
      expectError(
        '[profile.dev]\nlto = 1\n',
        'profile.dev.lto must be a boolean or a name (got 1)',
      );
    });

    it('rejects profiles that are not tables', () => {
      expectError(
        'profile = "dev"\n',
        'Cargo.toml: profile must be a table of [profile.<name>] tables',
      );
      expectError(
        '[profile]\ndev = 1\n',
        'Cargo.toml: profile.dev must be a table',
      );
    });
  });
});
