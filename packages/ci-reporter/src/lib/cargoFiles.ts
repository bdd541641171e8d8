import { join, resolve } from 'node:path';
import {
  analyzeCargoLock,
  CargoLockError,
  CargoManifestError,
  CargoTimingsError,
  parseCargoProfiles,
  parseCargoTimingsHtml,
  type BuildSettings,
  type CargoTimings,
  type DependencyInfo,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { InputError } from './errors';
import { readInputFile, readRequiredInputFile, rethrowForFile } from './files';
import { displayPath } from './paths';
import type { System } from './system';

/** How many of the slowest compilation units the report keeps. */
const SLOWEST_UNITS = 10;

/** Dependency fingerprint of the workspace's Cargo.lock; null when there is no lock file. */
export async function readDependencies(
  system: System,
  workspaceDir: string,
): Promise<DependencyInfo | null> {
  const path = join(workspaceDir, 'Cargo.lock');
  const content = await readInputFile(system, path, 'Cargo.lock');
  if (content === null) return null;
  try {
    return analyzeCargoLock(content);
  } catch (error) {
    return rethrowForFile(
      error,
      CargoLockError,
      'Cargo.lock',
      displayPath(system.cwd, path),
    );
  }
}

/** The `[profile.*]` settings of the workspace's Cargo.toml, which must exist. */
export async function readProfiles(
  system: System,
  workspaceDir: string,
): Promise<BuildSettings['profiles']> {
  const path = join(workspaceDir, 'Cargo.toml');
  const content = await readInputFile(system, path, 'Cargo.toml');
  if (content === null) {
    throw new InputError(
      `no Cargo.toml in ${displayPath(
        system.cwd,
        workspaceDir,
      )}: --workspace must be the root directory of a Cargo workspace`,
    );
  }
  try {
    return parseCargoProfiles(content);
  } catch (error) {
    return rethrowForFile(
      error,
      CargoManifestError,
      'Cargo.toml',
      displayPath(system.cwd, path),
    );
  }
}

export interface TimingsLocation {
  /** `--timings`: an explicit file must exist. */
  timingsFile: string | undefined;
  /** `--target-dir`, else CARGO_TARGET_DIR, else `<workspace>/target`. */
  targetDir: string | undefined;
  workspaceDir: string;
}

/**
 * The `cargo build --timings` report: the named file, else `<target-dir>/cargo-timings/
 * cargo-timing.html` when the build wrote one. Null when the build ran without --timings.
 */
export async function readTimings(
  system: System,
  location: TimingsLocation,
): Promise<CargoTimings | null> {
  const path = timingsPath(system, location);
  const content =
    location.timingsFile !== undefined
      ? await readRequiredInputFile(system, path, 'cargo timings')
      : await readInputFile(system, path, 'cargo timings');
  if (content === null) return null;
  try {
    return parseCargoTimingsHtml(content, SLOWEST_UNITS);
  } catch (error) {
    return rethrowForFile(
      error,
      CargoTimingsError,
      'cargo timings',
      displayPath(system.cwd, path),
    );
  }
}

function timingsPath(system: System, location: TimingsLocation): string {
  if (location.timingsFile !== undefined)
    return resolve(system.cwd, location.timingsFile);
  // cargo resolves a relative --target-dir or CARGO_TARGET_DIR against its working directory.
  const targetDir =
    location.targetDir ??
    (system.env.CARGO_TARGET_DIR || join(location.workspaceDir, 'target'));
  return join(
    resolve(system.cwd, targetDir),
    'cargo-timings',
    'cargo-timing.html',
  );
}
