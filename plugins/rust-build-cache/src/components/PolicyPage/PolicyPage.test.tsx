import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  DEFAULT_POLICY,
  type ExemptionAuditEntry,
  type ExemptionRecord,
  type ScorecardSummary,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { rustBuildCacheApiRef, type RustBuildCacheApi } from '../../api';
import { fakeRustBuildCacheApi } from '../../__testUtils__/fakeRustBuildCacheApi';
import {
  demoScorecards,
  rowOf,
  summaryOf,
} from '../../__testUtils__/policyFixtures';
import { PolicyPage } from './PolicyPage';

const scorecards = demoScorecards();
const summary = summaryOf(scorecards);

const notEvaluated: ScorecardSummary = {
  evaluatedAt: null,
  entities: 0,
  compliant: 0,
  compliance: null,
  levels: [],
  owners: [],
  rules: [],
};

const trend = {
  days: 90,
  points: [
    {
      day: '2026-11-27',
      entities: summary.entities,
      compliant: summary.compliant,
      compliance: summary.compliance,
      levels: summary.levels,
    },
  ],
};

const exemption: ExemptionRecord = {
  id: 'ex-1',
  entityRef: 'component:default/ledger-worker',
  ruleId: 'cargo-incremental-off',
  reason: 'Migrating the worker off incremental builds in Q1',
  author: 'user:default/guest',
  createdAt: '2026-11-27T18:00:00.000Z',
  expiresAt: '2027-02-01T00:00:00.000Z',
  revokedAt: null,
  revokedBy: null,
  state: 'active',
};

const created: ExemptionAuditEntry = {
  id: 'audit-1',
  exemptionId: 'ex-1',
  entityRef: exemption.entityRef,
  ruleId: exemption.ruleId,
  action: 'created',
  actor: 'user:default/guest',
  at: '2026-11-27T18:00:00.000Z',
  details: { reason: exemption.reason, expiresAt: exemption.expiresAt },
};

/** What every tab reads: the summary, trend, unmatched sources, entity rows, exemptions. */
function policyApi(overrides: Partial<RustBuildCacheApi> = {}) {
  return fakeRustBuildCacheApi({
    getScorecardSummary: async () => summary,
    getScorecardTrend: async () => trend,
    getUnmatchedSources: async () => [],
    getScorecardEntities: async ({ limit, offset }) => ({
      items: scorecards.map(rowOf).slice(offset, offset + limit),
      total: scorecards.length,
    }),
    getPolicy: async () => ({ policy: DEFAULT_POLICY, source: 'config' }),
    getExemptions: async () => [exemption],
    getExemptionAudit: async () => ({ items: [created], total: 1 }),
    ...overrides,
  });
}

function renderPolicyPage(api: RustBuildCacheApi, path = '/') {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [rustBuildCacheApiRef, api],
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      <PolicyPage />
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

/** Opens the MUI select (the button with a listbox popup, not a same-named header). */
async function chooseOption(selectLabel: string, option: string) {
  const select = screen
    .getAllByRole('button', { name: selectLabel })
    .find(element => element.getAttribute('aria-haspopup') === 'listbox');
  if (!select) throw new Error(`no select labelled ${selectLabel}`);
  await userEvent.click(select);
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

function inTheFuture(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('PolicyPage, overview', () => {
  it('shows the org compliance, the share per level, the teams and the failing rules', async () => {
    await renderPolicyPage(policyApi());

    expect(
      screen.getByRole('heading', { name: 'Build cache policy' }),
    ).toBeInTheDocument();
    // billing-api passes every error rule; the other three demo services fail at least one.
    expect(await screen.findByTestId('org-compliance')).toHaveTextContent(
      '25.0%',
    );
    expect(screen.getByTestId('share-Bronze')).toHaveTextContent(
      '100.0% (4 of 4)',
    );
    expect(screen.getByTestId('share-Gold')).toHaveTextContent(
      '25.0% (1 of 4)',
    );

    const payments = screen.getByText('payments').closest('tr') as HTMLElement;
    // ledger-worker fails cargo-incremental-off, toolchain-pinned-exact and
    // effective-hit-rate; billing-api fails nothing.
    expect(within(payments).getByText('50.0% (1)')).toBeInTheDocument();
    expect(within(payments).getByText('3')).toBeInTheDocument();
    expect(screen.getByText('No owner')).toBeInTheDocument();

    const pinnedRule = screen
      .getByText('toolchain-pinned-exact')
      .closest('tr') as HTMLElement;
    // Three services have no exact pin.
    expect(within(pinnedRule).getAllByRole('cell')[2]).toHaveTextContent('3');
    expect(screen.getByText('Compliance, last 90 days')).toBeInTheDocument();
    expect(
      await screen.findByText(
        'Every report received so far matches a catalog entity.',
      ),
    ).toBeInTheDocument();
  });

  it('keeps the rules table narrow: the rule id under its title, short count headers explained on hover', async () => {
    await renderPolicyPage(policyApi());

    const pinnedRule = (
      await screen.findByText('toolchain-pinned-exact')
    ).closest('tr') as HTMLElement;
    const rules = pinnedRule.closest('table') as HTMLElement;
    expect(
      within(rules)
        .getAllByRole('columnheader')
        .map(header => header.textContent),
    ).toEqual([
      'Rule',
      'Severity',
      'Failing',
      'Passing',
      'Exempt',
      'No data',
      'N/A',
    ]);
    // Title and id share the first cell, the id as secondary text.
    expect(within(pinnedRule).getAllByRole('cell')[0]).toHaveTextContent(
      'Toolchain pinned to an exact releasetoolchain-pinned-exact',
    );

    await userEvent.hover(within(rules).getByText('No data'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      /^Insufficient data: what the rule needs could not be read/,
    );

    const teams = screen.getByText('payments').closest('table') as HTMLElement;
    expect(
      within(teams)
        .getAllByRole('columnheader')
        .map(header => header.textContent),
    ).toEqual([
      'Owner',
      'Services',
      'Compliance',
      'Bronze',
      'Silver',
      'Gold',
      'Failing rules',
      'Warnings',
    ]);
    await userEvent.unhover(within(rules).getByText('No data'));
    await userEvent.hover(within(teams).getByText('Gold'));
    expect(
      await screen.findByText('Services at level Gold or above.'),
    ).toBeInTheDocument();
  });

  it("opens the services failing a rule from the rule's failure count", async () => {
    const api = policyApi();
    await renderPolicyPage(api);

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Show the services failing toolchain-pinned-exact',
      }),
    );

    expect(await screen.findByText('Services (4)')).toBeInTheDocument();
    expect(api.getScorecardEntities).toHaveBeenLastCalledWith({
      ruleId: 'toolchain-pinned-exact',
      result: 'fail',
      limit: 25,
      offset: 0,
    });
    expect(
      screen.getByRole('button', { name: 'Clear filters' }),
    ).toBeInTheDocument();
    // A rule that no service fails has nothing to show.
    expect(
      screen.queryByRole('button', {
        name: 'Show the services failing rustc-wrapper-sccache',
      }),
    ).not.toBeInTheDocument();
  });

  it('says no evaluation has run yet, and still lists unmatched sources', async () => {
    await renderPolicyPage(
      policyApi({ getScorecardSummary: async () => notEvaluated }),
    );

    expect(await screen.findByText('No evaluation yet')).toBeInTheDocument();
    expect(screen.queryByTestId('org-compliance')).not.toBeInTheDocument();
    expect(
      await screen.findByText(
        'Every report received so far matches a catalog entity.',
      ),
    ).toBeInTheDocument();
  });

  it('shows the server error when the summary cannot be loaded', async () => {
    const response = new Response(
      JSON.stringify({
        error: { name: 'NotAllowedError', message: 'Unauthorized' },
        request: { method: 'GET', url: '/scorecards/summary' },
        response: { statusCode: 403 },
      }),
      { status: 403, headers: { 'content-type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response);
    await renderPolicyPage(
      policyApi({ getScorecardSummary: () => Promise.reject(error) }),
    );

    expect(await screen.findByText('Unauthorized')).toBeInTheDocument();
  });

  it('lists report sources that match no catalog entity', async () => {
    await renderPolicyPage(
      policyApi({
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
});

describe('PolicyPage, services', () => {
  it('lists every evaluated service and asks the backend again for each filter', async () => {
    const api = policyApi();
    await renderPolicyPage(api, '/?tab=services');

    const ledger = (await screen.findByText('ledger-worker')).closest(
      'tr',
    ) as HTMLElement;
    expect(within(ledger).getByText('Bronze')).toBeInTheDocument();
    expect(screen.getByText('Services (4)')).toBeInTheDocument();
    expect(api.getScorecardEntities).toHaveBeenLastCalledWith({
      limit: 25,
      offset: 0,
    });

    await chooseOption('Result', 'Fail');
    await waitFor(() =>
      expect(api.getScorecardEntities).toHaveBeenLastCalledWith(
        expect.objectContaining({ result: 'fail', limit: 25, offset: 0 }),
      ),
    );
    await chooseOption('Owner', 'group:default/payments');
    await chooseOption('Rule', 'Effective hit rate');
    await chooseOption('Level', 'Bronze');

    await waitFor(() =>
      expect(api.getScorecardEntities).toHaveBeenLastCalledWith({
        owner: 'group:default/payments',
        ruleId: 'effective-hit-rate',
        result: 'fail',
        level: 'bronze',
        limit: 25,
        offset: 0,
      }),
    );
    // With a rule chosen, the table shows that rule's outcome per service.
    const row = (await screen.findByText('ledger-worker')).closest(
      'tr',
    ) as HTMLElement;
    expect(within(row).getByText('Fail')).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    await waitFor(() =>
      expect(api.getScorecardEntities).toHaveBeenLastCalledWith({
        limit: 25,
        offset: 0,
      }),
    );
  });

  it('downloads the CSV of the filtered services', async () => {
    const csv = new Blob(
      ['entityRef,level\ncomponent:default/billing-api,gold\n'],
      {
        type: 'text/csv',
      },
    );
    const api = policyApi({ downloadScorecardCsv: async () => csv });
    const createObjectURL = jest.fn(() => 'blob:scorecards');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: HTMLAnchorElement[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        clicked.push(this);
      });
    try {
      await renderPolicyPage(api, '/?tab=services');
      await screen.findByText('ledger-worker');
      await chooseOption('Result', 'Warning');

      await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

      await waitFor(() => expect(clicked).toHaveLength(1));
      expect(api.downloadScorecardCsv).toHaveBeenCalledWith({
        result: 'warn',
      });
      expect(createObjectURL).toHaveBeenCalledWith(csv);
      expect(clicked[0].getAttribute('href')).toBe('blob:scorecards');
      expect(clicked[0].download).toMatch(
        /^build-cache-scorecards-\d{4}-\d{2}-\d{2}\.csv$/,
      );
      expect(revokeObjectURL).toHaveBeenCalledWith('blob:scorecards');
    } finally {
      click.mockRestore();
    }
  });

  it('says so when the export fails', async () => {
    const api = policyApi({
      downloadScorecardCsv: () => Promise.reject(new Error('gateway timeout')),
    });
    await renderPolicyPage(api, '/?tab=services');
    await screen.findByText('ledger-worker');

    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

    expect(await screen.findByTestId('csv-export-error')).toHaveTextContent(
      'gateway timeout',
    );
  });
});

describe('PolicyPage, exemptions', () => {
  async function openCreateDialog() {
    await userEvent.click(
      await screen.findByRole('button', { name: 'Add exemption' }),
    );
    const dialog = await screen.findByRole('dialog');
    return dialog;
  }

  async function fillForm(dialog: HTMLElement, values: { expiresOn?: string }) {
    fireEvent.change(within(dialog).getByLabelText(/Entity/), {
      target: { value: 'component:default/search-indexer' },
    });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Rule' }));
    await userEvent.click(
      await screen.findByRole('option', {
        name: /toolchain-pinned-exact/,
      }),
    );
    fireEvent.change(within(dialog).getByLabelText(/Reason/), {
      target: { value: 'Needs nightly for portable SIMD' },
    });
    if (values.expiresOn) {
      fireEvent.change(within(dialog).getByLabelText(/Expires on/), {
        target: { value: values.expiresOn },
      });
    }
  }

  it('lists the active exemptions and the audit log', async () => {
    const api = policyApi();
    await renderPolicyPage(api, '/?tab=exemptions');

    const row = (
      await screen.findByText(
        'Migrating the worker off incremental builds in Q1',
      )
    ).closest('tr') as HTMLElement;
    expect(within(row).getByText('cargo-incremental-off')).toBeInTheDocument();
    expect(within(row).getByText('2027-02-01 00:00 UTC')).toBeInTheDocument();
    expect(api.getExemptions).toHaveBeenCalledWith({
      entityRef: undefined,
      state: 'active',
    });

    expect(await screen.findByText('Audit log')).toBeInTheDocument();
    const auditRow = screen
      .getByText(
        'reason: Migrating the worker off incremental builds in Q1; expiresAt: 2027-02-01T00:00:00.000Z',
      )
      .closest('tr') as HTMLElement;
    expect(within(auditRow).getByText('Created')).toBeInTheDocument();
    expect(
      within(auditRow).getByText('user:default/guest'),
    ).toBeInTheDocument();
    expect(
      within(auditRow).getByText('2026-11-27 18:00 UTC'),
    ).toBeInTheDocument();

    await chooseOption('State', 'Revoked');
    await waitFor(() =>
      expect(api.getExemptions).toHaveBeenLastCalledWith({
        entityRef: undefined,
        state: 'revoked',
      }),
    );
  });

  it('refuses an exemption without an expiry date', async () => {
    const api = policyApi();
    await renderPolicyPage(api, '/?tab=exemptions');
    const dialog = await openCreateDialog();

    await fillForm(dialog, {});
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create exemption' }),
    );

    expect(
      within(dialog).getByText('An exemption must have an expiry date.'),
    ).toBeInTheDocument();
    expect(api.createExemption).not.toHaveBeenCalled();
  });

  it('refuses an expiry date in the past, and names every missing field', async () => {
    const api = policyApi();
    await renderPolicyPage(api, '/?tab=exemptions');
    const dialog = await openCreateDialog();

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create exemption' }),
    );
    expect(
      within(dialog).getByText(/Enter the entity ref of the service/),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('Choose the rule to exempt the service from.'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('Give the reason for the exemption.'),
    ).toBeInTheDocument();

    await fillForm(dialog, { expiresOn: inTheFuture(-1) });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create exemption' }),
    );

    expect(
      within(dialog).getByText('The expiry date must be after today.'),
    ).toBeInTheDocument();
    expect(api.createExemption).not.toHaveBeenCalled();
  });

  it('creates an exemption and reloads the list and the audit log', async () => {
    const expiresOn = inTheFuture(30);
    const api = policyApi({
      createExemption: async request => ({
        ...exemption,
        ...request,
        id: 'ex-2',
      }),
    });
    await renderPolicyPage(api, '/?tab=exemptions');
    await screen.findByText(
      'Migrating the worker off incremental builds in Q1',
    );
    const listCalls = api.getExemptions.mock.calls.length;
    const auditCalls = api.getExemptionAudit.mock.calls.length;
    const dialog = await openCreateDialog();

    await fillForm(dialog, { expiresOn });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create exemption' }),
    );

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.createExemption).toHaveBeenCalledWith({
      entityRef: 'component:default/search-indexer',
      ruleId: 'toolchain-pinned-exact',
      reason: 'Needs nightly for portable SIMD',
      expiresAt: `${expiresOn}T00:00:00.000Z`,
    });
    await waitFor(() => {
      expect(api.getExemptions.mock.calls.length).toBeGreaterThan(listCalls);
      expect(api.getExemptionAudit.mock.calls.length).toBeGreaterThan(
        auditCalls,
      );
    });
  });

  it("shows the server's reason when it refuses the exemption", async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          name: 'InputError',
          message: 'expiresAt is more than 365 days away',
        },
        request: { method: 'POST', url: '/exemptions' },
        response: { statusCode: 400 },
      }),
      { status: 400, headers: { 'content-type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response);
    const api = policyApi({ createExemption: () => Promise.reject(error) });
    await renderPolicyPage(api, '/?tab=exemptions');
    const dialog = await openCreateDialog();

    await fillForm(dialog, { expiresOn: inTheFuture(30) });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create exemption' }),
    );

    expect(
      await within(dialog).findByTestId('create-exemption-error'),
    ).toHaveTextContent('expiresAt is more than 365 days away');
  });

  it('revokes an exemption after asking', async () => {
    const api = policyApi({
      revokeExemption: async id => ({
        ...exemption,
        id,
        state: 'revoked',
        revokedAt: '2026-11-28T09:00:00.000Z',
        revokedBy: 'user:default/guest',
      }),
    });
    await renderPolicyPage(api, '/?tab=exemptions');

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Revoke exemption of component:default/ledger-worker from cargo-incremental-off',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Revoke exemption?');
    expect(api.revokeExemption).not.toHaveBeenCalled();
    fireEvent.change(within(dialog).getByLabelText(/Reason for revoking/), {
      target: { value: 'incremental is off now' },
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Revoke' }),
    );

    await waitFor(() =>
      expect(api.revokeExemption).toHaveBeenCalledWith('ex-1', {
        reason: 'incremental is off now',
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });
});
