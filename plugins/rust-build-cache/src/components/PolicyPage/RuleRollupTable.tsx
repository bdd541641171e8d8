import { useMemo } from 'react';
import { Table, type TableColumn } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Link from '@material-ui/core/Link';
import type {
  RuleRollup,
  ScorecardSummary,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { formatCount } from '../../format';

type RuleRow = RuleRollup & { id: string };

// Narrow count columns leave the rule names the room (material-table splits it evenly).
const NUMBER_WIDTH = '96px';

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
        cellStyle: { minWidth: 260 },
        render: row => (
          <>
            {row.title}
            <br />
            <code>{row.ruleId}</code>
          </>
        ),
      },
      {
        title: 'Severity',
        field: 'severity',
        width: '100px',
        render: row => (
          <Chip
            size="small"
            variant="outlined"
            label={row.severity}
            color={row.severity === 'error' ? 'secondary' : 'default'}
          />
        ),
      },
      {
        title: 'Failing',
        field: 'failed',
        align: 'right',
        width: NUMBER_WIDTH,
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
      },
      { title: 'Exempt', field: 'exempt', align: 'right', width: NUMBER_WIDTH },
      {
        title: 'Passing',
        field: 'passed',
        align: 'right',
        width: NUMBER_WIDTH,
      },
      {
        title: 'Insufficient data',
        field: 'insufficientData',
        align: 'right',
        width: NUMBER_WIDTH,
      },
      {
        title: 'Not applicable',
        field: 'notApplicable',
        align: 'right',
        width: NUMBER_WIDTH,
      },
    ],
    [onShowFailing],
  );
  return (
    <Table<RuleRow>
      title="Rules"
      subtitle="Services per outcome of each rule. Failing counts failures of error rules and warnings of warning rules; select it to see those services."
      columns={columns}
      data={rows}
      options={{ paging: false, search: false, padding: 'dense' }}
    />
  );
}
