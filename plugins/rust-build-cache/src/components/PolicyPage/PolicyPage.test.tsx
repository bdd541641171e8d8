import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { ResponseError } from '@backstage/errors';
import { rustBuildCacheApiRef } from '../../api';
import { fakeRustBuildCacheApi } from '../../__testUtils__/fakeRustBuildCacheApi';
import { PolicyPage } from './PolicyPage';
import type { RustBuildCacheApi } from '../../api';

function renderPolicyPage(api: RustBuildCacheApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[rustBuildCacheApiRef, api]]}>
      <PolicyPage />
    </TestApiProvider>,
  );
}

describe('PolicyPage', () => {
  it('says no policy is configured and where it goes', async () => {
    await renderPolicyPage(
      fakeRustBuildCacheApi({ getUnmatchedSources: async () => [] }),
    );

    expect(
      screen.getByRole('heading', { name: 'Build cache policy' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No caching policy configured yet'),
    ).toBeInTheDocument();
    expect(screen.getByText('rustBuildCache.policy')).toBeInTheDocument();
  });

  it('lists report sources that match no catalog entity', async () => {
    await renderPolicyPage(
      fakeRustBuildCacheApi({
        getUnmatchedSources: async () => [
          {
            repository: 'github.com/acme-demo/forgotten-service',
            workspacePath: 'crates/server',
            reports: 1234,
            lastFinishedAt: '2026-11-27T16:58:17.844Z',
          },
        ],
      }),
    );

    const row = (
      await screen.findByText('github.com/acme-demo/forgotten-service')
    ).closest('tr') as HTMLElement;
    expect(within(row).getByText('crates/server')).toBeInTheDocument();
    expect(within(row).getByText('1,234')).toBeInTheDocument();
    expect(within(row).getByText('2026-11-27 16:58 UTC')).toBeInTheDocument();
  });

  it('says so when every report matched an entity', async () => {
    await renderPolicyPage(
      fakeRustBuildCacheApi({ getUnmatchedSources: async () => [] }),
    );

    expect(
      await screen.findByText(
        'Every report received so far matches a catalog entity.',
      ),
    ).toBeInTheDocument();
  });

  it('shows the server error when the list cannot be loaded', async () => {
    const response = new Response(
      JSON.stringify({
        error: { name: 'NotAllowedError', message: 'Unauthorized' },
        request: { method: 'GET', url: '/unmatched' },
        response: { statusCode: 403 },
      }),
      { status: 403, headers: { 'content-type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response);
    await renderPolicyPage(
      fakeRustBuildCacheApi({
        getUnmatchedSources: () => Promise.reject(error),
      }),
    );

    expect(await screen.findByText('Unauthorized')).toBeInTheDocument();
  });
});
