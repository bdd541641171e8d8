import {
  AuditorService,
  BackstageServicePrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  POLICY_RULE_IDS,
  RUST_BUILD_CACHE_PLUGIN_ID,
  rustBuildCacheExemptionManagePermission,
  rustBuildCacheReadPermission,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { NotAllowedError } from '@backstage/errors';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { ExemptionService } from './ExemptionService';
import { PolicyService } from './PolicyService';
import { PolicyResultFilter } from './PolicyStore';
import {
  actorOf,
  audited,
  createAuthorize,
  parseRequest as parse,
} from '../lib/routeHelpers';
import { normalizeEntityRef, parseEntityRefField } from '../catalog';

/** The subject of the service tokens this plugin's own modules mint for themselves. */
const OWN_SERVICE_SUBJECT = `plugin:${RUST_BUILD_CACHE_PLUGIN_ID}`;

const OUTCOMES = [
  'pass',
  'fail',
  'warn',
  'not-applicable',
  'insufficient-data',
  'exempt',
] as const;

const entityParams = z.object({
  namespace: z.string().min(1),
  kind: z.string().min(1),
  name: z.string().min(1),
});

/**
 * Filters of the entity table. `level=none` selects the entities below every level;
 * `ruleId` alone selects the entities that fail or warn on that rule.
 */
const filterQuery = z.object({
  owner: z.string().min(1).optional(),
  ruleId: z.enum(POLICY_RULE_IDS).optional(),
  result: z.enum(OUTCOMES).optional(),
  level: z.string().min(1).optional(),
});

const pageQuery = filterQuery.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const trendQuery = z.object({
  days: z.coerce.number().int().min(1).max(365).default(90),
});

const exemptionsQuery = z.object({
  entityRef: z.string().min(1).optional(),
  ruleId: z.string().min(1).optional(),
  state: z.enum(['active', 'expired', 'revoked', 'all']).default('all'),
});

const auditQuery = z.object({
  entityRef: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const createExemptionBody = z.object({
  entityRef: z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, 'must not be empty'),
  ruleId: z.string({ error: 'must be a string' }).min(1, 'must not be empty'),
  reason: z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(2000, 'must be at most 2000 characters'),
  expiresAt: z.iso.datetime({
    offset: true,
    error: 'must be an ISO 8601 date and time, e.g. 2027-01-31T00:00:00Z',
  }),
});

const revokeBody = z.object({
  reason: z.string().max(2000, 'must be at most 2000 characters').optional(),
});

const exemptionParams = z.object({ id: z.uuid('must be an exemption id') });

/** The routes of the policy scorecards and exemptions; see `policyTypes.ts` in -common. */
export async function createPolicyRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  policy: PolicyService;
  exemptions: ExemptionService;
}): Promise<express.Router> {
  const { httpAuth, permissions, auditor, policy, exemptions } = options;
  const router = Router();
  // Only on this router's POST routes: other routers of the plugin read their own bodies.
  const json = express.json({ limit: '64kb' });

  const authorize = createAuthorize({ httpAuth, permissions });
  const requireRead = (req: Request) =>
    authorize(req, ['user', 'service'], {
      permission: rustBuildCacheReadPermission,
    });
  /** Checked before the body is read: a service token learns nothing more than "no". */
  const requireUser = (req: Request) => authorize(req, ['user']);
  /** Signed-in users allowed to manage the exemptions of `entityRef` (e.g. its owners). */
  const requireManage = (req: Request, entityRef: string) =>
    authorize(req, ['user'], {
      permission: rustBuildCacheExemptionManagePermission,
      resourceRef: entityRef,
    });

  router.get('/policy', async (req, res) => {
    await requireRead(req);
    res.json(policy.getPolicy());
  });

  router.get('/scorecards/summary', async (req, res) => {
    await requireRead(req);
    res.json(await policy.getSummary());
  });

  router.get('/scorecards/entities', async (req, res) => {
    await requireRead(req);
    const { limit, offset, ...filter } = parse(pageQuery, req.query, 'query');
    res.json(
      await policy.listEntities({ filter: toFilter(filter), limit, offset }),
    );
  });

  router.get('/scorecards/entities.csv', async (req, res) => {
    await requireRead(req);
    const filter = parse(filterQuery, req.query, 'query');
    const csv = await policy.exportCsv(toFilter(filter));
    res.type('text/csv; charset=utf-8').attachment('scorecards.csv').send(csv);
  });

  router.get('/scorecards/trend', async (req, res) => {
    await requireRead(req);
    const { days } = parse(trendQuery, req.query, 'query');
    res.json(await policy.getTrend(days));
  });

  router.post('/scorecards/trend/backfill', async (req, res) => {
    const result = await audited(
      auditor,
      req,
      { eventId: 'trend-backfill' },
      async () => {
        // Only this plugin's own backend modules (the demo seeding): a CI token, which
        // may push reports, must not be able to start an evaluation of the whole history.
        const credentials = await authorize(req, ['service']);
        // `allow: ['service']` above admits service principals only.
        const { subject } = credentials.principal as BackstageServicePrincipal;
        if (subject !== OWN_SERVICE_SUBJECT) {
          throw new NotAllowedError(
            `Only the ${RUST_BUILD_CACHE_PLUGIN_ID} backend's own modules may backfill the trend, not ${subject}`,
          );
        }
        const { days } = parse(trendQuery, req.query, 'query');
        return policy.backfillTrend(days);
      },
      backfill => backfill,
    );
    res.json(result);
  });

  router.get('/entities/:namespace/:kind/:name/scorecard', async (req, res) => {
    await requireRead(req);
    const entity = parse(entityParams, req.params, 'path');
    const entityRef = stringifyEntityRef(entity);
    const pendingSince = policy.pendingSince(entityRef);
    res.json({
      scorecard: await policy.getEntityScorecard(entityRef),
      pendingSince: pendingSince?.toISOString() ?? null,
    });
  });

  router.get('/exemptions', async (req, res) => {
    await requireRead(req);
    const query = parse(exemptionsQuery, req.query, 'query');
    res.json({ items: await exemptions.list(query) });
  });

  router.get('/exemptions/audit', async (req, res) => {
    await requireRead(req);
    res.json(await exemptions.audit(parse(auditQuery, req.query, 'query')));
  });

  router.post('/exemptions', json, async (req, res) => {
    const created = await audited(
      auditor,
      req,
      { eventId: 'exemption-create' },
      async () => {
        await requireUser(req);
        const body = parse(createExemptionBody, req.body ?? {}, 'body');
        const entityRef = parseEntityRefField(body.entityRef, 'entityRef');
        const credentials = await requireManage(req, entityRef);
        return exemptions.create({
          request: {
            ...body,
            entityRef,
            ruleId: body.ruleId as (typeof POLICY_RULE_IDS)[number],
          },
          actor: actorOf(credentials),
        });
      },
      exemption => ({ id: exemption.id, entityRef: exemption.entityRef }),
    );
    res.status(201).json(created);
  });

  router.post('/exemptions/:id/revoke', json, async (req, res) => {
    const revoked = await audited(
      auditor,
      req,
      { eventId: 'exemption-revoke', meta: { id: req.params.id } },
      async () => {
        await requireUser(req);
        const { id } = parse(exemptionParams, req.params, 'path');
        const { reason } = parse(revokeBody, req.body ?? {}, 'body');
        const { entityRef } = await exemptions.get(id);
        const credentials = await requireManage(req, entityRef);
        return exemptions.revoke({ id, actor: actorOf(credentials), reason });
      },
      exemption => ({ entityRef: exemption.entityRef }),
    );
    res.json(revoked);
  });

  return router;
}

function toFilter(query: z.infer<typeof filterQuery>): PolicyResultFilter {
  return {
    owner: query.owner && normalizeEntityRef(query.owner),
    ruleId: query.ruleId,
    result: query.result,
    level: query.level === 'none' ? null : query.level,
  };
}
