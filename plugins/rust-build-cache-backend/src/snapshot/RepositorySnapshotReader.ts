import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { isError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import {
  analyzeCargoLock,
  DependencyInfo,
  parseCargoProfiles,
  RepositorySnapshot,
  RepositorySnapshotChange,
  selectToolchainFile,
  ToolchainFile,
  WorkflowCachingSetup,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { ReportSourceKey } from '@rust-build-cache/plugin-rust-build-cache-common';
import { repositoryLocation, RepositoryLocation } from './repositoryLocation';
import { unreadableReason } from './unreadableReason';
import { detectWorkflowCaching, WorkflowFile } from './workflowSetup';

/** A file's text; null when the repository does not have it. */
type FileText = string | null;

/** Thrown by `readFile` for anything but an absent file; carries the path for `problems`. */
class UnreadableFileError extends Error {}

/** One entity per (repository, workspace): its annotations locate the repository. */
export interface SnapshotTarget {
  entity: Entity;
  source: ReportSourceKey;
}

/**
 * Reads what a repository workspace pins from its default branch with the UrlReader (so
 * any host with an integration works): the toolchain file, Cargo.lock, the Cargo.toml
 * profiles and the CI workflows. What cannot be read becomes a problem of the snapshot.
 */
export class RepositorySnapshotReader {
  constructor(
    private readonly options: {
      urlReader: UrlReaderService;
      integrations: ScmIntegrationRegistry;
      now?: () => Date;
    },
  ) {}

  /** Reads the files; `known` is false for the fields whose files could not be read. */
  async read(target: SnapshotTarget): Promise<{
    snapshot: RepositorySnapshot;
    known: Record<RepositorySnapshotChange['field'], boolean>;
    unreadable: Partial<Record<RepositorySnapshotChange['field'], string>>;
  }> {
    const { integrations, now = () => new Date() } = this.options;
    const { entity, source } = target;
    const readAt = now().toISOString();
    const problems: string[] = [];
    const empty: RepositorySnapshot = {
      repository: source.repository,
      workspacePath: source.workspacePath,
      readAt,
      toolchainFile: null,
      dependencies: null,
      cargoLockCommitted: false,
      profiles: {},
      workflows: null,
      problems,
    };

    let location: RepositoryLocation | undefined;
    try {
      location = repositoryLocation(entity, source.repository, integrations);
    } catch (error) {
      problems.push(`backstage.io/source-location: ${message(error)}`);
    }
    if (!location) {
      if (problems.length === 0) {
        problems.push(
          `Cannot locate ${source.repository}: set the backstage.io/source-location annotation (url:…) or use a GitHub or GitLab integration host`,
        );
      }
      const reason = unreadableReason(problems, undefined, source.repository);
      return {
        snapshot: empty,
        known: { toolchain: false, dependencies: false },
        unreadable: { toolchain: reason, dependencies: reason },
      };
    }

    const toolchainProblems: string[] = [];
    const lockProblems: string[] = [];
    const [toolchain, lock, manifest, workflows] = await Promise.all([
      this.readToolchain(location, source.workspacePath, toolchainProblems),
      this.readDependencies(location, source.workspacePath, lockProblems),
      this.readProfiles(location, source.workspacePath, problems),
      this.readWorkflows(location, problems),
    ]);
    problems.unshift(...toolchainProblems, ...lockProblems);
    const reasonOf = (fieldProblems: string[], known: boolean) =>
      known
        ? undefined
        : unreadableReason(fieldProblems, location, source.repository);
    return {
      unreadable: {
        toolchain: reasonOf(toolchainProblems, toolchain.known),
        dependencies: reasonOf(lockProblems, lock.known),
      },
      snapshot: {
        ...empty,
        toolchainFile: toolchain.value,
        dependencies: lock.value.dependencies,
        cargoLockCommitted: lock.value.committed,
        profiles: manifest,
        workflows,
      },
      known: { toolchain: toolchain.known, dependencies: lock.known },
    };
  }

  /**
   * rustup looks for a toolchain file from the working directory up to the root and takes
   * the first directory that has one; in that directory the legacy file wins.
   */
  private async readToolchain(
    location: RepositoryLocation,
    workspacePath: string,
    problems: string[],
  ): Promise<{ value: ToolchainFile | null; known: boolean }> {
    const segments = workspacePath === '.' ? [] : workspacePath.split('/');
    for (let depth = segments.length; depth >= 0; depth--) {
      const dir = segments.slice(0, depth);
      const legacyPath = [...dir, 'rust-toolchain'].join('/');
      const tomlPath = [...dir, 'rust-toolchain.toml'].join('/');
      let legacy: FileText;
      let toml: FileText;
      try {
        [legacy, toml] = await Promise.all([
          this.readFile(location, legacyPath),
          this.readFile(location, tomlPath),
        ]);
      } catch (error) {
        problems.push(message(error));
        return { value: null, known: false };
      }
      if (legacy === null && toml === null) continue;
      try {
        return {
          value: selectToolchainFile({
            'rust-toolchain': legacy,
            'rust-toolchain.toml': toml,
          }),
          known: true,
        };
      } catch (error) {
        // The parser names the file but not its folder.
        problems.push(
          `${dir.length ? `${dir.join('/')}/` : ''}${message(error)}`,
        );
        return { value: null, known: false };
      }
    }
    return { value: null, known: true };
  }

  private async readDependencies(
    location: RepositoryLocation,
    workspacePath: string,
    problems: string[],
  ): Promise<{
    value: { dependencies: DependencyInfo | null; committed: boolean };
    known: boolean;
  }> {
    const path = workspaceFile(workspacePath, 'Cargo.lock');
    try {
      const text = await this.readFile(location, path);
      if (text === null) {
        return { value: { dependencies: null, committed: false }, known: true };
      }
      return {
        value: { dependencies: analyzeCargoLock(text), committed: true },
        known: true,
      };
    } catch (error) {
      problems.push(prefixed(path, error));
      return { value: { dependencies: null, committed: true }, known: false };
    }
  }

  private async readProfiles(
    location: RepositoryLocation,
    workspacePath: string,
    problems: string[],
  ): Promise<RepositorySnapshot['profiles']> {
    const path = workspaceFile(workspacePath, 'Cargo.toml');
    try {
      const text = await this.readFile(location, path);
      if (text === null) {
        problems.push(`${path}: not found in the repository`);
        return {};
      }
      return parseCargoProfiles(text);
    } catch (error) {
      problems.push(prefixed(path, error));
      return {};
    }
  }

  /** GitHub Actions workflows, or GitLab's `.gitlab-ci.yml`; null for other hosts. */
  private async readWorkflows(
    location: RepositoryLocation,
    problems: string[],
  ): Promise<WorkflowCachingSetup | null> {
    const { urlReader } = this.options;
    try {
      if (location.type === 'github') {
        const folder = '.github/workflows';
        let files: WorkflowFile[] = [];
        try {
          const tree = await urlReader.readTree(location.treeUrl(folder), {
            filter: path => /\.ya?ml$/i.test(path),
          });
          files = await Promise.all(
            (
              await tree.files()
            ).map(async file => ({
              path: `${folder}/${file.path}`,
              content: (await file.content()).toString('utf8'),
            })),
          );
        } catch (error) {
          if (!isNotFound(error)) {
            throw new UnreadableFileError(`${folder}: ${message(error)}`);
          }
        }
        return detectWorkflowCaching(files);
      }
      if (location.type === 'gitlab') {
        const path = '.gitlab-ci.yml';
        const text = await this.readFile(location, path);
        return detectWorkflowCaching(
          text === null ? [] : [{ path, content: text }],
        );
      }
      return null;
    } catch (error) {
      problems.push(message(error));
      return null;
    }
  }

  /** @throws UnreadableFileError for anything but an absent file. */
  private async readFile(
    location: RepositoryLocation,
    path: string,
  ): Promise<FileText> {
    try {
      const response = await this.options.urlReader.readUrl(
        location.fileUrl(path),
      );
      return (await response.buffer()).toString('utf8');
    } catch (error) {
      if (isNotFound(error)) return null;
      throw new UnreadableFileError(`${path}: ${message(error)}`);
    }
  }
}

/** The toolchain a file pins, as recorded in the history: its channel or its path. */
export function toolchainPin(file: ToolchainFile | null): string | null {
  if (!file) return null;
  if (file.channel !== null) return file.channel;
  return file.path !== null ? `path:${file.path}` : null;
}

function workspaceFile(workspacePath: string, name: string): string {
  return workspacePath === '.' ? name : `${workspacePath}/${name}`;
}

function isNotFound(error: unknown): boolean {
  return isError(error) && error.name === 'NotFoundError';
}

function message(error: unknown): string {
  return isError(error) ? error.message : String(error);
}

/** Parser errors already start with the file name (`Cargo.lock: …`); read errors do too. */
function prefixed(path: string, error: unknown): string {
  if (error instanceof UnreadableFileError) return error.message;
  const text = message(error);
  const name = path.split('/').pop() ?? path;
  return text.startsWith(`${name}:`)
    ? `${path.slice(0, -name.length)}${text}`
    : `${path}: ${text}`;
}
