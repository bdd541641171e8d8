import { resolve } from 'node:path';
import { InputError, UsageError } from './errors';
import type { GitQueries } from './git';
import { displayPath, relativeInside } from './paths';
import type { System } from './system';

/** The Cargo workspace directory (canonical path), `--workspace` or the working directory. */
export async function resolveWorkspaceDir(
  system: System,
  workspaceFlag: string | undefined,
): Promise<string> {
  const requested = resolve(system.cwd, workspaceFlag ?? '.');
  const dir = await system.resolveDirectory(requested);
  if (!dir) {
    throw new InputError(
      `workspace directory ${displayPath(
        system.cwd,
        requested,
      )}: not found or not a directory`,
    );
  }
  return dir;
}

/** `--repo-root`, else the git top level of the workspace, else the working directory. */
export async function resolveRepoRoot(
  system: System,
  git: GitQueries,
  repoRootFlag: string | undefined,
): Promise<string> {
  const requested =
    repoRootFlag !== undefined
      ? resolve(system.cwd, repoRootFlag)
      : await git.toplevel();
  if (requested === null)
    return (await system.resolveDirectory(system.cwd)) ?? system.cwd;
  const dir = await system.resolveDirectory(requested);
  if (!dir) {
    throw new InputError(
      `repository root ${displayPath(
        system.cwd,
        requested,
      )}: not found or not a directory`,
    );
  }
  return dir;
}

/** The workspace's path inside the repository, `.` for the root, with forward slashes. */
export function workspacePathInRepo(
  repoRoot: string,
  workspaceDir: string,
): string {
  const path = relativeInside(repoRoot, workspaceDir);
  if (path === null) {
    throw new UsageError(
      `the workspace ${workspaceDir} is not inside the repository root ${repoRoot}: pass --repo-root`,
    );
  }
  return path;
}

/** The workspace directory and its parents up to the repository root, nearest first. */
export function directoriesUpToRoot(
  workspaceDir: string,
  repoRoot: string,
): string[] {
  const directories = [workspaceDir];
  let current = workspaceDir;
  while (current !== repoRoot) {
    const parent = resolve(current, '..');
    if (parent === current) break;
    directories.push(parent);
    current = parent;
  }
  return directories;
}
