import { Knex } from 'knex';
import { EntityLink, EntityLinkStore } from './EntityLinkStore';
import { ReportSourceKey } from '@rust-build-cache/plugin-rust-build-cache-common';
import { chunks } from '../lib/dbValues';
import { sourceKeyString } from './reportSources';

// Rows per INSERT: ~30 bound values per report row stays well below the bind-parameter
// limits of SQLite (32766) and PostgreSQL (65535).
const INSERT_CHUNK_SIZE = 500;

// Sources per lookup: two bound values each.
const LOOKUP_CHUNK_SIZE = 500;

interface EntityLinkRow {
  entity_ref: string;
  repository: string;
  workspace_path: string;
}

/** Which catalog entity each report source belongs to (table `entity_links`). */
export class DatabaseEntityLinkStore implements EntityLinkStore {
  /** On a database the plugin's migrations were applied to (`migrateDatabase`). */
  static async create(db: Knex): Promise<DatabaseEntityLinkStore> {
    return new DatabaseEntityLinkStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async replaceEntityLinks(options: {
    links: EntityLink[];
  }): Promise<{ changed: string[] }> {
    const rows = [
      ...new Map(
        options.links.map(link => [link.entityRef, toEntityLinkRow(link)]),
      ).values(),
    ];
    return await this.db.transaction(async tx => {
      const before = new Map(
        (
          await tx<EntityLinkRow>('entity_links').select(
            'entity_ref',
            'repository',
            'workspace_path',
          )
        ).map(row => [
          row.entity_ref,
          `${row.repository}\n${row.workspace_path}`,
        ]),
      );
      await tx('entity_links').delete();
      for (const chunk of chunks(rows, INSERT_CHUNK_SIZE)) {
        await tx('entity_links').insert(chunk);
      }
      return {
        changed: rows
          .filter(
            row =>
              before.get(row.entity_ref) !==
              `${row.repository}\n${row.workspace_path}`,
          )
          .map(row => row.entity_ref),
      };
    });
  }

  async upsertEntityLink(options: { link: EntityLink }): Promise<void> {
    await this.db<EntityLinkRow>('entity_links')
      .insert(toEntityLinkRow(options.link))
      .onConflict('entity_ref')
      .merge(['repository', 'workspace_path']);
  }

  async getEntityLink(options: {
    entityRef: string;
  }): Promise<EntityLink | undefined> {
    const row = await this.db<EntityLinkRow>('entity_links')
      .where('entity_ref', options.entityRef)
      .first();
    return row
      ? {
          entityRef: row.entity_ref,
          source: {
            repository: row.repository,
            workspacePath: row.workspace_path,
          },
        }
      : undefined;
  }

  async getLinkedEntityRef(options: {
    source: ReportSourceKey;
  }): Promise<string | undefined> {
    const row = await this.db<EntityLinkRow>('entity_links')
      .select('entity_ref')
      .where(sourceFilter(options.source))
      .orderBy('entity_ref', 'asc')
      .first();
    return row?.entity_ref;
  }

  async listLinkedEntityRefs(options: {
    source: ReportSourceKey;
  }): Promise<string[]> {
    const rows: Array<{ entity_ref: string }> = await this.db('entity_links')
      .select('entity_ref')
      .where(sourceFilter(options.source))
      .orderBy('entity_ref');
    return rows.map(row => row.entity_ref);
  }

  async listLinkedEntityRefsBySource(options: {
    sources: ReportSourceKey[];
  }): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    const unique = [
      ...new Map(options.sources.map(s => [sourceKeyString(s), s])).values(),
    ];
    for (const chunk of chunks(unique, LOOKUP_CHUNK_SIZE)) {
      const rows: EntityLinkRow[] = await this.db<EntityLinkRow>('entity_links')
        .select('entity_ref', 'repository', 'workspace_path')
        .whereIn(
          ['repository', 'workspace_path'],
          chunk.map(s => [s.repository, s.workspacePath]),
        )
        .orderBy('entity_ref', 'asc');
      for (const row of rows) {
        const key = sourceKeyString({
          repository: row.repository,
          workspacePath: row.workspace_path,
        });
        const refs = result.get(key) ?? [];
        refs.push(row.entity_ref);
        result.set(key, refs);
      }
    }
    return result;
  }
}

function toEntityLinkRow(link: EntityLink): EntityLinkRow {
  return {
    entity_ref: link.entityRef,
    repository: link.source.repository,
    workspace_path: link.source.workspacePath,
  };
}

function sourceFilter(source: ReportSourceKey) {
  return {
    repository: source.repository,
    workspace_path: source.workspacePath,
  };
}
