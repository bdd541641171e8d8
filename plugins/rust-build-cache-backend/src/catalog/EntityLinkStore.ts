import {
  ReportSourceKey,
} from '@rust-build-cache/plugin-rust-build-cache-common';

export interface EntityLink {
  /** Lower-case entity ref, e.g. `component:default/billing`. */
  entityRef: string;
  source: ReportSourceKey;
}

/** Which catalog entity each report source belongs to (table `entity_links`). */
export interface EntityLinkStore {
  /**
   * Replaces all entity links with the given set, atomically; answers the entity refs
   * whose link is new or now names another source.
   */
  replaceEntityLinks(options: {
    links: EntityLink[];
  }): Promise<{ changed: string[] }>;

  upsertEntityLink(options: { link: EntityLink }): Promise<void>;

  getEntityLink(options: {
    entityRef: string;
  }): Promise<EntityLink | undefined>;

  /** The entity whose link names this source; the first by ref if several do. */
  getLinkedEntityRef(options: {
    source: ReportSourceKey;
  }): Promise<string | undefined>;

  /** Every entity linked to a source (several entities may share one workspace), by ref. */
  listLinkedEntityRefs(options: { source: ReportSourceKey }): Promise<string[]>;

  /**
   * Every entity linked to each of the sources, by ref, in one read; keyed by
   * `sourceKeyString`. Sources without a link are absent.
   */
  listLinkedEntityRefsBySource(options: {
    sources: ReportSourceKey[];
  }): Promise<Map<string, string[]>>;
}
