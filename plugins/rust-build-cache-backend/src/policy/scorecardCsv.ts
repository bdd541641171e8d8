import {
  PolicyConfig,
  PolicyResultCounts,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { PolicyResultRow } from './PolicyStore';

/** Result rows as CSV: one column per count and one per configured rule. */
export function scorecardCsv(
  policy: PolicyConfig,
  items: PolicyResultRow[],
): string {
  const ruleIds = policy.rules.map(rule => rule.id);
  const lines = [
    [
      'entity_ref',
      'owner',
      'level',
      'compliant',
      'passed',
      'failed',
      'warned',
      'exempt',
      'not_applicable',
      'insufficient_data',
      'evaluated_at',
      ...ruleIds,
    ],
    ...items.map(row => [
      row.entityRef,
      row.owner ?? '',
      row.level ?? '',
      row.counts.failed === 0 ? 'yes' : 'no',
      ...countValues(row.counts),
      row.evaluatedAt.toISOString(),
      ...ruleIds.map(id => row.outcomes[id] ?? ''),
    ]),
  ];
  return `${lines.map(line => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function countValues(counts: PolicyResultCounts): string[] {
  return [
    counts.passed,
    counts.failed,
    counts.warned,
    counts.exempt,
    counts.notApplicable,
    counts.insufficientData,
  ].map(String);
}

/** RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
