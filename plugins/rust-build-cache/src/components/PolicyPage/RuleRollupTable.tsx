import { useMemo } from 'react';
import {
  SubvalueCell,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Link from '@material-ui/core/Link';
import type {
  RuleRollup,
  ScorecardSummary,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { formatCount } from '../../format';
import { countColumn } from '../shared';

type RuleRow = RuleRollup & { id: string };

/** How often each rule fails across the org, the most failed first. */
export function RuleRollupTable(props: {
  summary: ScorecardSummary;
  /** Shows the services for which the rule fails (or warns) in the services table. */
  onShowFailing: (rule: RuleRollup) => void;
}) {
  const { summary, onShowFailing } = props;
  const rows = useMemo<RuleRow[]>(
    () =>
      [...summary.rules]
        .sort(
          (a, b) =>
            b.failed + b.warned - (a.failed + a.warned) ||
            a.title.localeCompare(b.title),
        )
        .map(rule => ({ ...rule, id: rule.ruleId })),
    [summary.rules],
  );
  const columns = useMemo<TableColumn<RuleRow>[]>(
    () => [
      {
        title: 'Rule',
        field: 'title',
        // Room for the title on two lines at most; the id below it may wrap anywhere.
        cellStyle: { minWidth: 200 },
        render: row => (
          <SubvalueCell
            value={row.title}
            subvalue={
              <code style={{ overflowWrap: 'anywhere' }}>{row.ruleId}</code>
            }
          />
        ),
      },
      {
        title: 'Severity',
        field: 'severity',
        width: '112px',
        render: row => (
          <Chip
            size="small"
            variant="outlined"
            label={row.severity}
            color={row.severity === 'error' ? 'secondary' : 'default'}
          />
        ),
      },
      countColumn<RuleRow>({
        title: 'Failing',
        description:
          'Services failing the rule (an error rule) or warned by it (a warning rule). Select the count to list them.',
        field: 'failed',
        render: row =>
          row.failed + row.warned > 0 ? (
            <Link
              component="button"
              variant="body2"
              onClick={() => onShowFailing(row)}
              aria-label={`Show the services failing ${row.ruleId}`}
            >
              {formatCount(row.failed + row.warned)}
            </Link>
          ) : (
            '0'
          ),
      }),
      countColumn<RuleRow>({
        title: 'Passing',
        description: 'Services that meet the rule.',
        field: 'passed',
      }),
      countColumn<RuleRow>({
        title: 'Exempt',
        description:
          'Services with an unexpired exemption from the rule (see the Exemptions tab).',
        field: 'exempt',
      }),
      countColumn<RuleRow>({
        title: 'No data',
        description:
          'Insufficient data: what the rule needs could not be read (no CI report yet, or a repository Backstage cannot read).',
        field: 'insufficientData',
      }),
      countColumn<RuleRow>({
        title: 'N/A',
        description:
          'Not applicable: the rule does not apply to these services.',
        field: 'notApplicable',
      }),
    ],
    [onShowFailing],
  );
  return (
    <Table<RuleRow>
      title="Rules"
      subtitle="Services per outcome of each rule, the most failed first. Failing counts failures of error rules and warnings of warning rules; select a count to list those services."
      columns={columns}
      data={rows}
      options={{ paging: false, search: false, padding: 'dense' }}
    />
  );
}
