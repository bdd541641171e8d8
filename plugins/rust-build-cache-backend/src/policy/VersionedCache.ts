/**
 * Answers computed from the policy results, kept while the results' version
 * (`PolicyResultStore.resultsVersion`, raised by every write on any replica) stays the
 * same. The caller reads the version before computing, so a kept answer is never older
 * than the version it is kept under. The least recently used answer goes first once
 * `maxEntries` are kept; a failed computation is not kept.
 */
export class VersionedCache {
  private version = -1;
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(private readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new Error(
        `VersionedCache needs a positive maxEntries, not ${maxEntries}`,
      );
    }
  }

  get<T>(version: number, key: string, compute: () => Promise<T>): Promise<T> {
    if (version > this.version) {
      this.entries.clear();
      this.version = version;
    } else if (version < this.version) {
      // Read before a newer write that another request has seen: answer, but keep nothing.
      return compute();
    }
    const kept = this.entries.get(key) as Promise<T> | undefined;
    if (kept) {
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept;
    }
    if (this.entries.size >= this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    const computed = compute();
    this.entries.set(key, computed);
    computed.catch(() => {
      if (this.entries.get(key) === computed) this.entries.delete(key);
    });
    return computed;
  }
}
