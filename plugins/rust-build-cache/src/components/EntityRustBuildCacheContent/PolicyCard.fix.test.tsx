import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { scaffolderApiRef } from '@backstage/plugin-scaffolder-react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { rustBuildCacheApiRef } from '../../api';
import { fakeRustBuildCacheApi } from '../../__testUtils__/fakeRustBuildCacheApi';
import { rustService } from '../../__testUtils__/entities';
import { POLICY, scorecardOf } from '../../__testUtils__/policyFixtures';
import { fixTemplateRouteRef } from '../../routes';
import { useEntityScorecard, useReloadKey } from '../../hooks';
import { PolicyCard } from './PolicyCard';

const ledgerWorker = {
  kind: 'Component',
  namespace: 'default',
  name: 'ledger-worker',
};

const entity = rustService({
  name: 'ledger-worker',
  workspace: '.',
  owner: 'payments',
  projectSlug: 'acme-demo/ledger-worker',
});

function Card() {
  const [reloadKey, reload] = useReloadKey();
  const scorecard = useEntityScorecard(ledgerWorker, reloadKey);
  return (
    <PolicyCard
      entityRef={ledgerWorker}
      scorecard={scorecard}
      onChanged={reload}
      fix={{ entity, ciRustRelease: '1.95.0' }}
    />
  );
}

async function renderCard(options: { scaffolderInstalled: boolean }) {
  const api = fakeRustBuildCacheApi({
    getEntityScorecard: async () =>
      scorecardOf('component:default/ledger-worker'),
    getPolicy: async () => ({ policy: POLICY, source: 'config' }),
  });
  // The scaffolder's API, as an app with the scaffolder has it: the preview's dry-run.
  const scaffolderApis = options.scaffolderInstalled
    ? ([
        [scaffolderApiRef, { dryRun: () => new Promise(() => {}) }],
        [catalogApiRef, catalogApiMock()],
      ] as const)
    : [];
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [rustBuildCacheApiRef, api],
        [permissionApiRef, mockApis.permission()],
        ...scaffolderApis,
      ]}
    >
      <Card />
    </TestApiProvider>,
    options.scaffolderInstalled
      ? {
          mountedRoutes: {
            '/create/templates/:namespace/:templateName': fixTemplateRouteRef,
          },
        }
      : {},
  );
  await waitFor(() =>
    expect(screen.getByTestId('policy-level')).toBeInTheDocument(),
  );
  return api;
}

function rowOf(ruleId: string) {
  return document.querySelector(`tr[data-rule-id="${ruleId}"]`) as HTMLElement;
}

describe('PolicyCard fix pull request links', () => {
  it('links the failing rules with a mechanical fix to the template, prefilled', async () => {
    await renderCard({ scaffolderInstalled: true });
    const outcomes = Object.fromEntries(
      scorecardOf('component:default/ledger-worker').results.map(r => [
        r.ruleId,
        r.result,
      ]),
    );
    // ledger-worker's recorded reports: incremental on, no exact toolchain pin.
    expect(outcomes['cargo-incremental-off']).toBe('fail');
    expect(outcomes['toolchain-pinned-exact']).toBe('fail');

    const link = await waitFor(() =>
      rowOf('cargo-incremental-off').querySelector(
        '[data-testid="fix-pull-request-link"]',
      ),
    );
    expect(link).toHaveTextContent('Open a fix pull request');
    const href = new URL(link!.getAttribute('href')!, 'http://localhost');
    expect(href.pathname).toBe(
      '/create/templates/default/fix-rust-build-caching',
    );
    const formData = JSON.parse(href.searchParams.get('formData')!);
    expect(formData).toMatchObject({
      entityRef: 'component:default/ledger-worker',
      repoUrl: 'github.com?owner=acme-demo&repo=ledger-worker',
      sourceUrl: 'https://github.com/acme-demo/ledger-worker',
      workspaceDir: '.',
      release: '1.95.0',
    });
    expect(formData.fixes).toContain('rust-build-cache:route-through-sccache');
    expect(formData.fixes).toContain('rust-build-cache:pin-toolchain');
    expect(formData.rules).toContainEqual({
      id: 'cargo-incremental-off',
      title: 'Incremental compilation off in CI',
      evidence: scorecardOf('component:default/ledger-worker').results.find(
        r => r.ruleId === 'cargo-incremental-off',
      )!.summary,
      fix: 'rust-build-cache:route-through-sccache',
    });

    // Rules that pass, or whose fix needs a person, get no link.
    for (const [ruleId, outcome] of Object.entries(outcomes)) {
      const mechanical = [
        'toolchain-pinned-exact',
        'rustc-wrapper-sccache',
        'cargo-incremental-off',
        'cache-size-bounded',
        'rustflags-stable',
      ].includes(ruleId);
      const expected = mechanical && (outcome === 'fail' || outcome === 'warn');
      expect({
        ruleId,
        link: !!rowOf(ruleId).querySelector(
          '[data-testid="fix-pull-request-link"]',
        ),
      }).toEqual({ ruleId, link: expected });
    }
  });

  it('offers a preview of the fix next to the link, which opens the preview dialog', async () => {
    const api = await renderCard({ scaffolderInstalled: true });
    api.getFixFiles.mockImplementation(() => new Promise(() => {}));
    const preview = await waitFor(() =>
      screen.getByRole('button', {
        name: 'Preview the fix for cargo-incremental-off',
      }),
    );
    // Exactly the rows with a link have a preview.
    expect(
      screen.getAllByRole('button', { name: /^Preview the fix/ }),
    ).toHaveLength(screen.getAllByTestId('fix-pull-request-link').length);
    fireEvent.click(preview);
    expect(
      await screen.findByRole('dialog', {
        name: /Preview of the fix pull request/,
      }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('fix-preview-loading')).toBeInTheDocument();
    expect(api.getFixFiles).toHaveBeenCalledWith(ledgerWorker);
  });

  it('shows no link and no preview when the scaffolder is not installed', async () => {
    await renderCard({ scaffolderInstalled: false });
    expect(rowOf('cargo-incremental-off')).toBeInTheDocument();
    expect(screen.queryByTestId('fix-pull-request-link')).toBeNull();
    expect(
      screen.queryByRole('button', { name: /^Preview the fix/ }),
    ).toBeNull();
  });
});
