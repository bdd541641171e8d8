import { ResponseError } from '@backstage/errors';
import { rest } from 'msw';
import {
  CLIENT_BASE_URL as BASE_URL,
  setupClientTestServer,
} from '../__testUtils__/clientTestServer';

describe('RustBuildCacheClient', () => {
  const { server, client } = setupClientTestServer();

  it('encodes every part of the entity ref into the path', async () => {
    let requestedPath: string | undefined;
    server.use(
      rest.get(`${BASE_URL}/entities/*`, (req, res, ctx) => {
        requestedPath = req.url.pathname;
        return res(ctx.json({ run: null }));
      }),
    );

    const run = await client.getLatestRun({
      namespace: 'team a',
      kind: 'Component',
      name: 'billing/api',
    });

    expect(run).toBeNull();
    expect(requestedPath).toBe(
      '/api/rust-build-cache/entities/team%20a/Component/billing%2Fapi/latest',
    );
  });

  it('sends paging and range parameters as query parameters', async () => {
    const queries: string[] = [];
    server.use(
      rest.get(
        `${BASE_URL}/entities/default/component/billing-api/runs`,
        (req, res, ctx) => {
          queries.push(req.url.search);
          return res(ctx.json({ items: [], total: 0, limit: 20, offset: 40 }));
        },
      ),
      rest.get(
        `${BASE_URL}/entities/default/component/billing-api/timeseries`,
        (req, res, ctx) => {
          queries.push(req.url.search);
          return res(
            ctx.json({ entityRef: 'x', from: 'a', to: 'b', points: [] }),
          );
        },
      ),
      rest.get(`${BASE_URL}/runs/compare`, (req, res, ctx) => {
        queries.push(req.url.search);
        return res(ctx.json({ differences: [] }));
      }),
    );
    const ref = {
      namespace: 'default',
      kind: 'component',
      name: 'billing-api',
    };

    const page = await client.getRuns(ref, { limit: 20, offset: 40 });
    await client.getTimeSeries(ref, { days: 90 });
    await client.compareRuns({ base: 'run 1', head: 'run-2' });

    expect(page.offset).toBe(40);
    expect(queries).toEqual([
      '?limit=20&offset=40',
      '?days=90',
      '?base=run+1&head=run-2',
    ]);
  });

  it('unwraps the unmatched sources list', async () => {
    const item = {
      repository: 'github.com/acme/unknown',
      workspacePath: '.',
      reports: 3,
      lastFinishedAt: '2026-11-27T16:58:17.844Z',
    };
    server.use(
      rest.get(`${BASE_URL}/unmatched`, (_req, res, ctx) =>
        res(ctx.json({ items: [item] })),
      ),
    );

    await expect(client.getUnmatchedSources()).resolves.toEqual([item]);
  });

  it('turns error responses into a ResponseError carrying the server message', async () => {
    server.use(
      rest.get(`${BASE_URL}/runs/:id`, (_req, res, ctx) =>
        res(
          ctx.status(404),
          ctx.json({
            error: { name: 'NotFoundError', message: 'No run with id nope' },
            request: { method: 'GET', url: '/runs/nope' },
            response: { statusCode: 404 },
          }),
        ),
      ),
    );

    const failure = await client.getRun('nope').catch(e => e);

    expect(failure).toBeInstanceOf(ResponseError);
    expect(failure.statusCode).toBe(404);
    expect(failure.body.error.message).toBe('No run with id nope');
  });
  const gatewayRef = {
    namespace: 'default',
    kind: 'component',
    name: 'gateway',
  };
  const pullStatus = {
    entityRef: 'component:default/gateway',
    providerId: 'github-actions',
    lastPulledAt: '2026-11-27T18:00:00.000Z',
    lastSuccessAt: '2026-11-27T18:00:00.000Z',
    lastIngested: 2,
    lastError: null,
    rateLimitedUntil: null,
  };

  it('posts a refresh and returns what was refreshed', async () => {
    let method: string | undefined;
    server.use(
      rest.post(
        `${BASE_URL}/entities/default/component/gateway/refresh`,
        (req, res, ctx) => {
          method = req.method;
          return res(ctx.json({ status: pullStatus, snapshot: null }));
        },
      ),
    );

    await expect(client.refreshEntity(gatewayRef)).resolves.toEqual({
      status: pullStatus,
      snapshot: null,
    });
    expect(method).toBe('POST');
  });

  it('carries the server message of a refresh with nothing to refresh', async () => {
    server.use(
      rest.post(
        `${BASE_URL}/entities/default/component/gateway/refresh`,
        (_req, res, ctx) =>
          res(
            ctx.status(400),
            ctx.json({
              error: {
                name: 'InputError',
                message: 'Nothing to refresh for component:default/gateway',
              },
              request: { method: 'POST', url: '/refresh' },
              response: { statusCode: 400 },
            }),
          ),
      ),
    );

    const failure = await client.refreshEntity(gatewayRef).catch(e => e);

    expect(failure).toBeInstanceOf(ResponseError);
    expect(failure.statusCode).toBe(400);
    expect(failure.body.error.message).toBe(
      'Nothing to refresh for component:default/gateway',
    );
  });

  it('unwraps the pull status, null before the first pull', async () => {
    const answers = [{ status: pullStatus }, { status: null }];
    server.use(
      rest.get(
        `${BASE_URL}/entities/default/component/gateway/pull-status`,
        (_req, res, ctx) => res(ctx.json(answers.shift())),
      ),
    );

    await expect(client.getPullStatus(gatewayRef)).resolves.toEqual(pullStatus);
    await expect(client.getPullStatus(gatewayRef)).resolves.toBeNull();
  });

  it('returns the repository snapshot with its history', async () => {
    const history = [
      {
        at: '2026-11-27T18:00:00.000Z',
        field: 'toolchain',
        from: '1.95.0',
        to: '1.95.1',
      },
    ];
    server.use(
      rest.get(
        `${BASE_URL}/entities/default/component/gateway/snapshot`,
        (_req, res, ctx) => res(ctx.json({ snapshot: null, history })),
      ),
    );

    await expect(client.getRepositorySnapshot(gatewayRef)).resolves.toEqual({
      snapshot: null,
      history,
    });
  });
});
