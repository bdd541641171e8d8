import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { RuleEvidence } from '@rust-build-cache/plugin-rust-build-cache-common';
import { NOT_AVAILABLE } from '../../format';

function formatEvidenceValue(value: number | string | null): string {
  if (value === null) return NOT_AVAILABLE;
  if (typeof value === 'number') {
    return Number.isInteger(value)
      ? value.toLocaleString('en-US')
      : value.toLocaleString('en-US', { maximumFractionDigits: 4 });
  }
  return value;
}

/** The numbers a rule result rests on, and the CI runs they came from. */
export function EvidenceList(props: { evidence: RuleEvidence }) {
  const { numbers, runIds } = props.evidence;
  const entries = Object.entries(numbers);
  if (entries.length === 0 && runIds.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No evidence recorded.
      </Typography>
    );
  }
  return (
    <Box>
      {entries.length > 0 && (
        <Box component="dl" m={0} data-testid="evidence-numbers">
          {entries.map(([key, value]) => (
            <Typography key={key} variant="body2" component="div">
              <Box component="dt" display="inline" fontWeight="fontWeightBold">
                {key}:
              </Box>{' '}
              <Box component="dd" display="inline" m={0}>
                {formatEvidenceValue(value)}
              </Box>
            </Typography>
          ))}
        </Box>
      )}
      {runIds.length > 0 && (
        <Typography variant="body2" component="div">
          <Box component="span" fontWeight="fontWeightBold">
            CI runs:
          </Box>{' '}
          {runIds.map((runId, index) => (
            <span key={`${runId}-${index}`}>
              {index > 0 && ', '}
              <code>{runId}</code>
            </span>
          ))}
        </Typography>
      )}
    </Box>
  );
}
