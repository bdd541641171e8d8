import {
  AuthService,
  BackstageCredentials,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { isError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  RepositorySnapshot,
  RepositorySnapshotChange,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { ReportSourceKey } from '@rust-build-cache/plugin-rust-build-cache-common';
import { SnapshotStore } from './SnapshotStore';
import {
  EntityLinkService,
  entitySourceKey,
  getVisibleEntity,
  streamAnnotatedEntities,
} from '../catalog';
import {
  RepositorySnapshotReader,
  SnapshotTarget,
  toolchainPin,
} from './RepositorySnapshotReader';
import { forEachConcurrently } from '../lib/forEachConcurrently';

/** Changes returned with a snapshot, newest first. */
const HISTORY_LIMIT = 100;

/**
 * Keeps a snapshot of what each repository workspace pins (read by
 * `RepositorySnapshotReader`) and records the toolchain and dependency changes.
 */
export class RepositorySnapshotService {
  private readonly reader: RepositorySnapshotReader;

  constructor(
    private readonly options: {
      urlReader: UrlReaderService;
      integrations: ScmIntegrationRegistry;
      store: SnapshotStore;
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
  ) {
    this.reader = new RepositorySnapshotReader(options);
  }

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
    await forEachConcurrently(
      queue,
      concurrency,
      async target => {
        try {
          await this.record(target);
        } catch (error) {
          // Only the database can fail here: file problems are part of the snapshot.
          logger.warn(
            `Recording the snapshot of ${target.source.repository} failed`,
            { error: isError(error) ? error.message : String(error) },
          );
        }
      },
      signal,
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
    const { snapshot, known, unreadable } = await this.reader.read(target);
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
}
