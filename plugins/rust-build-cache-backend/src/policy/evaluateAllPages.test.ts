import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { DEFAULT_POLICY } from '@rust-build-cache/plugin-rust-build-cache-common';
import { annotatedComponent } from '../__testUtils__/entities';
import { PolicyEvaluator } from './PolicyEvaluator';
import { EVALUATION_BATCH_SIZE } from './policyTargets';
import type {
  ExemptionStore,
  PolicyInputs,
  PolicyResultStore,
  StoredPolicyResult,
} from './PolicyStore';

/** A promise settled from outside, to control the order of events. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>(res => {
    resolve = res;
  });
  return { promise, resolve };
}

const tick = () => new Promise(resolve => setImmediate(resolve));

const component = (i: number): Entity =>
  annotatedComponent({
    name: `service-${i}`,
    workspace: `services/s${i}`,
    projectSlug: 'acme/platform',
  });

/**
 * A full evaluation over a catalog whose second page is late: the evaluator's stores are
 * stand-ins that record what is read and written (the stores themselves are tested on
 * both databases elsewhere).
 */
function evaluatorWithLatePage(pages: Entity[][]) {
  const events: string[] = [];
  const secondPage = deferred();
  const catalog = {
    async *streamEntities() {
      events.push('page 1');
      yield pages[0];
      events.push('page 2 asked');
      await secondPage.promise;
      events.push('page 2');
      yield pages[1];
    },
  } as unknown as CatalogService;
  const saved: StoredPolicyResult[] = [];
  const inputs: Pick<
    PolicyInputs,
    'listRecentReports' | 'getRepositoryFacts' | 'deleteOutdatedWindows'
  > = {
    async listRecentReports({ sources }) {
      events.push(`read ${sources.length}`);
      return new Map();
    },
    async getRepositoryFacts() {
      return new Map();
    },
    deleteOutdatedWindows: async () => 0,
  };
  const results: Partial<PolicyResultStore> = {
    async saveEvaluations(options) {
      events.push(`write ${options.results.length}`);
      saved.push(...options.results);
    },
    listResultEntityRefs: async () => [],
    recordFullEvaluation: async () => {
      events.push('recorded');
    },
    deleteDailySnapshotsBefore: async () => 0,
  };
  const exemptions: Pick<ExemptionStore, 'listExemptions'> = {
    listExemptions: async () => [],
  };
  const evaluator = new PolicyEvaluator({
    policy: DEFAULT_POLICY,
    inputs: inputs as PolicyInputs,
    results: results as PolicyResultStore,
    exemptions,
    catalog,
    auth: mockServices.auth(),
    now: () => new Date('2026-12-07T20:00:00.000Z'),
  });
  return { evaluator, events, saved, secondPage };
}

describe('PolicyEvaluator.evaluateAll over the catalog pages', () => {
  it("evaluates and writes the first page's batches while the next page is coming", async () => {
    const first = Array.from({ length: EVALUATION_BATCH_SIZE + 10 }, (_, i) =>
      component(i),
    );
    // The last entity of the first page is listed again on the second.
    const second = [first[first.length - 1], component(1000)];
    const { evaluator, events, saved, secondPage } = evaluatorWithLatePage([
      first,
      second,
    ]);
    const done = evaluator.evaluateAll();
    for (let i = 0; i < 10; i++) await tick();
    // The second page was asked for before the first batch was evaluated, and the first
    // batch was read and written without waiting for it.
    expect(events).toEqual([
      'page 1',
      'page 2 asked',
      `read ${EVALUATION_BATCH_SIZE}`,
      `write ${EVALUATION_BATCH_SIZE}`,
    ]);
    secondPage.resolve();
    await expect(done).resolves.toEqual({
      evaluated: EVALUATION_BATCH_SIZE + 11,
      removed: 0,
    });
    expect(events.slice(4)).toEqual([
      'page 2',
      'read 11',
      'write 11',
      'recorded',
    ]);
    // Every entity once, the one listed on both pages included.
    const refs = saved.map(r => r.entityRef);
    expect(new Set(refs).size).toBe(refs.length);
    expect(refs).toContain('component:default/service-1000');
    expect(refs).toContain(
      `component:default/service-${EVALUATION_BATCH_SIZE + 9}`,
    );
  });
});
