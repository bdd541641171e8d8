import { exampleReport, inputOf, realReport } from '../testUtils/realReports';
import {
  checkCargoLockCommitted,
  checkToolchainPinMatchesCi,
  checkToolchainPinnedExact,
} from './rules';

// A new app without a GitHub token: the snapshot task could not read the repository, so the
// stored snapshot has empty values (no toolchain file, Cargo.lock assumed committed) and
// says what it could not read. The rules must neither judge those empty values nor
// contradict the rule next to them that reads the CI report.

const example = exampleReport(); // rust-toolchain.toml pins 1.95.0, Cargo.lock v4
const billing = realReport('billing-api-warm');
const REASON =
  'rust-toolchain: GitHub answered 404 Not Found. Check that integrations.github for github.com can read github.com/acme/billing (a token or app with read access to its contents).';
const LOCK_REASON =
  'Cargo.lock: GitHub answered 404 Not Found. Check that integrations.github for github.com can read github.com/acme/billing (a token or app with read access to its contents).';
const unreadable = {
  toolchainFile: null,
  cargoLockCommitted: true,
  unreadable: { toolchain: REASON, dependencies: LOCK_REASON },
};

describe('rules over a repository the snapshot could not read', () => {
  it('toolchain-pinned-exact answers from the CI report, naming what could not be read', () => {
    const input = inputOf([example], { snapshot: unreadable });
    const pinned = checkToolchainPinnedExact(input);
    expect(pinned.result).toBe('pass');
    expect(pinned.summary).toBe(
      `The repository's toolchain file could not be read (${REASON.replace(
        /\.$/,
        '',
      )}). From the latest CI report: rust-toolchain.toml pins 1.95.0.`,
    );
    // ...agreeing with the rule below it, which reads the same report.
    expect(checkToolchainPinMatchesCi(input).result).toBe('pass');
  });

  it('still fails from the CI report when CI had no toolchain file either', () => {
    const found = checkToolchainPinnedExact(
      inputOf([billing], { snapshot: unreadable }),
    );
    expect(found.result).toBe('fail');
    expect(found.summary).toMatch(
      /^The repository's toolchain file could not be read \(.*integrations\.github.*\)\. From the latest CI report: No rust-toolchain file/,
    );
  });

  it('toolchain-pinned-exact has insufficient data without a CI report, naming the integration', () => {
    const found = checkToolchainPinnedExact(
      inputOf([], { snapshot: unreadable }),
    );
    expect(found.result).toBe('insufficient-data');
    expect(found.summary).toContain('rust-toolchain: GitHub answered 404');
    expect(found.summary).toContain('integrations.github for github.com');
    expect(found.summary).toContain('No CI report shows it either.');
  });

  it('cargo-lock-committed answers from the CI report instead of passing on an assumed lockfile', () => {
    const unlocked = realReport('billing-api-warm');
    if (unlocked.dependencies) unlocked.dependencies.lockVersion = null;
    const found = checkCargoLockCommitted(
      inputOf([unlocked], { snapshot: unreadable }),
    );
    expect(found.result).toBe('fail');
    expect(found.summary).toMatch(
      /^The repository's Cargo\.lock could not be read \(Cargo\.lock: GitHub answered 404.*\)\. From the latest CI report: The build had no Cargo\.lock\.$/,
    );
    expect(
      checkCargoLockCommitted(inputOf([example], { snapshot: unreadable }))
        .result,
    ).toBe('pass');
  });

  it('cargo-lock-committed has insufficient data without a CI report', () => {
    const found = checkCargoLockCommitted(
      inputOf([], { snapshot: unreadable }),
    );
    expect(found.result).toBe('insufficient-data');
    expect(found.summary).toContain('Cargo.lock: GitHub answered 404');
  });

  it('a readable snapshot still wins over the report', () => {
    const readable = { toolchainFile: null, cargoLockCommitted: false };
    expect(
      checkToolchainPinnedExact(inputOf([example], { snapshot: readable }))
        .result,
    ).toBe('fail');
    expect(
      checkCargoLockCommitted(inputOf([example], { snapshot: readable }))
        .result,
    ).toBe('fail');
  });
});
