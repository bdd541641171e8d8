import { useState } from 'react';
import {
  Content,
  EmptyState,
  Header,
  HeaderTabs,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import type {
  RuleRollup,
  ScorecardSummary,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { useSearchParams } from 'react-router-dom';
import type { ScorecardEntityFilter } from '../../api';
import { useReloadKey, useScorecardSummary } from '../../hooks';
import { ComplianceTrendCard } from './ComplianceTrendCard';
import { FleetTab } from '../FleetTab';
import { EntityScorecardTable } from './EntityScorecardTable';
import { ExemptionsTab } from './ExemptionsTab';
import { OrgSummaryCard } from './OrgSummaryCard';
import { OwnerRollupTable } from './OwnerRollupTable';
import { RuleRollupTable } from './RuleRollupTable';
import { UnmatchedSourcesCard } from './UnmatchedSourcesCard';

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'services', label: 'Services' },
  { id: 'exemptions', label: 'Exemptions' },
  { id: 'fleet', label: 'Fleet' },
];

type SummaryState = ReturnType<typeof useScorecardSummary>;

function NotEvaluatedYet() {
  return (
    <EmptyState
      missing="data"
      title="No evaluation yet"
      description={
        <>
          No service has been evaluated against the caching policy (
          <code>rustBuildCache.policy</code> in app-config, or the built-in
          default) yet. Services are evaluated when their build-cache reports
          arrive, and all of them every night.
        </>
      }
    />
  );
}

/** Loading, error and "not evaluated yet" of the summary, around what needs it. */
function WithSummary(props: {
  summary: SummaryState;
  children: (summary: ScorecardSummary) => JSX.Element;
}) {
  const { loading, error, value } = props.summary;
  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value || value.evaluatedAt === null || value.entities === 0) {
    return <NotEvaluatedYet />;
  }
  return props.children(value);
}

function OverviewTab(props: {
  summary: SummaryState;
  onShowFailing: (rule: RuleRollup) => void;
}) {
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <WithSummary summary={props.summary}>
          {summary => (
            <Grid container spacing={3}>
              <Grid item xs={12}>
                <OrgSummaryCard summary={summary} />
              </Grid>
              <Grid item xs={12}>
                <ComplianceTrendCard />
              </Grid>
              {/* Full width: side by side, the rule names and the last columns got squeezed. */}
              <Grid item xs={12}>
                <RuleRollupTable
                  summary={summary}
                  onShowFailing={props.onShowFailing}
                />
              </Grid>
              <Grid item xs={12}>
                <OwnerRollupTable summary={summary} />
              </Grid>
            </Grid>
          )}
        </WithSummary>
      </Grid>
      <Grid item xs={12}>
        <UnmatchedSourcesCard />
      </Grid>
    </Grid>
  );
}

/**
 * The caching-policy scorecards of the organisation: an overview (compliance, levels,
 * teams, rules and the 90-day trend), every service with filters and CSV export, and the
 * exemptions with their audit log, and fleet insights (`?tab=fleet`). The tab is kept in the URL (`?tab=services`).
 */
export function PolicyPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const tabIndex = Math.max(
    0,
    TABS.findIndex(tab => tab.id === searchParams.get('tab')),
  );
  const [summaryReloadKey, reloadSummary] = useReloadKey();
  const summary = useScorecardSummary(summaryReloadKey);
  const [filter, setFilter] = useState<ScorecardEntityFilter>({});

  const selectTab = (index: number) => {
    const next = new URLSearchParams(searchParams);
    if (index === 0) next.delete('tab');
    else next.set('tab', TABS[index].id);
    setSearchParams(next, { replace: true });
  };

  const showFailing = (rule: RuleRollup) => {
    setFilter({
      ruleId: rule.ruleId,
      result: rule.severity === 'error' ? 'fail' : 'warn',
    });
    selectTab(1);
  };

  return (
    <Page themeId="tool">
      <Header
        title="Build cache policy"
        subtitle="How well each Rust service follows the organisation's build caching policy"
      />
      <HeaderTabs tabs={TABS} selectedIndex={tabIndex} onChange={selectTab} />
      <Content>
        {tabIndex === 0 && (
          <OverviewTab summary={summary} onShowFailing={showFailing} />
        )}
        {tabIndex === 1 && (
          <WithSummary summary={summary}>
            {value => (
              <EntityScorecardTable
                summary={value}
                filter={filter}
                onFilterChange={setFilter}
              />
            )}
          </WithSummary>
        )}
        {tabIndex === 2 && <ExemptionsTab onChanged={reloadSummary} />}
        {tabIndex === 3 && <FleetTab />}
      </Content>
    </Page>
  );
}
