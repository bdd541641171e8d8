import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import type {
  RuleOutcome,
  ScorecardSummary,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import type { ScorecardEntityFilter } from '../../api';
import { RULE_OUTCOMES } from '../policyShared';

const ANY = '';

function FilterSelect(props: {
  label: string;
  value: string | undefined;
  options: Array<{ value: string; label: string }>;
  onChange: (value: string | undefined) => void;
}) {
  const { label, value, options, onChange } = props;
  return (
    <TextField
      select
      label={label}
      value={value ?? ANY}
      onChange={e =>
        onChange(e.target.value === ANY ? undefined : e.target.value)
      }
      variant="outlined"
      size="small"
      style={{ minWidth: 200 }}
      SelectProps={{ SelectDisplayProps: { 'aria-label': label } }}
    >
      <MenuItem value={ANY}>
        <em>Any</em>
      </MenuItem>
      {options.map(option => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Owner, rule, result and level filters of the entity table; options from the summary. */
export function EntityFilters(props: {
  summary: ScorecardSummary;
  filter: ScorecardEntityFilter;
  onChange: (filter: ScorecardEntityFilter) => void;
}) {
  const { summary, filter, onChange } = props;
  const owners = summary.owners
    .map(owner => owner.owner)
    .filter((owner): owner is string => owner !== null)
    .sort();
  const isFiltered = Object.values(filter).some(value => value !== undefined);
  return (
    <Box display="flex" flexWrap="wrap" alignItems="center" style={{ gap: 16 }}>
      <FilterSelect
        label="Owner"
        value={filter.owner}
        options={owners.map(owner => ({ value: owner, label: owner }))}
        onChange={owner => onChange({ ...filter, owner })}
      />
      <FilterSelect
        label="Rule"
        value={filter.ruleId}
        options={summary.rules.map(rule => ({
          value: rule.ruleId,
          label: rule.title,
        }))}
        onChange={ruleId => onChange({ ...filter, ruleId })}
      />
      <FilterSelect
        label="Result"
        value={filter.result}
        options={RULE_OUTCOMES}
        onChange={result =>
          onChange({ ...filter, result: result as RuleOutcome | undefined })
        }
      />
      <FilterSelect
        label="Level"
        value={filter.level}
        options={summary.levels.map(level => ({
          value: level.levelId,
          label: level.title,
        }))}
        onChange={level => onChange({ ...filter, level })}
      />
      {isFiltered && (
        <Button size="small" onClick={() => onChange({})}>
          Clear filters
        </Button>
      )}
    </Box>
  );
}
