import Typography from '@material-ui/core/Typography';
import type { CacheLevelMetrics } from '@rust-build-cache/plugin-rust-build-cache-common';
import { formatCount, formatPercent, NOT_AVAILABLE } from '../../format';
import { LabelledRows } from './LabelledRows';

/** Where a level keeps its entries: bucket and prefix, or the disk path. */
const where = (level: CacheLevelMetrics) =>
  [level.bucket, level.prefix, level.path].filter(Boolean).join(' ') ||
  level.location;

const count = (value: number | null) =>
  value === null ? NOT_AVAILABLE : formatCount(value);

function LevelNumbers(props: { level: CacheLevelMetrics }) {
  const { level } = props;
  return (
    <>
      {level.countsRecorded ? (
        <>
          hit rate {formatPercent(level.hitRate)} ({formatCount(level.hits)}{' '}
          hits, {formatCount(level.misses)} misses)
        </>
      ) : (
        'hits and misses not counted'
      )}
      <Typography variant="caption" color="textSecondary" component="p">
        {level.backend} {where(level)} · {formatCount(level.writes)} writes,{' '}
        {formatCount(level.writeFailures)} failed · copied in{' '}
        {count(level.backfillsTo)}, out {count(level.backfillsFrom)}
      </Typography>
    </>
  );
}

/**
 * The levels of a multi-level cache (sccache 0.15+), in lookup order, one row each so that
 * they fit the card at any width.
 */
export function CacheLevelsTable(props: { levels: CacheLevelMetrics[] }) {
  return (
    <>
      <LabelledRows
        aria-label="cache levels"
        rows={props.levels.map(level => ({
          label: level.name,
          value: <LevelNumbers level={level} />,
        }))}
      />
      <Typography variant="caption" color="textSecondary" component="p">
        A level's hit rate is over the lookups that reached it: a hit at L1 was
        a miss at L0. Copied in: entries found at slower levels and copied into
        this one; out: entries found here and copied into faster ones.
        {props.levels.some(level => !level.countsRecorded) &&
          ' In client-side mode (SCCACHE_CLIENT_SIDE) the wrappers read the cache themselves, and sccache counts no hits or misses per level.'}
      </Typography>
    </>
  );
}
