import { ResponseError } from '@backstage/errors';
import type { ExemptionRecord } from '@rust-build-cache/plugin-rust-build-cache-common';
import { rest } from 'msw';
import {
  CLIENT_BASE_URL as BASE_URL,
  setupClientTestServer,
} from '../__testUtils__/clientTestServer';

const exemption: ExemptionRecord = {
  id: 'ex-1',
  entityRef: 'component:default/search-indexer',
  ruleId: 'toolchain-pinned-exact',
  reason: 'Needs nightly for portable SIMD until 1.97',
  author: 'user:default/guest',
  createdAt: '2026-11-27T18:00:00.000Z',
  expiresAt: '2027-01-31T00:00:00.000Z',
  revokedAt: null,
  revokedBy: null,
  state: 'active',
};

describe('RustBuildCacheClient, policy scorecards', () => {
  const { server, client } = setupClientTestServer();

  it('sends only the set filters of the entity table, with paging', async () => {
    const queries: string[] = [];
    server.use(
      rest.get(`${BASE_URL}/scorecards/entities`, (req, res, ctx) => {
        queries.push(req.url.search);
        return res(ctx.json({ items: [], total: 0 }));
      }),
    );

    await client.getScorecardEntities({ limit: 25, offset: 0 });
    await client.getScorecardEntities({
      owner: 'group:default/payments',
      ruleId: 'effective-hit-rate',
      result: 'fail',
      level: 'silver',
      limit: 25,
      offset: 50,
    });
    await client.getScorecardEntities({ owner: '', limit: 10, offset: 10 });

    expect(queries).toEqual([
      '?limit=25&offset=0',
      '?owner=group%3Adefault%2Fpayments&ruleId=effective-hit-rate&result=fail&level=silver&limit=25&offset=50',
      '?limit=10&offset=10',
    ]);
  });

  it('downloads the CSV export of the filtered entities as a Blob', async () => {
    const csv = 'entityRef,owner,level\ncomponent:default/billing-api,,gold\n';
    let search: string | undefined;
    server.use(
      rest.get(`${BASE_URL}/scorecards/entities.csv`, (req, res, ctx) => {
        search = req.url.search;
        return res(ctx.set('Content-Type', 'text/csv'), ctx.body(csv));
      }),
    );

    const blob = await client.downloadScorecardCsv({ result: 'fail' });

    expect(search).toBe('?result=fail');
    expect(blob.type).toContain('text/csv');
    expect(await blob.text()).toBe(csv);
  });

  it('asks for the trend over the requested days and reads the summary and policy', async () => {
    const paths: string[] = [];
    server.use(
      rest.get(`${BASE_URL}/scorecards/trend`, (req, res, ctx) => {
        paths.push(`${req.url.pathname}${req.url.search}`);
        return res(ctx.json({ days: 90, points: [] }));
      }),
      rest.get(`${BASE_URL}/scorecards/summary`, (req, res, ctx) => {
        paths.push(req.url.pathname);
        return res(
          ctx.json({
            evaluatedAt: null,
            entities: 0,
            compliant: 0,
            compliance: null,
            levels: [],
            owners: [],
            rules: [],
          }),
        );
      }),
      rest.get(`${BASE_URL}/policy`, (req, res, ctx) => {
        paths.push(req.url.pathname);
        return res(
          ctx.json({ policy: { rules: [], levels: [] }, source: 'default' }),
        );
      }),
    );

    await expect(client.getScorecardTrend({ days: 90 })).resolves.toEqual({
      days: 90,
      points: [],
    });
    await expect(client.getScorecardSummary()).resolves.toMatchObject({
      compliance: null,
    });
    await expect(client.getPolicy()).resolves.toMatchObject({
      source: 'default',
    });
    expect(paths).toEqual([
      '/api/rust-build-cache/scorecards/trend?days=90',
      '/api/rust-build-cache/scorecards/summary',
      '/api/rust-build-cache/policy',
    ]);
  });

  it('unwraps the entity scorecard, null before its first evaluation', async () => {
    const answers = [{ scorecard: null }];
    let path: string | undefined;
    server.use(
      rest.get(`${BASE_URL}/entities/*`, (req, res, ctx) => {
        path = req.url.pathname;
        return res(ctx.json(answers.shift()));
      }),
    );

    await expect(
      client.getEntityScorecard({
        namespace: 'default',
        kind: 'Component',
        name: 'search indexer',
      }),
    ).resolves.toBeNull();
    expect(path).toBe(
      '/api/rust-build-cache/entities/default/Component/search%20indexer/scorecard',
    );
  });

  it('lists exemptions with the given filters and unwraps the items', async () => {
    let search: string | undefined;
    server.use(
      rest.get(`${BASE_URL}/exemptions`, (req, res, ctx) => {
        search = req.url.search;
        return res(ctx.json({ items: [exemption] }));
      }),
    );

    await expect(
      client.getExemptions({
        entityRef: 'component:default/search-indexer',
        state: 'all',
      }),
    ).resolves.toEqual([exemption]);
    expect(search).toBe(
      '?entityRef=component%3Adefault%2Fsearch-indexer&state=all',
    );
  });

  it('posts a new exemption as JSON and returns the stored one', async () => {
    let received: unknown;
    let contentType: string | null = null;
    server.use(
      rest.post(`${BASE_URL}/exemptions`, async (req, res, ctx) => {
        received = await req.json();
        contentType = req.headers.get('content-type');
        return res(ctx.status(201), ctx.json(exemption));
      }),
    );
    const request = {
      entityRef: exemption.entityRef,
      ruleId: exemption.ruleId,
      reason: exemption.reason,
      expiresAt: exemption.expiresAt,
    };

    await expect(client.createExemption(request)).resolves.toEqual(exemption);
    expect(received).toEqual(request);
    expect(contentType).toBe('application/json');
  });

  it('carries the server message when an exemption is refused', async () => {
    server.use(
      rest.post(`${BASE_URL}/exemptions`, (_req, res, ctx) =>
        res(
          ctx.status(400),
          ctx.json({
            error: {
              name: 'InputError',
              message: 'expiresAt must be in the future',
            },
            request: { method: 'POST', url: '/exemptions' },
            response: { statusCode: 400 },
          }),
        ),
      ),
    );

    const failure = await client
      .createExemption({
        entityRef: exemption.entityRef,
        ruleId: exemption.ruleId,
        reason: 'x',
        expiresAt: '2020-01-01T00:00:00.000Z',
      })
      .catch(e => e);

    expect(failure).toBeInstanceOf(ResponseError);
    expect(failure.statusCode).toBe(400);
    expect(failure.body.error.message).toBe('expiresAt must be in the future');
  });

  it('revokes an exemption by its encoded id, with an optional reason', async () => {
    const bodies: unknown[] = [];
    const paths: string[] = [];
    server.use(
      rest.post(`${BASE_URL}/exemptions/:id/revoke`, async (req, res, ctx) => {
        paths.push(req.url.pathname);
        bodies.push(await req.json());
        return res(
          ctx.json({
            ...exemption,
            state: 'revoked',
            revokedAt: '2026-11-28T09:00:00.000Z',
            revokedBy: 'user:default/guest',
          }),
        );
      }),
    );

    const revoked = await client.revokeExemption('ex 1', {
      reason: 'fixed the pin',
    });
    await client.revokeExemption('ex-1');

    expect(revoked.state).toBe('revoked');
    expect(paths).toEqual([
      '/api/rust-build-cache/exemptions/ex%201/revoke',
      '/api/rust-build-cache/exemptions/ex-1/revoke',
    ]);
    expect(bodies).toEqual([{ reason: 'fixed the pin' }, {}]);
  });

  it('pages the audit log', async () => {
    let search: string | undefined;
    server.use(
      rest.get(`${BASE_URL}/exemptions/audit`, (req, res, ctx) => {
        search = req.url.search;
        return res(ctx.json({ items: [], total: 0 }));
      }),
    );

    await expect(
      client.getExemptionAudit({ limit: 20, offset: 40 }),
    ).resolves.toEqual({ items: [], total: 0 });
    expect(search).toBe('?limit=20&offset=40');
  });
});
