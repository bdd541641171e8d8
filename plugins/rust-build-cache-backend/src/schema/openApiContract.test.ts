import {
  HttpExchange,
  OpenApiContract,
} from '../__testUtils__/openApiContract';

const RUN_ID = '0b6f4c1e-5d0e-4f57-9d54-3a1f9b1c2d3e';

const pullStatus = {
  entityRef: 'component:default/billing',
  providerId: 'github-actions',
  lastPulledAt: '2026-05-01T10:00:00.000Z',
  lastSuccessAt: null,
  lastIngested: 2,
  lastError: null,
  rateLimitedUntil: null,
};

function exchange(overrides: Partial<HttpExchange>): HttpExchange {
  return {
    method: 'GET',
    url: '/entities/default/component/billing/pull-status',
    status: 200,
    responseContentType: 'application/json; charset=utf-8',
    responseBody: JSON.stringify({ status: pullStatus }),
    ...overrides,
  };
}

describe('OpenApiContract', () => {
  const contract = new OpenApiContract();

  it('accepts an exchange as documented', () => {
    expect(contract.check(exchange({}))).toEqual([]);
    expect(
      contract.check(
        exchange({ responseBody: JSON.stringify({ status: null }) }),
      ),
    ).toEqual([]);
  });

  it('prefers literal path segments over templates', () => {
    expect(contract.match('GET', '/runs/compare')?.path).toBe('/runs/compare');
    expect(contract.match('GET', `/runs/${RUN_ID}`)).toMatchObject({
      path: '/runs/{id}',
      pathParams: { id: RUN_ID },
    });
  });

  it('rejects a response field the document does not describe', () => {
    const problems = contract.check(
      exchange({
        responseBody: JSON.stringify({ status: { ...pullStatus, extra: 1 } }),
      }),
    );
    expect(problems.join('\n')).toMatch(/additional properties/);
  });

  it('rejects a missing or mistyped response field', () => {
    const { lastIngested: _, ...missing } = pullStatus;
    expect(
      contract.check(
        exchange({ responseBody: JSON.stringify({ status: missing }) }),
      ),
    ).not.toEqual([]);
    expect(
      contract.check(
        exchange({
          responseBody: JSON.stringify({
            status: { ...pullStatus, lastPulledAt: 'yesterday' },
          }),
        }),
      ),
    ).not.toEqual([]);
  });

  it('rejects an undocumented status and a wrong content type', () => {
    expect(contract.check(exchange({ status: 418 }))).toEqual([
      expect.stringMatching(/status 418 is not documented/),
    ]);
    expect(
      contract.check(exchange({ responseContentType: 'text/html' })),
    ).toEqual([expect.stringMatching(/Content-Type text\/html is not one of/)]);
  });

  it('checks error bodies', () => {
    expect(
      contract.check(
        exchange({
          status: 403,
          responseBody: JSON.stringify({
            error: { name: 'NotAllowedError', message: 'no' },
            request: { method: 'GET', url: '/x' },
            response: { statusCode: 403 },
          }),
        }),
      ),
    ).toEqual([]);
    expect(
      contract.check(
        exchange({ status: 403, responseBody: '{"message":"no"}' }),
      ),
    ).not.toEqual([]);
  });

  it('checks the parameters and body of a successful request', () => {
    const runPage = JSON.stringify({
      items: [],
      total: 0,
      limit: 5,
      offset: 0,
    });
    const runs = (query: string) =>
      exchange({
        url: `/entities/default/component/billing/runs${query}`,
        responseBody: runPage,
      });
    expect(contract.check(runs('?limit=5&kind=ci'))).toEqual([]);
    expect(contract.check(runs('?limit=500')).join('\n')).toMatch(
      /query parameters\/limit must be <= 100/,
    );
    expect(contract.check(runs('?colour=red')).join('\n')).toMatch(
      /query parameter 'colour' is not documented/,
    );
    // A refused request is not held to the request's schema.
    expect(
      contract.check({
        ...runs('?limit=500'),
        status: 400,
        responseBody: JSON.stringify({
          error: { name: 'InputError', message: 'limit' },
          request: { method: 'GET', url: '/x' },
          response: { statusCode: 400 },
        }),
      }),
    ).toEqual([]);

    const revoke = (requestBody: unknown) =>
      contract.check({
        method: 'POST',
        url: `/exemptions/${RUN_ID}/revoke`,
        requestContentType: 'application/json',
        requestBody,
        status: 200,
        responseContentType: 'application/json',
        responseBody: JSON.stringify({
          id: RUN_ID,
          entityRef: 'component:default/billing',
          ruleId: 'toolchain-pinned-exact',
          reason: 'r',
          author: 'user:default/ada',
          createdAt: '2026-05-01T10:00:00.000Z',
          expiresAt: '2026-06-01T10:00:00.000Z',
          revokedAt: '2026-05-02T10:00:00.000Z',
          revokedBy: 'user:default/ada',
          state: 'revoked',
        }),
      });
    expect(revoke({ reason: 'done' })).toEqual([]);
    expect(revoke({ reason: 'x'.repeat(2001) }).join('\n')).toMatch(
      /request body\/reason must NOT have more than 2000 characters/,
    );
  });

  it('accepts a 404 for a route that does not exist, and nothing else', () => {
    const unknown = { method: 'GET', url: '/no-such-route', responseBody: '' };
    expect(contract.check({ ...unknown, status: 404 })).toEqual([]);
    expect(contract.check({ ...unknown, status: 200 })).toEqual([
      expect.stringMatching(
        /no operation in src\/schema\/openapi.yaml serves this/,
      ),
    ]);
  });
});
