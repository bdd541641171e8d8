import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  FLEET_LIMITS,
  rustBuildCacheReadPermission,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { createAuthorize, parseRequest as parse } from '../lib/routeHelpers';
import { FleetService } from './FleetService';

const bounded = (bounds: { min: number; max: number; default: number }) =>
  z.coerce
    .number()
    .int()
    .min(bounds.min)
    .max(bounds.max)
    .default(bounds.default);

/** Unknown parameters are errors: a misspelt `day=7` must not silently give 30 days. */
const compileTimeQuery = z.strictObject({
  days: bounded(FLEET_LIMITS.days),
  limit: bounded(FLEET_LIMITS.limit),
});
const fragmentationQuery = z.strictObject({
  limit: bounded(FLEET_LIMITS.limit),
});
const timeSavedQuery = z.strictObject({ weeks: bounded(FLEET_LIMITS.weeks) });
const noQuery = z.strictObject({});

/**
 * JSON of the answers: a view is the same object until it is recomputed (FleetService),
 * so its text is made once, not per request.
 */
const jsonTexts = new WeakMap<object, string>();

function sendJson(res: express.Response, value: object) {
  let text = jsonTexts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    jsonTexts.set(value, text);
  }
  res.type('application/json').send(text);
}

/** The routes of the fleet insights; see `fleetTypes.ts` in -common. */
export function createFleetRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  fleet: FleetService;
}): express.Router {
  const { httpAuth, permissions, fleet } = options;
  const router = Router();
  const authorize = createAuthorize({ httpAuth, permissions });
  // As the scorecard reads: signed-in users and services, with the read permission.
  const requireRead = (req: Request) =>
    authorize(req, ['user', 'service'], {
      permission: rustBuildCacheReadPermission,
    });

  router.get('/fleet/compile-time', async (req, res) => {
    await requireRead(req);
    sendJson(
      res,
      await fleet.compileTime(parse(compileTimeQuery, req.query, 'query')),
    );
  });

  router.get('/fleet/toolchains', async (req, res) => {
    await requireRead(req);
    parse(noQuery, req.query, 'query');
    sendJson(res, await fleet.toolchains());
  });

  router.get('/fleet/fragmentation', async (req, res) => {
    await requireRead(req);
    sendJson(
      res,
      await fleet.fragmentation(parse(fragmentationQuery, req.query, 'query')),
    );
  });

  router.get('/fleet/time-saved', async (req, res) => {
    await requireRead(req);
    sendJson(
      res,
      await fleet.timeSaved(parse(timeSavedQuery, req.query, 'query')),
    );
  });

  return router;
}
