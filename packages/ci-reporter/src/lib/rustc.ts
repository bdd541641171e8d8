import {
  parseRustcVersion,
  RustcVersionError,
  type RustcInfo,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { InputError } from './errors';
import type { System } from './system';

/**
 * `rustc -vV`, run in the workspace so that rustup applies the same toolchain override the
 * build got. A missing rustc is not an error (collect may run apart from the build): null.
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
  if (!outcome.found) {
    warn(
      `'${rustc}' not found: the report will not say which rustc built the workspace`,
    );
    return null;
  }
  if (outcome.exitCode !== 0) {
    throw new InputError(
      `'${rustc} -vV' failed with exit code ${
        outcome.exitCode
      } in ${workspaceDir}: ${outcome.stderr.trim()}`,
    );
  }
  try {
    return parseRustcVersion(outcome.stdout);
  } catch (error) {
    if (!(error instanceof RustcVersionError)) throw error;
    throw new InputError(
      `the output of '${rustc} -vV' is not rustc's version information: ${error.message}`,
    );
  }
}
