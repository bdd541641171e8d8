import {
  parseRustcVersion,
  RustcVersionError,
  type RustcInfo,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import type { System } from './system';

/**
 * `rustc -vV`, run in the workspace so that rustup applies the same toolchain override the
 * build got. Null, with a warning, when rustc is missing (collect may run apart from the
 * build) or fails: rustup's rustc fails on a broken toolchain file, which must not cost
 * the build's statistics (the toolchain file's problem is recorded in the report).
 */
export async function readRustcInfo(
  system: System,
  workspaceDir: string,
  warn: (message: string) => void,
): Promise<RustcInfo | null> {
  const rustc = system.env.RUSTC || 'rustc';
  const outcome = await system.runCommand(rustc, ['-vV'], {
    cwd: workspaceDir,
  });
  const unknown = 'the report will not say which rustc built the workspace';
  if (!outcome.found) {
    warn(`'${rustc}' not found: ${unknown}`);
    return null;
  }
  if (outcome.exitCode !== 0) {
    // rustup prints the error and its causes, then (with RUST_BACKTRACE) a backtrace.
    const cause = outcome.stderr
      .split(/^Stack backtrace:/m)[0]
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 500);
    warn(
      `'${rustc} -vV' failed with exit code ${outcome.exitCode} in ${workspaceDir}: ${cause}; ${unknown}`,
    );
    return null;
  }
  try {
    return parseRustcVersion(outcome.stdout);
  } catch (error) {
    if (!(error instanceof RustcVersionError)) throw error;
    warn(
      `the output of '${rustc} -vV' is not rustc's version information (${error.message}): ${unknown}`,
    );
    return null;
  }
}
