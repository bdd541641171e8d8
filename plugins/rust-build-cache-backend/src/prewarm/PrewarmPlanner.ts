import { Entity } from '@backstage/catalog-model';
import {
  matchesPrewarmScope,
  planWarmGroups,
  PrewarmScope,
  WarmPlan,
  WarmPlanEntity,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { entitySourceKey, ownerRef, streamAnnotatedEntities, toEntityRef } from '../catalog';
import { PrewarmContext } from './prewarmContext';

/** Which entities a scope covers, grouped into warm groups by their latest CI report. */
export class PrewarmPlanner {
  constructor(private readonly context: PrewarmContext) {}

  async plan(scope: PrewarmScope): Promise<WarmPlan> {
    return planWarmGroups({ entities: await this.entitiesInScope(scope) });
  }

  /** Entity refs of the catalog's annotated entities that any of `scopes` covers. */
  async entityRefsInAny(scopes: PrewarmScope[]): Promise<Set<string>> {
    const refs = new Set<string>();
    if (scopes.length === 0) return refs;
    for (const entity of await this.annotatedEntities()) {
      if (scopes.some(scope => matchesPrewarmScope(entity, scope))) {
        refs.add(entity.entityRef);
      }
    }
    return refs;
  }

  private async annotatedEntities(): Promise<
    Array<WarmPlanEntity & { entity: Entity }>
  > {
    const { catalog, auth } = this.context;
    const credentials = await auth.getOwnServiceCredentials();
    const result: Array<WarmPlanEntity & { entity: Entity }> = [];
    for await (const page of streamAnnotatedEntities(catalog, credentials, [
      'metadata.tags',
      'spec.owner',
    ])) {
      for (const entity of page) {
        result.push({
          entity,
          entityRef: toEntityRef(entity),
          owner: ownerRef(entity) ?? null,
          tags: entity.metadata.tags ?? [],
          latestCiReport: null,
        });
      }
    }
    return result;
  }

  private async entitiesInScope(
    scope: PrewarmScope,
  ): Promise<WarmPlanEntity[]> {
    const entities = (await this.annotatedEntities()).filter(entity =>
      matchesPrewarmScope(entity, scope),
    );
    const result: WarmPlanEntity[] = [];
    for (const { entity, ...planEntity } of entities) {
      const source = entitySourceKey(entity);
      const latest = source
        ? await this.context.reports.getLatestRun({ source, kind: 'ci' })
        : undefined;
      result.push({ ...planEntity, latestCiReport: latest?.report ?? null });
    }
    return result;
  }
}
