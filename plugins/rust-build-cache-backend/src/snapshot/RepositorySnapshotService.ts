import {
  AuthService,
  BackstageCredentials,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import { isError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
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
import {
  ReportSourceKey,
  RustBuildCacheStore,
} from '../database/RustBuildCacheStore';
import {
  EntityLinkService,
  getVisibleEntity,
} from '../service/EntityLinkService';
import { streamAnnotatedEntities } from '../service/annotatedEntities';
import { entitySourceKey } from '../service/reportSources';
import { repositoryLocation, RepositoryLocation } from './repositoryLocation';
import { unreadableReason } from './unreadableReason';
import { detectWorkflowCaching, WorkflowFile } from './workflowSetup';

/** Changes returned with a snapshot, newest first. */
const HISTORY_LIMIT = 100;

/** A file's text; null when the repository does not have it. */
type FileText = string | null;

/** Thrown by `readFile` for anything but an absent file; carries the path for `problems`. */
class UnreadableFileError extends Error {}

/** One entity per (repository, workspace): its annotations locate the repository. */
interface SnapshotTarget {
  entity: Entity;
  source: ReportSourceKey;
}

/**
 * Reads what a repository workspace pins from its default branch with the UrlReader (so
 * any host with an integration works): the toolchain file, Cargo.lock, the Cargo.toml
 * profiles and the CI workflows, and records the toolchain and dependency changes.
 */
export class RepositorySnapshotService {
  constructor(
    private readonly options: {
      urlReader: UrlReaderService;
      integrations: ScmIntegrationRegistry;
      store: RustBuildCacheStore;
      entityLinks: EntityLinkService;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      /** Repository workspaces read at the same time. */
      concurrency: number;
      now?: () => Date;
      /** Told about each stored snapshot (e.g. the policy's incremental evaluation); must not throw. */
      onStored?: (source: ReportSourceKey) => Promise<void>;
    },
  ) {}

  /** Snapshots every annotated entity's repository workspace. Never throws per workspace. */
  async snapshotAll(signal?: AbortSignal): Promise<{ workspaces: number }> {
    const { catalog, auth, concurrency, logger } = this.options;
    const targets = new Map<string, SnapshotTarget>();
    const pages = streamAnnotatedEntities(
      catalog,
      await auth.getOwnServiceCredentials(),
    );
    for await (const page of pages) {
      for (const entity of page) {
        const source = entitySourceKey(entity);
        const key = JSON.stringify([source?.repository, source?.workspacePath]);
        if (source && !targets.has(key)) targets.set(key, { entity, source });
      }
    }
    const queue = [...targets.values()];
    let next = 0;
    const worker = async () => {
      while (next < queue.length && !signal?.aborted) {
        const target = queue[next++];
        try {
          await this.record(target);
        } catch (error) {
          // Only the database can fail here: file problems are part of the snapshot.
          logger.warn(
            `Recording the snapshot of ${target.source.repository} failed`,
            { error: isError(error) ? error.message : String(error) },
          );
        }
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(concurrency, queue.length) }, worker),
    );
    return { workspaces: queue.length };
  }

  /**
   * Re-reads one entity's snapshot now, as the caller: the catalog must show it the entity.
   * Undefined when the entity lacks the annotations that locate its repository.
   *
   * @throws NotFoundError when the caller cannot see the entity.
   */
  async refreshEntity(options: {
    entity: CompoundEntityRef;
    credentials: BackstageCredentials;
  }): Promise<RepositorySnapshot | undefined> {
    const entity = await getVisibleEntity(this.options.catalog, options);
    const source = entitySourceKey(entity);
    return source ? this.record({ entity, source }) : undefined;
  }

  /**
   * Whether a refresh would read the entity's repository: it names one.
   *
   * @throws NotFoundError when the caller cannot see the entity.
   */
  async readsEntity(options: {
    entity: CompoundEntityRef;
    credentials: BackstageCredentials;
  }): Promise<boolean> {
    return (
      entitySourceKey(await getVisibleEntity(this.options.catalog, options)) !==
      undefined
    );
  }

  /** @throws NotFoundError when the catalog does not have the entity. */
  async getSnapshot(options: {
    entity: CompoundEntityRef;
    credentials: BackstageCredentials;
  }): Promise<{
    snapshot: RepositorySnapshot | null;
    history: RepositorySnapshotChange[];
  }> {
    const { store, entityLinks } = this.options;
    const source = await entityLinks.resolveSource(options);
    if (!source) return { snapshot: null, history: [] };
    const [snapshot, history] = await Promise.all([
      store.getRepositorySnapshot({ source }),
      store.listRepositorySnapshotChanges({ source, limit: HISTORY_LIMIT }),
    ]);
    return { snapshot: snapshot ?? null, history };
  }

  /** Reads the snapshot and stores it with its changes against the previous one. */
  private async record(target: SnapshotTarget): Promise<RepositorySnapshot> {
    const { store } = this.options;
    const { snapshot, known, unreadable } = await this.read(target);
    const previous = await store.getRepositorySnapshot({
      source: target.source,
    });
    const changes: RepositorySnapshotChange[] = [];
    // The first snapshot is a baseline, not a change. A file that could not be read is
    // not a change either: the next readable snapshot compares against the last known.
    if (previous) {
      const compare = (
        field: RepositorySnapshotChange['field'],
        pin: (s: RepositorySnapshot) => string | null,
      ) => {
        const from = pin(previous);
        const to = pin(snapshot);
        if (known[field] && from !== to) {
          changes.push({ at: snapshot.readAt, field, from, to });
        }
      };
      compare('toolchain', s => toolchainPin(s.toolchainFile));
      compare('dependencies', s => s.dependencies?.fingerprint ?? null);
    }
    // Carry the last known values over unreadable files, so the next comparison holds.
    // A file no snapshot could read yet is marked unreadable, so that the rules say so
    // instead of judging an empty value.
    const neverRead = (field: RepositorySnapshotChange['field']) =>
      !known[field] &&
      (!previous || previous.unreadable?.[field] !== undefined);
    const stillUnreadable = {
      ...(neverRead('toolchain') ? { toolchain: unreadable.toolchain } : {}),
      ...(neverRead('dependencies')
        ? { dependencies: unreadable.dependencies }
        : {}),
    };
    const stored: RepositorySnapshot = {
      ...snapshot,
      ...(previous && !known.toolchain
        ? { toolchainFile: previous.toolchainFile }
        : {}),
      ...(previous && !known.dependencies
        ? {
            dependencies: previous.dependencies,
            cargoLockCommitted: previous.cargoLockCommitted,
          }
        : {}),
      ...(Object.keys(stillUnreadable).length > 0
        ? { unreadable: stillUnreadable }
        : {}),
    };
    await store.saveRepositorySnapshot({
      source: target.source,
      snapshot: stored,
      changes,
    });
    try {
      await this.options.onStored?.(target.source);
    } catch (error) {
      this.options.logger.warn(
        `A listener of the snapshot of ${target.source.repository} failed: ${error}`,
      );
    }
    return stored;
  }

  /** Reads the files; `known` is false for the fields whose files could not be read. */
  private async read(target: SnapshotTarget): Promise<{
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
