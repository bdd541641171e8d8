import type { BuildCacheReport } from '../report/schema';

/** One compared setting: how to read it from a report and what a change means. */
export interface Comparison {
  key: string;
  label: string;
  read: (report: BuildCacheReport) => string | null;
  affectsCacheKeys:
    | boolean
    | ((base: BuildCacheReport, head: BuildCacheReport) => boolean);
  explain: (
    base: string | null,
    head: string | null,
    reports: { base: BuildCacheReport; head: BuildCacheReport },
  ) => string;
  /** Values that read differently but are the same (a path and the sha256 of that path). */
  same?: (base: BuildCacheReport, head: BuildCacheReport) => boolean;
}
