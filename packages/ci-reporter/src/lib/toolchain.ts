import { join } from 'node:path';
import {
  selectToolchainFile,
  ToolchainFileError,
  type ToolchainFile,
  type ToolchainFileName,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { errorMessage } from './errors';
import type { InputProblems } from './problems';
import type { System } from './system';
import { directoriesUpToRoot } from './workspace';

/** rustup's order: in one directory, the legacy file wins. */
const FILE_NAMES: ToolchainFileName[] = [
  'rust-toolchain',
  'rust-toolchain.toml',
];

/**
 * The toolchain file rustup would use for a build in the workspace: like rustup, search the
 * workspace directory and then its parents (here: up to the repository root); the first
 * directory holding either file decides, and there the legacy `rust-toolchain` wins.
 * Null when there is none, and when the deciding file is broken (recorded in `problems`).
 */
export async function readToolchainFile(
  system: System,
  workspaceDir: string,
  repoRoot: string,
  problems: InputProblems,
): Promise<ToolchainFile | null> {
  for (const dir of directoriesUpToRoot(workspaceDir, repoRoot)) {
    const files: Partial<Record<ToolchainFileName, string | null>> = {};
    for (const name of FILE_NAMES) {
      try {
        files[name] = await system.readTextFile(join(dir, name));
      } catch (error) {
        problems.add(
          'toolchain file',
          join(dir, name),
          `cannot be read (${errorMessage(error)})`,
        );
        return null;
      }
    }
    if (FILE_NAMES.every(name => files[name] === null)) continue;
    try {
      return selectToolchainFile(files);
    } catch (error) {
      if (!(error instanceof ToolchainFileError)) throw error;
      // The message starts with the file name; the path replaces it.
      const prefix = `${error.file}: `;
      problems.add(
        'toolchain file',
        join(dir, error.file),
        error.message.startsWith(prefix)
          ? error.message.slice(prefix.length)
          : error.message,
      );
      return null;
    }
  }
  return null;
}
