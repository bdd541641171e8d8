import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  prewarmScopeSchema,
  rustBuildCachePrewarmManagePermission,
  rustBuildCacheReadPermission,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { PrewarmService } from './PrewarmService';
import {
  actorOf,
  createRequirePermission,
  parseRequest as parse,
} from '../service/routeHelpers';

const idParams = z.object({ id: z.uuid('must be a UUID') });

const RUN_STATES = [
  'queued',
  'running',
  'succeeded',
  'failed',
  'cancelled',
] as const;

const runsQuery = z.object({
  scheduleId: z.uuid('must be a UUID').optional(),
  state: z.enum(RUN_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

const effectQuery = z.object({
  days: z.coerce.number().int().min(1).max(365).default(30),
});

/** `a,b` or repeated parameters (`?owners=a&owners=b`), trimmed, empty items dropped. */
const listParam = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform(value =>
    [value ?? []]
      .flat()
      .flatMap(item => item.split(','))
      .map(item => item.trim())
      .filter(Boolean),
  );

const planQuery = z.object({
  scheduleId: z.uuid('must be a UUID').optional(),
  owners: listParam,
  tags: listParam,
  entityRefs: listParam,
});

/**
 * The pre-warm API under `/prewarm` (see `prewarmTypes.ts` in -common for the routes).
 * Reads need the read permission; every change needs the pre-warm manage permission.
 */
export async function createPrewarmRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  prewarm: PrewarmService;
}): Promise<express.Router> {
  const { httpAuth, permissions, prewarm } = options;
  const router = Router();
  router.use('/prewarm', express.json({ limit: '256kb' }));

  const authorize = createRequirePermission({ httpAuth, permissions });
  const read = (req: Request) => authorize(req, rustBuildCacheReadPermission);
  const manage = (req: Request) =>
    authorize(req, rustBuildCachePrewarmManagePermission);

  router.get('/prewarm/executors', async (req, res) => {
    await read(req);
    res.json({ items: prewarm.listExecutors() });
  });

  router.get('/prewarm/schedules', async (req, res) => {
    await read(req);
    res.json({ items: await prewarm.listSchedules() });
  });

  router.post('/prewarm/schedules', async (req, res) => {
    const credentials = await manage(req);
    res
      .status(201)
      .json(await prewarm.createSchedule(req.body, actorOf(credentials)));
  });

  router.get('/prewarm/schedules/:id', async (req, res) => {
    await read(req);
    const { id } = parse(idParams, req.params, 'path');
    res.json(await prewarm.getSchedule(id));
  });

  router.put('/prewarm/schedules/:id', async (req, res) => {
    await manage(req);
    const { id } = parse(idParams, req.params, 'path');
    res.json(await prewarm.updateSchedule(id, req.body));
  });

  router.post('/prewarm/schedules/:id/pause', async (req, res) => {
    await manage(req);
    const { id } = parse(idParams, req.params, 'path');
    res.json(await prewarm.setPaused(id, true));
  });

  router.post('/prewarm/schedules/:id/resume', async (req, res) => {
    await manage(req);
    const { id } = parse(idParams, req.params, 'path');
    res.json(await prewarm.setPaused(id, false));
  });

  router.delete('/prewarm/schedules/:id', async (req, res) => {
    await manage(req);
    const { id } = parse(idParams, req.params, 'path');
    await prewarm.deleteSchedule(id);
    res.status(204).end();
  });

  router.post('/prewarm/schedules/:id/run', async (req, res) => {
    const credentials = await manage(req);
    const { id } = parse(idParams, req.params, 'path');
    res.status(202).json(await prewarm.runNow(id, actorOf(credentials)));
  });

  router.get('/prewarm/plan', async (req, res) => {
    await read(req);
    const query = parse(planQuery, req.query, 'query');
    if (query.scheduleId) {
      res.json(await prewarm.plan({ scheduleId: query.scheduleId }));
      return;
    }
    const scope = parse(
      prewarmScopeSchema,
      { owners: query.owners, tags: query.tags, entityRefs: query.entityRefs },
      'query',
    );
    res.json(await prewarm.plan({ scope }));
  });

  router.get('/prewarm/runs', async (req, res) => {
    await read(req);
    res.json(await prewarm.listRuns(parse(runsQuery, req.query, 'query')));
  });

  router.get('/prewarm/runs/:id', async (req, res) => {
    await read(req);
    const { id } = parse(idParams, req.params, 'path');
    res.json(await prewarm.getRun(id));
  });

  router.post('/prewarm/runs/:id/cancel', async (req, res) => {
    await manage(req);
    const { id } = parse(idParams, req.params, 'path');
    res.json(await prewarm.cancelRun(id));
  });

  router.get('/prewarm/effect', async (req, res) => {
    await read(req);
    const { days } = parse(effectQuery, req.query, 'query');
    res.json({ items: await prewarm.effect({ days }) });
  });

  return router;
}
