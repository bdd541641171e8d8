/** Outcome of the last pull of an entity from a CI provider. */
export interface EntityPullStatus {
  entityRef: string;
  providerId: string;
  lastPulledAt: Date;
  /** Last pull that ran to the end (per-run errors aside); null if none did yet. */
  lastSuccessAt: Date | null;
  /** Reports newly stored by the last pull. */
  lastIngested: number;
  /** Why the last pull stopped early, or its per-run errors; null when it had none. */
  lastError: string | null;
  rateLimitedUntil: Date | null;
}

/** Pull cursors per provider and repository, and each entity's pull status. */
export interface PullStateStore {
  /** Where a pull provider resumes for a repository; undefined before its first pull. */
  getPullCursor(options: {
    providerId: string;
    repository: string;
  }): Promise<string | undefined>;

  setPullCursor(options: {
    providerId: string;
    repository: string;
    cursor: string;
  }): Promise<void>;

  getEntityPullStatus(options: {
    entityRef: string;
  }): Promise<EntityPullStatus | undefined>;

  /** Records the outcome of a pull for each given status (one per entity). */
  upsertEntityPullStatuses(options: {
    statuses: EntityPullStatus[];
  }): Promise<void>;
}
