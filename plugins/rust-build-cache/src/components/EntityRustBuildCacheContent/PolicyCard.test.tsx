import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  BUILT_IN_RULES,
  type ExemptionRecord,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { rustBuildCacheApiRef, type RustBuildCacheApi } from '../../api';
import { fakeRustBuildCacheApi } from '../../__testUtils__/fakeRustBuildCacheApi';
import {
  POLICY,
  demoScorecards,
  scorecardOf,
} from '../../__testUtils__/policyFixtures';
import { TabPolicyCard } from '../../__testUtils__/TabPolicyCard';

const ledgerWorker = {
  kind: 'Component',
  namespace: 'default',
  name: 'ledger-worker',
};

function renderCard(api: RustBuildCacheApi) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [rustBuildCacheApiRef, api],
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      <TabPolicyCard entityRef={ledgerWorker} />
    </TestApiProvider>,
  );
}

/** The text a reader sees of a remediation with inline code only: the backticks go. */
function markdownAsText(markdown: string): string {
  return markdown.replace(/`/g, '');
}

function ruleRow(ruleId: string): HTMLElement {
  const row = document.querySelector(`tr[data-rule-id="${ruleId}"]`);
  if (!row) throw new Error(`no row for ${ruleId}`);
  return row as HTMLElement;
}

describe('PolicyCard', () => {
  it('says the service is not evaluated yet before its first evaluation', async () => {
    await renderCard(
      fakeRustBuildCacheApi({ getEntityScorecard: async () => null }),
    );

    expect(
      await screen.findByTestId('scorecard-not-evaluated'),
    ).toHaveTextContent('Not evaluated yet.');
  });

  it('shows the level, what blocks the next one, and every result with evidence and remediation', async () => {
    const api = fakeRustBuildCacheApi({
      getEntityScorecard: async () =>
        scorecardOf('component:default/ledger-worker'),
      getPolicy: async () => ({ policy: POLICY, source: 'config' }),
    });
    await renderCard(api);

    // The level's title comes from the policy.
    await waitFor(() =>
      expect(screen.getByTestId('policy-level')).toHaveTextContent('Bronze'),
    );
    const next = screen.getByTestId('policy-next-level');
    expect(next).toHaveTextContent('Next level Silver is blocked by:');
    expect(next).toHaveTextContent(
      'Incremental compilation off in CI (cargo-incremental-off)',
    );
    expect(next).toHaveTextContent('toolchain-pinned-exact');
    expect(next).toHaveTextContent('cache-size-bounded');

    // The real ledger-worker build left CARGO_INCREMENTAL unset: one request was not
    // cacheable for the reason "incremental".
    const incremental = ruleRow('cargo-incremental-off');
    expect(within(incremental).getByText('Fail')).toBeInTheDocument();
    expect(incremental).toHaveTextContent('incrementalRequests: 1');
    expect(incremental).toHaveTextContent('CI runs: 203');
    // The remediation's Markdown is rendered: backticks become code, not literal text.
    const remediation = within(incremental).getByTestId('remediation');
    expect(remediation).toHaveTextContent(
      markdownAsText(BUILT_IN_RULES['cargo-incremental-off'].remediation),
    );
    expect(remediation).not.toHaveTextContent('`');
    expect(
      within(remediation).getByText('CARGO_INCREMENTAL=0', {
        selector: 'code',
      }),
    ).toBeInTheDocument();

    const hitRate = ruleRow('effective-hit-rate');
    expect(within(hitRate).getByText('Fail')).toBeInTheDocument();
    expect(hitRate).toHaveTextContent('effectiveHitRate: 0.6667');
    expect(hitRate).toHaveTextContent('CI runs: 203, 202, 201');

    const cacheSize = ruleRow('cache-size-bounded');
    expect(within(cacheSize).getByText('Warning')).toBeInTheDocument();

    const wrapper = ruleRow('rustc-wrapper-sccache');
    expect(within(wrapper).getByText('Pass')).toBeInTheDocument();
    expect(wrapper).toHaveTextContent('rustcWrapper: /usr/bin/sccache');
    // A passing rule needs no remediation and no exemption.
    expect(wrapper).not.toHaveTextContent(
      markdownAsText(BUILT_IN_RULES['rustc-wrapper-sccache'].remediation),
    );
    expect(within(wrapper).queryByRole('button')).not.toBeInTheDocument();

    expect(
      within(ruleRow('prewarm-enrolled')).getByText('Not applicable'),
    ).toBeInTheDocument();
    expect(api.getExemptions).not.toHaveBeenCalled();
  });

  it('shows the exemption behind an exempt result, and revokes it', async () => {
    const exemption: ExemptionRecord = {
      id: 'ex-7',
      entityRef: 'component:default/ledger-worker',
      ruleId: 'effective-hit-rate',
      reason: 'Cold cache after the bucket move',
      author: 'user:default/platform-lead',
      createdAt: '2026-11-20T10:00:00.000Z',
      expiresAt: '2026-12-31T00:00:00.000Z',
      revokedAt: null,
      revokedBy: null,
      state: 'active',
    };
    const [, exemptScorecard] = demoScorecards({
      [exemption.entityRef]: [exemption],
    });
    const api = fakeRustBuildCacheApi({
      getEntityScorecard: async () => exemptScorecard,
      getPolicy: async () => ({ policy: POLICY, source: 'config' }),
      getExemptions: async () => [exemption],
      revokeExemption: async id => ({
        ...exemption,
        id,
        state: 'revoked',
        revokedAt: '2026-11-28T09:00:00.000Z',
        revokedBy: 'user:default/guest',
      }),
    });
    await renderCard(api);

    await screen.findByTestId('policy-level');
    const hitRate = ruleRow('effective-hit-rate');
    expect(within(hitRate).getByText('Exempt')).toBeInTheDocument();
    const note = await within(hitRate).findByTestId('exemption-note');
    expect(note).toHaveTextContent(
      'Exempt until 2026-12-31 00:00 UTC: Cold cache after the bucket move (by user:default/platform-lead).',
    );
    // The evidence stays visible under the exemption.
    expect(hitRate).toHaveTextContent('effectiveHitRate: 0.6667');
    expect(api.getExemptions).toHaveBeenCalledWith({
      entityRef: 'component:default/ledger-worker',
      state: 'active',
    });

    await userEvent.click(
      within(note).getByRole('button', { name: 'Revoke exemption' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Revoke' }),
    );

    await waitFor(() =>
      expect(api.revokeExemption).toHaveBeenCalledWith('ex-7', {
        reason: undefined,
      }),
    );
    // The scorecard is read again after the change.
    await waitFor(() =>
      expect(api.getEntityScorecard.mock.calls.length).toBeGreaterThan(1),
    );
  });

  it('adds an exemption for a failing rule of this service', async () => {
    const expiresOn = new Date(Date.now() + 14 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const api = fakeRustBuildCacheApi({
      getEntityScorecard: async () =>
        scorecardOf('component:default/ledger-worker'),
      getPolicy: async () => ({ policy: POLICY, source: 'config' }),
      createExemption: async request => ({
        ...request,
        id: 'ex-8',
        author: 'user:default/guest',
        createdAt: new Date().toISOString(),
        revokedAt: null,
        revokedBy: null,
        state: 'active',
      }),
    });
    await renderCard(api);
    await screen.findByTestId('policy-level');

    await userEvent.click(
      within(ruleRow('cargo-incremental-off')).getByRole('button', {
        name: 'Add exemption from cargo-incremental-off',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText(/Entity/)).toHaveValue(
      'component:default/ledger-worker',
    );
    expect(within(dialog).getByLabelText(/Entity/)).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText(/Reason/), {
      target: { value: 'Incremental stays on until the Bazel move' },
    });
    fireEvent.change(within(dialog).getByLabelText(/Expires on/), {
      target: { value: expiresOn },
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create exemption' }),
    );

    await waitFor(() =>
      expect(api.createExemption).toHaveBeenCalledWith({
        entityRef: 'component:default/ledger-worker',
        ruleId: 'cargo-incremental-off',
        reason: 'Incremental stays on until the Bazel move',
        expiresAt: `${expiresOn}T00:00:00.000Z`,
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });
});
