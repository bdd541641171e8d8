import { LoggerService } from '@backstage/backend-plugin-api';
import { ReportSourceKey } from '../database/RustBuildCacheStore';
import { normalizeEntityRef } from '../catalog/entityRefs';
import { PolicyStore } from './PolicyStore';

/**
 * Entities waiting for evaluation in the background, each once however often asked; one
 * drain at a time evaluates them and logs failures.
 */
export class EvaluationQueue {
  private readonly pending = new Set<string>();
  private draining: Promise<void> | undefined;

  constructor(
    private readonly options: {
      store: PolicyStore;
      logger: LoggerService;
      evaluate(entityRef: string): Promise<unknown>;
    },
  ) {}

  request(entityRefs: Iterable<string>): void {
    for (const ref of entityRefs) {
      this.pending.add(normalizeEntityRef(ref));
    }
    this.kick();
  }

  /** Queues the entities linked to a source; never throws. */
  async onSourceChanged(source: ReportSourceKey): Promise<void> {
    try {
      this.request(await this.options.store.listLinkedEntityRefs({ source }));
    } catch (error) {
      this.options.logger.warn(
        `Could not queue the policy evaluation of ${source.repository} (${source.workspacePath}): ${error}`,
      );
    }
  }

  /** Resolves when the queued evaluations are done. */
  async whenIdle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private kick() {
    if (this.draining || this.pending.size === 0) return;
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      this.kick();
    });
  }

  private async drain() {
    while (this.pending.size > 0) {
      const [ref] = this.pending;
      this.pending.delete(ref);
      try {
        await this.options.evaluate(ref);
      } catch (error) {
        this.options.logger.warn(
          `Evaluating the caching policy for ${ref} failed: ${error}`,
        );
      }
    }
  }
}
