import {
  hitRates,
  type RuleResult,
  type TimeSeries,
} from '@rust-build-cache/plugin-rust-build-cache-common';

/**
 * Rust's effective hit rate over every CI run in the series, taken over the summed counts
 * (as the policy's rule does), so a busy day weighs more than a quiet one. Days stored
 * before per-language metrics mix languages and are left out; null when no day counts.
 */
export function effectiveHitRateOver(series: TimeSeries): {
  effectiveHitRate: number | null;
  runs: number;
} {
  const totals = { hits: 0, misses: 0, avoidableNotCached: 0 };
  let runs = 0;
  for (const point of series.points) {
    if (point.languagesMixed) continue;
    totals.hits += point.hits;
    totals.misses += point.misses;
    totals.avoidableNotCached += point.avoidableNotCached;
    runs += point.runs;
  }
  return { effectiveHitRate: hitRates(totals).effectiveHitRate, runs };
}

/** How urgent an unmet rule is: failed errors first, then failed warnings, then warnings. */
function urgency(result: RuleResult): number | undefined {
  if (result.result === 'fail') return result.severity === 'error' ? 0 : 1;
  if (result.result === 'warn') return 2;
  return undefined;
}

/**
 * The rule to fix first and how many others are unmet, or null when none is. Ties keep the
 * policy's order, which is the order of the results.
 */
export function topFailingRule(
  results: RuleResult[],
): { rule: RuleResult; othersUnmet: number } | null {
  const unmet = results
    .map((rule, index) => ({ rule, index, urgency: urgency(rule) }))
    .filter(
      (entry): entry is typeof entry & { urgency: number } =>
        entry.urgency !== undefined,
    )
    .sort((a, b) => a.urgency - b.urgency || a.index - b.index);
  if (unmet.length === 0) return null;
  return { rule: unmet[0].rule, othersUnmet: unmet.length - 1 };
}
