import { ConflictError, NotFoundError } from '@backstage/errors';
import { PolicyRuleId } from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import { DbNumber, DbTimestamp, toDate } from '../lib/dbValues';
import {
  ExemptionStateFilter,
  StoredExemption,
  StoredExemptionAuditEntry,
  ExemptionStore,
} from './PolicyStore';

interface ExemptionRow {
  id: string;
  entity_ref: string;
  rule_id: string;
  reason: string;
  author: string;
  created_at: DbTimestamp;
  expires_at: DbTimestamp;
  revoked_at: DbTimestamp | null;
  revoked_by: string | null;
}

interface AuditRow {
  id: DbNumber;
  exemption_id: string;
  entity_ref: string;
  rule_id: string;
  action: 'created' | 'revoked';
  actor: string;
  at: DbTimestamp;
  details_json: string;
}

/** Policy exemptions and their audit trail (tables `policy_exemptions`, `policy_exemption_audit`). */
export class DatabaseExemptionStore implements ExemptionStore {
  /** On a database the plugin's migrations were applied to (`migrateDatabase`). */
  static async create(db: Knex): Promise<DatabaseExemptionStore> {
    return new DatabaseExemptionStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async createExemption(options: {
    exemption: Omit<StoredExemption, 'revokedAt' | 'revokedBy'>;
  }): Promise<StoredExemption> {
    const { exemption } = options;
    await this.db.transaction(async tx => {
      await tx<ExemptionRow>('policy_exemptions').insert({
        id: exemption.id,
        entity_ref: exemption.entityRef,
        rule_id: exemption.ruleId,
        reason: exemption.reason,
        author: exemption.author,
        created_at: exemption.createdAt,
        expires_at: exemption.expiresAt,
        revoked_at: null,
        revoked_by: null,
      });
      await tx('policy_exemption_audit').insert({
        exemption_id: exemption.id,
        entity_ref: exemption.entityRef,
        rule_id: exemption.ruleId,
        action: 'created',
        actor: exemption.author,
        at: exemption.createdAt,
        details_json: JSON.stringify({
          reason: exemption.reason,
          expiresAt: exemption.expiresAt.toISOString(),
        }),
      });
    });
    return { ...exemption, revokedAt: null, revokedBy: null };
  }

  async revokeExemption(options: {
    id: string;
    actor: string;
    at: Date;
    reason: string | null;
  }): Promise<StoredExemption> {
    const { id, actor, at, reason } = options;
    return this.db.transaction(async tx => {
      // Only a row that is not revoked yet is updated, so two concurrent revokes cannot
      // both succeed (and audit twice).
      const updated = await tx('policy_exemptions')
        .where('id', id)
        .whereNull('revoked_at')
        .update({ revoked_at: at, revoked_by: actor });
      const row: ExemptionRow | undefined = await tx('policy_exemptions')
        .where('id', id)
        .first();
      if (!row) throw new NotFoundError(`No exemption with id ${id}`);
      if (updated === 0) {
        throw new ConflictError(
          `Exemption ${id} was already revoked at ${toDate(
            row.revoked_at!,
          ).toISOString()} by ${row.revoked_by}`,
        );
      }
      await tx('policy_exemption_audit').insert({
        exemption_id: id,
        entity_ref: row.entity_ref,
        rule_id: row.rule_id,
        action: 'revoked',
        actor,
        at,
        details_json: JSON.stringify({ reason }),
      });
      return toExemption(row);
    });
  }

  async getExemption(options: {
    id: string;
  }): Promise<StoredExemption | undefined> {
    const row: ExemptionRow | undefined = await this.db('policy_exemptions')
      .where('id', options.id)
      .first();
    return row ? toExemption(row) : undefined;
  }

  async listExemptions(options: {
    entityRefs?: string[];
    ruleId?: string;
    state: ExemptionStateFilter;
    now: Date;
  }): Promise<StoredExemption[]> {
    const { entityRefs, ruleId, state, now } = options;
    const query = this.db<ExemptionRow>('policy_exemptions');
    if (entityRefs) query.whereIn('entity_ref', entityRefs);
    if (ruleId !== undefined) query.where('rule_id', ruleId);
    if (state === 'active') {
      query.whereNull('revoked_at').where('expires_at', '>', now);
    } else if (state === 'expired') {
      query.whereNull('revoked_at').where('expires_at', '<=', now);
    } else if (state === 'revoked') {
      query.whereNotNull('revoked_at');
    }
    const rows: ExemptionRow[] = await query.orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ]);
    return rows.map(toExemption);
  }

  async listExemptionAudit(options: {
    entityRef?: string;
    limit: number;
    offset: number;
  }): Promise<{ items: StoredExemptionAuditEntry[]; total: number }> {
    const filtered = () => {
      const query = this.db('policy_exemption_audit');
      if (options.entityRef !== undefined) {
        query.where('entity_ref', options.entityRef);
      }
      return query;
    };
    const [{ count }] = await filtered().count<Array<{ count: DbNumber }>>({
      count: '*',
    });
    const rows: AuditRow[] = await filtered()
      .select('*')
      .orderBy([
        { column: 'at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(options.limit)
      .offset(options.offset);
    return {
      items: rows.map(row => ({
        id: String(row.id),
        exemptionId: row.exemption_id,
        entityRef: row.entity_ref,
        ruleId: row.rule_id as PolicyRuleId,
        action: row.action,
        actor: row.actor,
        at: toDate(row.at),
        details: JSON.parse(row.details_json),
      })),
      total: Number(count),
    };
  }
}

function toExemption(row: ExemptionRow): StoredExemption {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    ruleId: row.rule_id as PolicyRuleId,
    reason: row.reason,
    author: row.author,
    createdAt: toDate(row.created_at),
    expiresAt: toDate(row.expires_at),
    revokedAt: row.revoked_at === null ? null : toDate(row.revoked_at),
    revokedBy: row.revoked_by,
  };
}
