import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { alpha, makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import type {
  ReportDifference,
  RunComparison,
  RunSummary,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { useRunComparison } from '../../hooks';
import {
  formatCount,
  formatPercent,
  formatSeconds,
  formatTimestamp,
  NOT_AVAILABLE,
  shortCommit,
} from '../../format';
import type { RunSelection } from './RunListCard';

const useStyles = makeStyles(theme => ({
  affectsCacheKeys: {
    backgroundColor: alpha(theme.palette.warning.main, 0.15),
  },
}));

const NOTHING_DIFFERS =
  'No cache-key inputs differ; misses come from changed sources or an evicted cache';

const RUN_FACTS: Array<{ label: string; value: (run: RunSummary) => string }> =
  [
    { label: 'Finished', value: run => formatTimestamp(run.finishedAt) },
    { label: 'Branch', value: run => run.branch ?? NOT_AVAILABLE },
    { label: 'Commit', value: run => shortCommit(run.commit) },
    { label: 'Job', value: run => run.job },
    {
      label: 'Compile requests',
      value: run => formatCount(run.metrics?.requests),
    },
    { label: 'Rust hits', value: run => formatCount(run.metrics?.hits) },
    { label: 'Rust misses', value: run => formatCount(run.metrics?.misses) },
    {
      label: 'Rust cache errors',
      value: run => formatCount(run.metrics?.errors),
    },
    {
      label: 'Rust hit rate',
      value: run => formatPercent(run.metrics?.hitRate),
    },
    {
      label: 'Rust effective hit rate',
      value: run => formatPercent(run.metrics?.effectiveHitRate),
    },
    {
      label: 'Compiler time',
      value: run => formatSeconds(run.metrics?.compileSeconds),
    },
  ];

/** The hit rate of each other language group (C/C++ from build scripts, …) either run compiled. */
function otherLanguageFacts(
  runs: RunSummary[],
): Array<{ label: string; value: (run: RunSummary) => string }> {
  const languages = [
    ...new Set(
      runs.flatMap(run =>
        (run.metrics?.languages ?? [])
          .map(language => language.language)
          .filter(language => language !== 'Rust'),
      ),
    ),
  ].sort();
  return languages.map(language => ({
    label: `${language} hit rate`,
    value: run =>
      formatPercent(
        run.metrics?.languages.find(l => l.language === language)?.hitRate,
      ),
  }));
}

function RunMetricsSideBySide(props: { base: RunSummary; head: RunSummary }) {
  const { base, head } = props;
  const facts = [...RUN_FACTS, ...otherLanguageFacts([base, head])];
  return (
    <Table size="small" aria-label="metrics of both runs">
      <TableHead>
        <TableRow>
          <TableCell />
          <TableCell>Base</TableCell>
          <TableCell>Head</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {facts.map(fact => (
          <TableRow key={fact.label}>
            <TableCell component="th" scope="row">
              {fact.label}
            </TableCell>
            <TableCell>{fact.value(base)}</TableCell>
            <TableCell>{fact.value(head)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function DifferencesTable(props: { differences: ReportDifference[] }) {
  const classes = useStyles();
  return (
    <Table size="small" aria-label="settings that differ">
      <TableHead>
        <TableRow>
          <TableCell>Setting</TableCell>
          <TableCell>Base</TableCell>
          <TableCell>Head</TableCell>
          <TableCell>Why it matters</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.differences.map(difference => (
          <TableRow
            key={difference.key}
            className={
              difference.affectsCacheKeys ? classes.affectsCacheKeys : undefined
            }
          >
            <TableCell component="th" scope="row">
              {difference.label}
              {difference.affectsCacheKeys && (
                <Box mt={0.5}>
                  <Chip size="small" label="changes cache keys" />
                </Box>
              )}
            </TableCell>
            <TableCell>{difference.base ?? NOT_AVAILABLE}</TableCell>
            <TableCell>{difference.head ?? NOT_AVAILABLE}</TableCell>
            <TableCell>{difference.explanation}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function ComparisonDetails(props: { comparison: RunComparison }) {
  const { base, head, differences } = props.comparison;
  const cacheKeysDiffer = differences.some(d => d.affectsCacheKeys);
  return (
    <>
      {!cacheKeysDiffer && <Alert severity="info">{NOTHING_DIFFERS}</Alert>}
      {differences.length > 0 && <DifferencesTable differences={differences} />}
      <Box mt={2}>
        <RunMetricsSideBySide base={base} head={head} />
      </Box>
    </>
  );
}

function Comparison(props: { baseId: string; headId: string }) {
  const { loading, error, value } = useRunComparison(
    props.baseId,
    props.headId,
  );
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  return value ? <ComparisonDetails comparison={value} /> : null;
}

/** What differs between two chosen runs, and what each difference does to the cache. */
export function RunComparisonCard(props: { selection: RunSelection }) {
  const { baseId, headId } = props.selection;
  const ready = baseId && headId && baseId !== headId;
  return (
    <InfoCard title="Compare runs">
      {ready ? (
        <Comparison baseId={baseId} headId={headId} />
      ) : (
        <Typography variant="body2">
          Pick a base run and a different head run in the run list to see which
          cache-key inputs changed between them.
        </Typography>
      )}
    </InfoCard>
  );
}
