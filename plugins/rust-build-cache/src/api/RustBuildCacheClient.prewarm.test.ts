import { ResponseError } from '@backstage/errors';
import { rest } from 'msw';
import type { PrewarmScheduleInput } from '@rust-build-cache/plugin-rust-build-cache-common';
import {
  exampleSchedule,
  exampleScheduleInput,
} from '../__testUtils__/prewarmFixtures';
import {
  CLIENT_BASE_URL as BASE_URL,
  setupClientTestServer,
} from '../__testUtils__/clientTestServer';

describe('RustBuildCacheClient pre-warming', () => {
  const { server, client } = setupClientTestServer();

  it('unwraps the executor and schedule lists', async () => {
    server.use(
      rest.get(`${BASE_URL}/prewarm/executors`, (_req, res, ctx) =>
        res(
          ctx.json({
            items: [{ id: 'local', title: 'Local', description: 'd' }],
          }),
        ),
      ),
      rest.get(`${BASE_URL}/prewarm/schedules`, (_req, res, ctx) =>
        res(ctx.json({ items: [exampleSchedule()] })),
      ),
    );

    expect(await client.getPrewarmExecutors()).toEqual([
      { id: 'local', title: 'Local', description: 'd' },
    ]);
    expect(await client.getPrewarmSchedules()).toEqual([exampleSchedule()]);
  });

  it('posts a new schedule and puts an edited one as JSON', async () => {
    const requests: Array<{ method: string; path: string; body: unknown }> = [];
    const record = (req: any) =>
      requests.push({
        method: req.method,
        path: req.url.pathname,
        body: req.body,
      });
    server.use(
      rest.post(`${BASE_URL}/prewarm/schedules`, (req, res, ctx) => {
        record(req);
        return res(ctx.status(201), ctx.json(exampleSchedule()));
      }),
      rest.put(`${BASE_URL}/prewarm/schedules/:id`, (req, res, ctx) => {
        record(req);
        return res(ctx.json(exampleSchedule()));
      }),
    );
    const input: PrewarmScheduleInput = exampleScheduleInput();

    const created = await client.createPrewarmSchedule(input);
    await client.updatePrewarmSchedule('schedule/1', {
      ...input,
      concurrency: 4,
    });

    expect(created.id).toBe(exampleSchedule().id);
    expect(requests).toEqual([
      {
        method: 'POST',
        path: '/api/rust-build-cache/prewarm/schedules',
        body: input,
      },
      {
        method: 'PUT',
        path: '/api/rust-build-cache/prewarm/schedules/schedule%2F1',
        body: { ...input, concurrency: 4 },
      },
    ]);
  });

  it('pauses, resumes, runs and deletes through their own routes', async () => {
    const calls: string[] = [];
    server.use(
      rest.post(
        `${BASE_URL}/prewarm/schedules/:id/:action`,
        (req, res, ctx) => {
          calls.push(`POST ${req.url.pathname}`);
          return res(
            ctx.status(req.params.action === 'run' ? 202 : 200),
            ctx.json(
              req.params.action === 'run' ? { id: 'run-1' } : exampleSchedule(),
            ),
          );
        },
      ),
      rest.delete(`${BASE_URL}/prewarm/schedules/:id`, (req, res, ctx) => {
        calls.push(`DELETE ${req.url.pathname}`);
        return res(ctx.status(204));
      }),
    );

    await client.setPrewarmSchedulePaused('s1', true);
    await client.setPrewarmSchedulePaused('s1', false);
    const run = await client.runPrewarmScheduleNow('s1');
    await expect(client.deletePrewarmSchedule('s1')).resolves.toBeUndefined();

    expect(run.id).toBe('run-1');
    expect(calls).toEqual([
      'POST /api/rust-build-cache/prewarm/schedules/s1/pause',
      'POST /api/rust-build-cache/prewarm/schedules/s1/resume',
      'POST /api/rust-build-cache/prewarm/schedules/s1/run',
      'DELETE /api/rust-build-cache/prewarm/schedules/s1',
    ]);
  });

  it('asks for the plan of a schedule or of an unsaved scope', async () => {
    const queries: string[] = [];
    server.use(
      rest.get(`${BASE_URL}/prewarm/plan`, (req, res, ctx) => {
        queries.push(req.url.search);
        return res(ctx.json({ groups: [], deduplicated: 0, skipped: [] }));
      }),
    );

    await client.getWarmPlan({ scheduleId: 's1' });
    await client.getWarmPlan({
      scope: {
        owners: ['group:default/payments', 'group:default/platform'],
        tags: [],
        entityRefs: ['component:default/billing-api'],
      },
    });

    expect(queries).toEqual([
      '?scheduleId=s1',
      '?owners=group%3Adefault%2Fpayments%2Cgroup%3Adefault%2Fplatform&tags=&entityRefs=component%3Adefault%2Fbilling-api',
    ]);
  });

  it('filters runs, reads and cancels one, and unwraps the effect', async () => {
    const seen: string[] = [];
    server.use(
      rest.get(`${BASE_URL}/prewarm/runs`, (req, res, ctx) => {
        seen.push(`GET runs${req.url.search}`);
        return res(ctx.json({ items: [], total: 0 }));
      }),
      rest.get(`${BASE_URL}/prewarm/runs/:id`, (req, res, ctx) => {
        seen.push(`GET ${req.url.pathname}`);
        return res(ctx.json({ id: req.params.id, jobs: [] }));
      }),
      rest.post(`${BASE_URL}/prewarm/runs/:id/cancel`, (req, res, ctx) => {
        seen.push(`POST ${req.url.pathname}`);
        return res(ctx.json({ id: req.params.id, state: 'cancelled' }));
      }),
      rest.get(`${BASE_URL}/prewarm/effect`, (req, res, ctx) => {
        seen.push(`GET effect${req.url.search}`);
        return res(ctx.json({ items: [] }));
      }),
    );

    await client.getPrewarmRuns({ limit: 20, offset: 0 });
    await client.getPrewarmRuns({
      scheduleId: 's1',
      state: 'running',
      limit: 10,
      offset: 10,
    });
    await client.getPrewarmRun('r1');
    const cancelled = await client.cancelPrewarmRun('r1');
    expect(await client.getPrewarmEffect({ days: 30 })).toEqual([]);

    expect(cancelled.state).toBe('cancelled');
    expect(seen).toEqual([
      'GET runs?limit=20&offset=0',
      'GET runs?scheduleId=s1&state=running&limit=10&offset=10',
      'GET /api/rust-build-cache/prewarm/runs/r1',
      'POST /api/rust-build-cache/prewarm/runs/r1/cancel',
      'GET effect?days=30',
    ]);
  });

  it('rejects with the server message when a change is not allowed', async () => {
    server.use(
      rest.delete(`${BASE_URL}/prewarm/schedules/:id`, (_req, res, ctx) =>
        res(
          ctx.status(403),
          ctx.json({
            error: { name: 'NotAllowedError', message: 'Unauthorized' },
            request: { method: 'DELETE', url: '/prewarm/schedules/s1' },
            response: { statusCode: 403 },
          }),
        ),
      ),
    );

    const error = await client.deletePrewarmSchedule('s1').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.body.error.message).toBe('Unauthorized');
  });
});
