import { mockServices } from '@backstage/backend-test-utils';
import {
  compileGithubValidators,
  FakeGithub,
} from './__testUtils__/fakeGithub';
import { GithubRateLimitError } from './GithubApiClient';
import { GithubHosts } from './GithubHosts';

// The pull provider and the pre-warm executor share one GithubHosts (module.ts): a rate
// limit that one of them hits on a host stops the other on that host until the reset,
// without a request.

jest.setTimeout(600_000);

describe('GithubHosts', () => {
  let github: FakeGithub;

  beforeAll(() => compileGithubValidators());

  beforeEach(async () => {
    github = new FakeGithub('acme', 'billing');
    await github.start();
  });

  afterEach(async () => {
    await github.stop();
  });

  function hosts() {
    return GithubHosts.fromConfig(
      mockServices.rootConfig({
        data: {
          integrations: {
            github: [
              {
                host: 'github.test',
                apiBaseUrl: github.apiBaseUrl,
                token: 't',
              },
              { host: 'other.test', apiBaseUrl: github.apiBaseUrl, token: 't' },
            ],
          },
        },
      }),
    );
  }

  const retry = { maxAttempts: 1, baseDelayMs: 10, requestTimeoutMs: 5_000 };
  const runsPath = '/repos/acme/billing/actions/runs?status=completed';

  it('shares the rate-limit state of a host between all its clients', async () => {
    const reset = Math.ceil(Date.now() / 1000) + 60;
    github.fault = () => ({
      status: 403,
      headers: {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(reset),
      },
    });
    const shared = hosts();
    const pulling = shared.client({
      host: 'github.test',
      owner: 'acme',
      name: 'billing',
      retry,
    });
    await expect(pulling.getJson(runsPath)).rejects.toBeInstanceOf(
      GithubRateLimitError,
    );
    expect(github.requests).toHaveLength(1);

    // Another client of the same host (as the executor makes per job): refused locally.
    const warming = shared.client({
      host: 'github.test',
      owner: 'acme',
      name: 'tools',
      retry,
    });
    await expect(warming.getJson(runsPath)).rejects.toMatchObject({
      name: 'GithubRateLimitError',
      until: new Date(reset * 1000),
    });
    expect(github.requests).toHaveLength(1);

    // Another host is not limited; separate GithubHosts do not share state.
    github.fault = () => undefined;
    await shared
      .client({ host: 'other.test', owner: 'acme', name: 'billing', retry })
      .getJson(runsPath);
    await hosts()
      .client({ host: 'github.test', owner: 'acme', name: 'billing', retry })
      .getJson(runsPath);
    expect(github.requests).toHaveLength(3);
  });
});
