import {
  AuditorService,
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
  audited,
  createAuthorize,
  parseRequest as parse,
} from '../lib/routeHelpers';

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
 * Reads need the read permission (users and services); every change needs the pre-warm
 * manage permission and a signed-in user, and is an audit event.
 */
export async function createPrewarmRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  prewarm: PrewarmService;
}): Promise<express.Router> {
  const { httpAuth, permissions, auditor, prewarm } = options;
  const router = Router();
  router.use('/prewarm', express.json({ limit: '256kb' }));

  const authorize = createAuthorize({ httpAuth, permissions });
  const read = (req: Request) =>
    authorize(req, ['user', 'service'], {
      permission: rustBuildCacheReadPermission,
    });
  const manage = (req: Request) =>
    authorize(req, ['user'], {
      permission: rustBuildCachePrewarmManagePermission,
    });
  /** `change` as the audit event `eventId`, on the schedule or run `:id` if any. */
  const audit = <T>(req: Request, eventId: string, change: () => Promise<T>) =>
    audited(
      auditor,
      req,
      { eventId, meta: req.params.id ? { id: req.params.id } : {} },
      change,
    );

  router.get('/prewarm/executors', async (req, res) => {
    await read(req);
    res.json({ items: prewarm.listExecutors() });
  });

  router.get('/prewarm/schedules', async (req, res) => {
    await read(req);
    res.json({ items: await prewarm.listSchedules() });
  });

  router.post('/prewarm/schedules', async (req, res) => {
    const created = await audited(
      auditor,
      req,
      { eventId: 'schedule-create' },
      async () => prewarm.createSchedule(req.body, actorOf(await manage(req))),
      schedule => ({ id: schedule.id }),
    );
    res.status(201).json(created);
  });

  router.get('/prewarm/schedules/:id', async (req, res) => {
    await read(req);
    const { id } = parse(idParams, req.params, 'path');
    res.json(await prewarm.getSchedule(id));
  });

  router.put('/prewarm/schedules/:id', async (req, res) => {
    const updated = await audit(req, 'schedule-update', async () => {
      await manage(req);
      const { id } = parse(idParams, req.params, 'path');
      return prewarm.updateSchedule(id, req.body);
    });
    res.json(updated);
  });

  router.post('/prewarm/schedules/:id/pause', async (req, res) => {
    const paused = await audit(req, 'schedule-pause', async () => {
      await manage(req);
      const { id } = parse(idParams, req.params, 'path');
      return prewarm.setPaused(id, true);
    });
    res.json(paused);
  });

  router.post('/prewarm/schedules/:id/resume', async (req, res) => {
    const resumed = await audit(req, 'schedule-resume', async () => {
      await manage(req);
      const { id } = parse(idParams, req.params, 'path');
      return prewarm.setPaused(id, false);
    });
    res.json(resumed);
  });

  router.delete('/prewarm/schedules/:id', async (req, res) => {
    await audit(req, 'schedule-delete', async () => {
      await manage(req);
      const { id } = parse(idParams, req.params, 'path');
      await prewarm.deleteSchedule(id);
    });
    res.status(204).end();
  });

  router.post('/prewarm/schedules/:id/run', async (req, res) => {
    const run = await audited(
      auditor,
      req,
      { eventId: 'schedule-run', meta: { id: req.params.id } },
      async () => {
        const credentials = await manage(req);
        const { id } = parse(idParams, req.params, 'path');
        return prewarm.runNow(id, actorOf(credentials));
      },
      started => ({ runId: started.id }),
    );
    res.status(202).json(run);
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
    const cancelled = await audit(req, 'run-cancel', async () => {
      await manage(req);
      const { id } = parse(idParams, req.params, 'path');
      return prewarm.cancelRun(id);
    });
    res.json(cancelled);
  });

  router.get('/prewarm/effect', async (req, res) => {
    await read(req);
    const { days } = parse(effectQuery, req.query, 'query');
    res.json({ items: await prewarm.effect({ days }) });
  });

  return router;
}
