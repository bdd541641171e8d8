import { randomUUID } from 'node:crypto';
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CreateExemptionRequest,
  ExemptionAuditPage,
  ExemptionRecord,
  PolicyConfig,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { PolicyService } from './PolicyService';
import {
  ExemptionStateFilter,
  ExemptionStore,
  StoredExemption,
} from './PolicyStore';
import { normalizeEntityRef } from '../catalog';

/** An exemption may run at most this many days from its creation. */
export const MAX_EXEMPTION_DAYS = 365;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Creates, revokes and lists exemptions. Each change is audited in the same transaction,
 * and the entity is evaluated again right after it.
 */
export class ExemptionService {
  constructor(
    private readonly options: {
      policy: PolicyConfig;
      store: ExemptionStore;
      evaluator: Pick<PolicyService, 'evaluateEntity'>;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** @throws InputError naming the field of a bad request. */
  async create(options: {
    request: CreateExemptionRequest;
    actor: string;
  }): Promise<ExemptionRecord> {
    const { request, actor } = options;
    const { policy, store, catalog, auth } = this.options;
    const now = this.now();

    if (!policy.rules.some(rule => rule.id === request.ruleId)) {
      throw invalid(
        'ruleId',
        `'${request.ruleId}' is not one of the configured rules (${policy.rules
          .map(rule => rule.id)
          .join(', ')})`,
      );
    }
    const expiresAt = new Date(request.expiresAt);
    if (Number.isNaN(expiresAt.getTime())) {
      throw invalid('expiresAt', 'must be an ISO 8601 date and time');
    }
    if (expiresAt <= now) {
      throw invalid('expiresAt', 'must be in the future');
    }
    if (expiresAt.getTime() - now.getTime() > MAX_EXEMPTION_DAYS * DAY_MS) {
      throw invalid(
        'expiresAt',
        `must be at most ${MAX_EXEMPTION_DAYS} days ahead`,
      );
    }
    const reason = request.reason.trim();
    if (!reason) throw invalid('reason', 'must not be empty');
    let entityRef: string;
    try {
      entityRef = normalizeEntityRef(
        stringifyEntityRef(parseEntityRef(request.entityRef.trim())),
      );
    } catch (error) {
      throw invalid('entityRef', `is not an entity ref: ${error}`);
    }
    const entity = await catalog.getEntityByRef(entityRef, {
      credentials: await auth.getOwnServiceCredentials(),
    });
    if (!entity) {
      throw invalid('entityRef', `${entityRef} is not in the catalog`);
    }

    const stored = await store.createExemption({
      exemption: {
        id: randomUUID(),
        entityRef,
        ruleId: request.ruleId,
        reason,
        author: actor,
        createdAt: now,
        expiresAt,
      },
    });
    await this.reevaluate(entityRef);
    return toRecord(stored, now);
  }

  /** @throws NotFoundError for an unknown id, ConflictError when already revoked. */
  async revoke(options: {
    id: string;
    actor: string;
    reason?: string;
  }): Promise<ExemptionRecord> {
    const now = this.now();
    const reason = options.reason?.trim() || null;
    const revoked = await this.options.store.revokeExemption({
      id: options.id,
      actor: options.actor,
      at: now,
      reason,
    });
    await this.reevaluate(revoked.entityRef);
    return toRecord(
      { ...revoked, revokedAt: now, revokedBy: options.actor },
      now,
    );
  }

  async get(id: string): Promise<ExemptionRecord> {
    const stored = await this.options.store.getExemption({ id });
    if (!stored) throw new NotFoundError(`No exemption with id ${id}`);
    return toRecord(stored, this.now());
  }

  async list(options: {
    entityRef?: string;
    ruleId?: string;
    state: ExemptionStateFilter;
  }): Promise<ExemptionRecord[]> {
    const now = this.now();
    const stored = await this.options.store.listExemptions({
      entityRefs: options.entityRef
        ? [normalizeEntityRef(options.entityRef)]
        : undefined,
      ruleId: options.ruleId,
      state: options.state,
      now,
    });
    return stored.map(e => toRecord(e, now));
  }

  async audit(options: {
    entityRef?: string;
    limit: number;
    offset: number;
  }): Promise<ExemptionAuditPage> {
    const { items, total } = await this.options.store.listExemptionAudit({
      ...options,
      entityRef: options.entityRef && normalizeEntityRef(options.entityRef),
    });
    return {
      items: items.map(item => ({ ...item, at: item.at.toISOString() })),
      total,
    };
  }

  /** The change is stored either way: a failed evaluation is logged, and redone nightly. */
  private async reevaluate(entityRef: string) {
    try {
      await this.options.evaluator.evaluateEntity(entityRef);
    } catch (error) {
      this.options.logger.warn(
        `Evaluating the caching policy for ${entityRef} after an exemption change failed: ${error}`,
      );
    }
  }
}

function invalid(field: string, message: string): InputError {
  return new InputError(`Invalid body:\n${field}: ${message}`);
}

export function toRecord(e: StoredExemption, now: Date): ExemptionRecord {
  let state: ExemptionRecord['state'] = 'active';
  if (e.revokedAt) state = 'revoked';
  else if (e.expiresAt <= now) state = 'expired';
  return {
    id: e.id,
    entityRef: e.entityRef,
    ruleId: e.ruleId,
    reason: e.reason,
    author: e.author,
    createdAt: e.createdAt.toISOString(),
    expiresAt: e.expiresAt.toISOString(),
    revokedAt: e.revokedAt?.toISOString() ?? null,
    revokedBy: e.revokedBy,
    state,
  };
}
