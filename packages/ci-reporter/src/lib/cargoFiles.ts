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
import { displayPath } from './paths';
import { readOptionalInput, type InputProblems } from './problems';
import type { System } from './system';

/** How many of the slowest compilation units the report keeps. */
const SLOWEST_UNITS = 10;

/**
 * Dependency fingerprint of the workspace's Cargo.lock; null when there is no lock file, or
 * when it is broken (recorded in `problems`).
 */
export async function readDependencies(
  system: System,
  workspaceDir: string,
  problems: InputProblems,
): Promise<DependencyInfo | null> {
  return readOptionalInput(system, problems, {
    path: join(workspaceDir, 'Cargo.lock'),
    label: 'Cargo.lock',
    parse: analyzeCargoLock,
    parseError: CargoLockError,
  });
}

/**
 * The `[profile.*]` settings of the workspace's Cargo.toml, which must exist (it makes the
 * directory a workspace); none when it is broken (recorded in `problems`).
 */
export async function readProfiles(
  system: System,
  workspaceDir: string,
  problems: InputProblems,
): Promise<BuildSettings['profiles']> {
  const profiles = await readOptionalInput(system, problems, {
    path: join(workspaceDir, 'Cargo.toml'),
    label: 'Cargo.toml',
    parse: parseCargoProfiles,
    parseError: CargoManifestError,
    ifMissing: new InputError(
      `no Cargo.toml in ${displayPath(
        system.cwd,
        workspaceDir,
      )}: --workspace must be the root directory of a Cargo workspace`,
    ),
  });
  return profiles ?? {};
}

export interface TimingsLocation {
  /** `--timings`: a missing explicit file is a problem. */
  timingsFile: string | undefined;
  /** `--target-dir`, else CARGO_TARGET_DIR, else `<workspace>/target`. */
  targetDir: string | undefined;
  workspaceDir: string;
}

/**
 * The `cargo build --timings` report: the named file, else `<target-dir>/cargo-timings/
 * cargo-timing.html` when the build wrote one. Null when the build ran without --timings,
 * and when the file is broken or a named one is missing (recorded in `problems`).
 */
export async function readTimings(
  system: System,
  location: TimingsLocation,
  problems: InputProblems,
): Promise<CargoTimings | null> {
  return readOptionalInput(system, problems, {
    path: timingsPath(system, location),
    label: 'cargo timings',
    parse: content => parseCargoTimingsHtml(content, SLOWEST_UNITS),
    parseError: CargoTimingsError,
    ifMissing: location.timingsFile !== undefined ? 'problem' : 'ignore',
  });
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
