import { join } from 'node:path';
import {
  selectToolchainFile,
  ToolchainFileError,
  type ToolchainFile,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { InputError } from './errors';
import { readInputFile } from './files';
import { displayPath } from './paths';
import type { System } from './system';
import { directoriesUpToRoot } from './workspace';

const LEGACY_FILE = 'rust-toolchain';
const TOML_FILE = 'rust-toolchain.toml';

/**
 * The toolchain file rustup would use for a build in the workspace: like rustup, search the
 * workspace directory and then its parents (here: up to the repository root); the first
 * directory holding either file decides, and there the legacy `rust-toolchain` wins.
 */
export async function readToolchainFile(
  system: System,
  workspaceDir: string,
  repoRoot: string,
): Promise<ToolchainFile | null> {
  for (const dir of directoriesUpToRoot(workspaceDir, repoRoot)) {
    const legacy = await readInputFile(
      system,
      join(dir, LEGACY_FILE),
      'toolchain file',
    );
    const toml = await readInputFile(
      system,
      join(dir, TOML_FILE),
      'toolchain file',
    );
    if (legacy === null && toml === null) continue;
    try {
      return selectToolchainFile({ [LEGACY_FILE]: legacy, [TOML_FILE]: toml });
    } catch (error) {
      if (!(error instanceof ToolchainFileError)) throw error;
      // The message starts with the file name; the path replaces it.
      const prefix = `${error.file}: `;
      const problem = error.message.startsWith(prefix)
        ? error.message.slice(prefix.length)
        : error.message;
      throw new InputError(
        `toolchain file at ${displayPath(
          system.cwd,
          join(dir, error.file),
        )}: ${problem}`,
      );
    }
  }
  return null;
}
