import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { rustBuildCacheReadPermission } from '@rust-build-cache/plugin-rust-build-cache-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { normalizeEntityRef } from '../catalog';
import { audited, createAuthorize, parseRequest } from '../lib/routeHelpers';
import { FixFilesReader } from './FixFilesReader';

const entityParams = z.object({
  namespace: z.string().min(1),
  kind: z.string().min(1),
  name: z.string().min(1),
});

/**
 * `GET /entities/:namespace/:kind/:name/fix-files`: the repository files the fix preview
 * runs the fix template on. Signed-in users only (a person looks at a preview; CI tokens
 * have no business reading repositories through the backend), and audited, as it reads
 * repository content with the backend's integration credentials.
 */
export function createFixFilesRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  reader: FixFilesReader;
}): express.Router {
  const { auditor, reader } = options;
  const authorize = createAuthorize(options);
  const router = Router();
  router.get('/entities/:namespace/:kind/:name/fix-files', async (req, res) => {
    const entityRef = normalizeEntityRef(stringifyEntityRef(req.params));
    const body = await audited(
      auditor,
      req,
      { eventId: 'fix-files-read', severityLevel: 'low', meta: { entityRef } },
      async () => {
        const credentials = await authorize(req, ['user'], {
          permission: rustBuildCacheReadPermission,
        });
        const entity = parseRequest(entityParams, req.params, 'path');
        return reader.read({ entity, credentials });
      },
      result => ({ files: result.files.map(file => file.path) }),
    );
    res.json(body);
  });
  return router;
}
