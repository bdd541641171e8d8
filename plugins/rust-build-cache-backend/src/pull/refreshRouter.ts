import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  PullStatus,
  RefreshResponse,
  RefreshSources,
  RUST_BUILD_CACHE_WORKSPACE_ANNOTATION,
  rustBuildCacheReadPermission,
  rustBuildCacheRefreshPermission,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { normalizeEntityRef } from '../catalog';
import {
  audited,
  createAuthorize,
  parseRequest as parse,
} from '../lib/routeHelpers';
import { RepositorySnapshotService } from '../snapshot';
import { PullService } from './PullService';
import { EntityPullStatus } from './PullStateStore';

const entityParams = z.object({
  namespace: z.string().min(1),
  kind: z.string().min(1),
  name: z.string().min(1),
});

/**
 * An entity's refresh on demand (a pull and a repository snapshot), its pull status and
 * snapshot, and which of the two can refresh it.
 */
export function createRefreshRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  pulls: PullService;
  /** Absent when `rustBuildCache.snapshot.enabled` is false. */
  snapshots?: RepositorySnapshotService;
}): express.Router {
  const { auditor, pulls, snapshots } = options;
  const router = Router();
  const authorize = createAuthorize(options);
  const requireReadPermission = (req: Request) =>
    authorize(req, ['user', 'service'], {
      permission: rustBuildCacheReadPermission,
    });

  router.post('/entities/:namespace/:kind/:name/refresh', async (req, res) => {
    const entityRef = normalizeEntityRef(stringifyEntityRef(req.params));
    const body = await audited(
      auditor,
      req,
      { eventId: 'entity-refresh', meta: { entityRef } },
      async (): Promise<RefreshResponse> => {
        await authorize(req, ['user']);
        const entity = parse(entityParams, req.params, 'path');
        const credentials = await authorize(req, ['user'], {
          permission: rustBuildCacheRefreshPermission,
          resourceRef: entityRef,
        });
        // Each part is stored on its own: a failing pull still leaves a fresh snapshot.
        const snapshot =
          (await snapshots?.refreshEntity({ entity, credentials })) ?? null;
        const status = await pulls.pullEntity({ entity, credentials });
        if (!status && !snapshot) {
          throw new InputError(
            `Nothing to refresh for ${entityRef}: no pull provider supports its repository, and repository snapshots are disabled or it names no repository (annotations ${RUST_BUILD_CACHE_WORKSPACE_ANNOTATION} and a repository slug)`,
          );
        }
        return { status: status ? toPullStatusJson(status) : null, snapshot };
      },
    );
    res.json(body);
  });

  router.get('/entities/:namespace/:kind/:name/snapshot', async (req, res) => {
    const credentials = await requireReadPermission(req);
    const entity = parse(entityParams, req.params, 'path');
    res.json(
      snapshots
        ? await snapshots.getSnapshot({ entity, credentials })
        : { snapshot: null, history: [] },
    );
  });

  router.get(
    '/entities/:namespace/:kind/:name/pull-status',
    async (req, res) => {
      await requireReadPermission(req);
      const entity = parse(entityParams, req.params, 'path');
      const status = await pulls.getStatus({ entity });
      res.json({ status: status ? toPullStatusJson(status) : null });
    },
  );

  router.get(
    '/entities/:namespace/:kind/:name/refresh-sources',
    async (req, res) => {
      const credentials = await requireReadPermission(req);
      const entity = parse(entityParams, req.params, 'path');
      const [pullProvider, repositorySnapshot] = await Promise.all([
        pulls.providerFor({ entity, credentials }),
        snapshots ? snapshots.readsEntity({ entity, credentials }) : false,
      ]);
      const body: RefreshSources = { pullProvider, repositorySnapshot };
      res.json(body);
    },
  );

  return router;
}

function toPullStatusJson(status: EntityPullStatus): PullStatus {
  return {
    entityRef: status.entityRef,
    providerId: status.providerId,
    lastPulledAt: status.lastPulledAt.toISOString(),
    lastSuccessAt: status.lastSuccessAt?.toISOString() ?? null,
    lastIngested: status.lastIngested,
    lastError: status.lastError,
    rateLimitedUntil: status.rateLimitedUntil?.toISOString() ?? null,
  };
}
