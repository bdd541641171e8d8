import { Knex } from 'knex';
import { EntityPullStatus, PullStateStore } from './PullStateStore';
import { DbNumber, DbTimestamp, toDate } from '../lib/dbValues';

/** Pull cursors per provider and repository, and each entity's pull status (tables `pull_cursors`, `entity_pull_status`). */
export class DatabasePullStateStore implements PullStateStore {
  /** On a database the plugin's migrations were applied to (`migrateDatabase`). */
  static async create(db: Knex): Promise<DatabasePullStateStore> {
    return new DatabasePullStateStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async getPullCursor(options: {
    providerId: string;
    repository: string;
  }): Promise<string | undefined> {
    const row = await this.db<PullCursorRow>('pull_cursors')
      .where({
        provider_id: options.providerId,
        repository: options.repository,
      })
      .first();
    return row?.cursor;
  }

  async setPullCursor(options: {
    providerId: string;
    repository: string;
    cursor: string;
  }): Promise<void> {
    await this.db<PullCursorRow>('pull_cursors')
      .insert({
        provider_id: options.providerId,
        repository: options.repository,
        cursor: options.cursor,
        updated_at: new Date(),
      })
      .onConflict(['provider_id', 'repository'])
      .merge(['cursor', 'updated_at']);
  }

  async getEntityPullStatus(options: {
    entityRef: string;
  }): Promise<EntityPullStatus | undefined> {
    const row = await this.db<EntityPullStatusRow>('entity_pull_status')
      .where('entity_ref', options.entityRef)
      .first();
    if (!row) {
      return undefined;
    }
    return {
      entityRef: row.entity_ref,
      providerId: row.provider_id,
      lastPulledAt: toDate(row.last_pulled_at),
      lastSuccessAt: row.last_success_at ? toDate(row.last_success_at) : null,
      lastIngested: Number(row.last_ingested),
      lastError: row.last_error,
      rateLimitedUntil: row.rate_limited_until
        ? toDate(row.rate_limited_until)
        : null,
    };
  }

  async upsertEntityPullStatuses(options: {
    statuses: EntityPullStatus[];
  }): Promise<void> {
    if (options.statuses.length === 0) {
      return;
    }
    const rows = options.statuses.map(status => ({
      entity_ref: status.entityRef,
      provider_id: status.providerId,
      last_pulled_at: status.lastPulledAt,
      last_success_at: status.lastSuccessAt,
      last_ingested: status.lastIngested,
      last_error: status.lastError,
      rate_limited_until: status.rateLimitedUntil,
    }));
    await this.db('entity_pull_status')
      .insert(rows)
      .onConflict('entity_ref')
      .merge();
  }
}

interface PullCursorRow {
  provider_id: string;
  repository: string;
  cursor: string;
  updated_at: DbTimestamp;
}

interface EntityPullStatusRow {
  entity_ref: string;
  provider_id: string;
  last_pulled_at: DbTimestamp;
  last_success_at: DbTimestamp | null;
  last_ingested: DbNumber;
  last_error: string | null;
  rate_limited_until: DbTimestamp | null;
}
