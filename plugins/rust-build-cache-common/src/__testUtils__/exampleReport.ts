import { collectBuildEnv } from '../build/collectBuildEnv';
import { analyzeCargoLock } from '../cargo/analyzeCargoLock';
import { parseCargoProfiles } from '../cargo/parseCargoProfiles';
import { parseCargoTimingsHtml } from '../cargo/parseCargoTimings';
import { REPORT_SCHEMA_VERSION, type BuildCacheReport } from '../report/schema';
import { parseSccacheStats } from '../sccache/parseSccacheStats';
import { parseRustcVersion } from '../toolchain/parseRustcVersion';
import { parseToolchainFile } from '../toolchain/parseToolchainFile';
import { readFixture } from '../testUtils/fixtures';

/**
 * A complete CI report of the warm tinyproj run, built by this package's parsers from the
 * real fixtures: sccache 0.4.0 stats (dbg-2), rustc 1.95.0 -vV, the cargo 1.95 Cargo.lock
 * and --timings report. Source, toolchain file and environment are typical GitHub Actions
 * values. `src/__fixtures__/report-example.json` holds its JSON.
 */
export function buildExampleReport(): BuildCacheReport {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    kind: 'ci',
    source: {
      repository: {
        host: 'github.com',
        owner: 'example-org',
        name: 'tinyproj',
      },
      workspacePath: '.',
      branch: 'main',
      commit: '4f1c2b7e9d0a3c5b6e8f7a1d2c3b4a5e6f708192',
      ci: {
        provider: 'github-actions',
        runId: '9876543210',
        runAttempt: 1,
        job: 'build',
        url: 'https://github.com/example-org/tinyproj/actions/runs/9876543210',
      },
      startedAt: '2026-11-27T17:20:02Z',
      finishedAt: '2026-11-27T17:21:35Z',
    },
    sccache: parseSccacheStats(readFixture('sccache/sccache-0.4.0-dbg-2.json')),
    toolchain: {
      file: parseToolchainFile(
        'rust-toolchain.toml',
        '[toolchain]\nchannel = "1.95.0"\ncomponents = ["clippy", "rustfmt"]\n',
      ),
      rustc: parseRustcVersion(readFixture('rustc/rustc-1.95.0-vV.txt')),
    },
    dependencies: analyzeCargoLock(readFixture('cargo/Cargo.v4.lock')),
    build: {
      profiles: parseCargoProfiles(
        `${readFixture(
          'cargo/Cargo.toml',
        )}\n[profile.release]\ncodegen-units = 1\nlto = "thin"\n`,
      ),
      env: collectBuildEnv({
        PATH: '/usr/local/bin:/usr/bin:/bin',
        RUSTC_WRAPPER: 'sccache',
        CARGO_TERM_COLOR: 'always',
        SCCACHE_DIR: '/home/runner/.cache/sccache',
        SCCACHE_CACHE_SIZE: '10G',
      }),
    },
    timings: parseCargoTimingsHtml(readFixture('cargo/cargo-timing.html')),
  };
}
