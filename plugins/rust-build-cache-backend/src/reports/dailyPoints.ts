import {
  DailyPoint,
  hitRates,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { DailyRollup } from './ReportStore';

/**
 * A day's point from its rollup, which sums the same per-run metrics that
 * `combineRunMetrics` sums; the rates come from the same `hitRates` over those sums.
 */
export function toDailyPoint(rollup: DailyRollup): DailyPoint {
  return {
    ...rollup,
    ...hitRates(rollup),
    otherLanguages: rollup.otherLanguages.map(language => ({
      ...language,
      ...hitRates(language),
    })),
  };
}
