import {
  FleetLatestReport,
  FleetSavingsDay,
  FleetTimingsInput,
} from '@rust-build-cache/plugin-rust-build-cache-common';

/**
 * The fleet insights' reads: narrow projections of the stored CI reports of the linked
 * services, and of the daily rollups. The fleet feature owns no tables; it reads those of the reports and catalog
 * features.
 */
export interface FleetStore {
  /** The latest CI report of every linked entity that has one. */
  listLatestCiReports(): Promise<FleetLatestReport[]>;

  /**
   * Every CI report of a linked entity finished at or after `from` with at least one Rust
   * miss: its misses and kept cargo timings (an entity per link, so a workspace linked to
   * two entities counts for both).
   */
  listCiTimings(options: { from: Date }): Promise<FleetTimingsInput[]>;

  /**
   * Per UTC day from `fromDay` on, from the daily rollups of CI runs: runs, Rust hits, and
   * each workspace's hits priced at its compile seconds per Rust miss over the same days
   * (hits of workspaces without a miss are returned as unpriced).
   */
  listDailySavings(options: { fromDay: string }): Promise<FleetSavingsDay[]>;
}
