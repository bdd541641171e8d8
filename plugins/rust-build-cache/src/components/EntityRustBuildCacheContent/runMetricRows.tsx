import Typography from '@material-ui/core/Typography';
import {
  CACHE_FAILURE_KINDS,
  type CacheFailureKind,
  type LanguageMetrics,
  type RunMetrics,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { formatCount, formatPercent, formatSeconds } from '../../format';
import type { LabelledRow } from './LabelledRows';

function Caption(props: { children: React.ReactNode }) {
  return (
    <Typography variant="caption" color="textSecondary" component="p">
      {props.children}
    </Typography>
  );
}

function describeExcluded(metrics: RunMetrics): string {
  if (metrics.excludedFromEffective.length === 0)
    return 'The effective hit rate leaves nothing out.';
  const parts = metrics.excludedFromEffective.map(
    ({ reason, count }) => `"${reason}" × ${formatCount(count)}`,
  );
  return `The effective hit rate leaves out ${parts.join(', ')}.`;
}

function LanguageNumbers(props: { language: LanguageMetrics }) {
  const { language } = props;
  return (
    <>
      hit rate {formatPercent(language.hitRate)}, effective{' '}
      {formatPercent(language.effectiveHitRate)}
      <Caption>
        {formatCount(language.hits)} hits, {formatCount(language.misses)}{' '}
        misses, {formatCount(language.errors)} cache errors
      </Caption>
    </>
  );
}

/** Rust first (the headline), then every other language sccache counted, each on its own. */
export function languageRows(metrics: RunMetrics): LabelledRow[] {
  const rows: LabelledRow[] = metrics.languages.map(language => ({
    label: language.language,
    value: <LanguageNumbers language={language} />,
  }));
  if (!metrics.rustCompiled) {
    rows.unshift({
      label: 'Rust',
      value: (
        <>
          No Rust compilations went through sccache
          <Caption>
            There is no Rust hit rate for this run. Set RUSTC_WRAPPER to sccache
            for cargo if Rust should be cached.
          </Caption>
        </>
      ),
    });
  }
  if (metrics.rustCompiled)
    rows.push({
      label: 'Left out',
      value: <Caption>{describeExcluded(metrics)}</Caption>,
    });
  if (metrics.sharedReasons.length > 0)
    rows.push({
      label: 'Shared reasons',
      value: (
        <Caption>
          {metrics.sharedReasons
            .map(
              s =>
                `"${s.reason}" × ${formatCount(
                  s.count,
                )} counts against ${s.languages.join(' and ')}`,
            )
            .join('; ')}
          : sccache does not say which compiler reported it.
        </Caption>
      ),
    });
  return rows;
}

const FAILURE_ORDER: CacheFailureKind[] = [
  'timeouts',
  'readErrors',
  'writeErrors',
  'errorsBeforeLookup',
];

/** One row per failure kind; a meaning and a fix for the kinds that happened. */
export function failureRows(metrics: RunMetrics): LabelledRow[] {
  const { failures } = metrics;
  return FAILURE_ORDER.map(kind => {
    const { label, meaning, fix } = CACHE_FAILURE_KINDS[kind];
    const count = failures[kind];
    const uncounted = kind === 'writeErrors' && !failures.writeErrorsCounted;
    return {
      label,
      value: (
        <>
          {formatCount(count)}
          {uncounted && (
            <Caption>
              Not counted: sccache before 0.6 counts a failed write as a write.
            </Caption>
          )}
          {count > 0 && (
            <Caption>
              {meaning} Fix: {fix}
            </Caption>
          )}
        </>
      ),
    };
  });
}

export function savedTimeRow(metrics: RunMetrics): LabelledRow {
  return {
    label: 'Estimated compile time saved',
    value: (
      <>
        {metrics.estimatedSecondsSaved === null
          ? 'not estimated: the run compiled nothing to take a mean compile time from'
          : `about ${formatSeconds(metrics.estimatedSecondsSaved)}`}
        <Caption>
          An estimate over all languages: hits × the mean compile time in this
          run, minus the time spent reading hits. sccache does not record what a
          hit would have cost to compile.
        </Caption>
      </>
    ),
  };
}
