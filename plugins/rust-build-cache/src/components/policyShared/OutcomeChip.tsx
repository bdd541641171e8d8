import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { RuleOutcome } from '@rust-build-cache/plugin-rust-build-cache-common';

/** Every outcome in the order the filters list them, with its label. */
export const RULE_OUTCOMES: Array<{ value: RuleOutcome; label: string }> = [
  { value: 'pass', label: 'Pass' },
  { value: 'fail', label: 'Fail' },
  { value: 'warn', label: 'Warning' },
  { value: 'exempt', label: 'Exempt' },
  { value: 'insufficient-data', label: 'Insufficient data' },
  { value: 'not-applicable', label: 'Not applicable' },
];

export function outcomeLabel(outcome: RuleOutcome): string {
  return RULE_OUTCOMES.find(o => o.value === outcome)?.label ?? outcome;
}

const useStyles = makeStyles(theme => ({
  pass: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  fail: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  warn: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  exempt: {
    backgroundColor: theme.palette.info.main,
    color: theme.palette.info.contrastText,
  },
  neutral: {},
}));

/** A rule result's outcome as a coloured chip; the label carries the meaning, not the colour. */
export function OutcomeChip(props: { outcome: RuleOutcome }) {
  const classes = useStyles();
  const { outcome } = props;
  const className =
    outcome === 'pass' ||
    outcome === 'fail' ||
    outcome === 'warn' ||
    outcome === 'exempt'
      ? classes[outcome]
      : classes.neutral;
  return (
    <Chip
      size="small"
      label={outcomeLabel(outcome)}
      className={className}
      data-outcome={outcome}
    />
  );
}
