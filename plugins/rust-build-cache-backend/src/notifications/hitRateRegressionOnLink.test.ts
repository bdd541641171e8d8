import knexFactory, { Knex } from 'knex';
import { StoredRun } from '../reports/ReportStore';
import {
  createTestStores,
} from '../__testUtils__/testDatabases';
import { HitRateRegressionNotifier } from './hitRateRegression';
import {
  onlyEnabled,
  recordingSender,
} from './__testUtils__/recordingNotifications';

// Reports stored before their entity was linked (a new entity, or the demo seeding its
// history before the catalog was read) are checked when the link appears.

const ENTITY = 'component:default/rate-limiter';
const SOURCE = {
  repository: 'github.com/acme/platform',
  workspacePath: 'services/limiter',
};
const NOW = new Date('2026-12-06T12:00:00Z');

/** CI runs newest first, one a day back from `newestAt`, with Rust hits out of 10. */
function runs(newestAt: string, ...hitsNewestFirst: number[]): StoredRun[] {
  return hitsNewestFirst.map((hits, index) => ({
    id: `id-${index}`,
    kind: 'ci',
    runId: `r${hitsNewestFirst.length - index}`,
    job: 'build',
    branch: 'main',
    commit: null,
    finishedAt: new Date(
      Date.parse(newestAt) - index * 24 * 60 * 60 * 1000,
    ).toISOString(),
    metrics: {
      hits,
      misses: 10 - hits,
      avoidableNotCached: 0,
      effectiveHitRate: hits / 10,
    },
  })) as unknown as StoredRun[];
}

describe('hit-rate regressions of newly linked entities', () => {
  let knex: Knex;

  beforeEach(async () => {
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    await createTestStores(knex);
  });

  afterEach(async () => {
    await knex.destroy();
  });

  function notifier(stored: StoredRun[], linked = true) {
    const { sender, service } = recordingSender(knex, {
      config: onlyEnabled('hitRateRegression'),
      now: () => NOW,
    });
    const reports = {
      listRuns: async (options: { limit: number; offset: number }) => ({
        items: stored.slice(options.offset, options.offset + options.limit),
        total: stored.length,
      }),
    };
    const entityLinks = {
      getEntityLink: async ({ entityRef }: { entityRef: string }) =>
        linked && entityRef === ENTITY
          ? { entityRef, source: SOURCE }
          : undefined,
    };
    const instance = new HitRateRegressionNotifier({
      sender,
      reports: reports as any,
      entityLinks,
      threshold: 0.8,
      runs: 3,
      now: () => NOW,
    });
    return { instance, service };
  }

  it('notifies a regression of reports stored before the link, once', async () => {
    const history = runs('2026-12-05T18:00:00Z', 4, 5, 2, 9, 10, 10);
    const { instance, service } = notifier(history, false);
    // Stored while unlinked: nobody to tell yet.
    await instance.onReportStored({
      id: 'id-0',
      source: SOURCE,
      entityRef: null,
    });
    expect(service.sent).toHaveLength(0);

    const linked = notifier(history);
    await linked.instance.onEntitiesLinked([ENTITY, 'component:default/other']);
    await linked.instance.onEntitiesLinked([ENTITY]);
    expect(linked.service.sent).toHaveLength(1);
    expect(linked.service.sent[0]).toMatchObject({
      recipients: { type: 'entity', entityRef: [ENTITY] },
      payload: {
        title: 'Build cache hit rate of rate-limiter fell below 80%',
        link: `/catalog/default/component/rate-limiter/build-cache?compareBase=id-3&compareHead=id-2`,
      },
    });
  });

  it('notifies a recent regression that later runs recovered from, as it would have been when stored', async () => {
    // Newest first: two good runs after the bad one (the demo's RUSTFLAGS change
    // yesterday, warm again since). The newest window is fine, but the window that the run
    // of yesterday completed was not.
    const history = runs('2026-12-06T11:00:00Z', 9, 9, 2, 9, 9, 9, 9, 9);
    const { instance, service } = notifier(history);
    await instance.onEntitiesLinked([ENTITY]);
    expect(service.sent).toHaveLength(1);
    expect(service.sent[0].payload.link).toBe(
      `/catalog/default/component/rate-limiter/build-cache?compareBase=id-3&compareHead=id-2`,
    );
  });

  it('reads the runs page by page back to the window before the oldest recent run', async () => {
    // 250 good runs 10 minutes apart, newest at NOW: all within two days, so every page is
    // read; the bad run is the oldest recent one, with 2N good runs behind it.
    const good = Array.from({ length: 250 }, () => 9);
    const history = runs('2026-12-06T12:00:00Z', ...good).map((run, index) => ({
      ...run,
      finishedAt: new Date(NOW.getTime() - index * 10 * 60_000).toISOString(),
    }));
    const { instance, service } = notifier([
      ...history,
      ...runs('2026-12-03T00:00:00Z', 9, 9, 9, 9, 9, 9),
    ]);
    await instance.onEntitiesLinked([ENTITY]);
    expect(service.sent).toHaveLength(0);

    const withBadRun = history.map((run, index) =>
      index === 249
        ? {
            ...run,
            metrics: {
              ...run.metrics!,
              hits: 0,
              misses: 10,
              effectiveHitRate: 0,
            },
          }
        : run,
    );
    const older = runs('2026-12-03T00:00:00Z', 9, 9, 9, 9, 9, 9).map(
      (run, index) => ({ ...run, id: `older-${index}` }),
    );
    const bad = notifier([...withBadRun, ...older]);
    await bad.instance.onEntitiesLinked([ENTITY]);
    expect(bad.service.sent).toHaveLength(1);
    expect(bad.service.sent[0].payload.link).toContain(
      'compareBase=older-0&compareHead=id-249',
    );
  });

  it('stays quiet about old history and about entities without a regression', async () => {
    const old = notifier(runs('2026-11-20T18:00:00Z', 4, 5, 2, 9, 10, 10));
    await old.instance.onEntitiesLinked([ENTITY]);
    expect(old.service.sent).toHaveLength(0);

    const healthy = notifier(runs('2026-12-06T08:00:00Z', 9, 9, 9, 9, 9, 9));
    await healthy.instance.onEntitiesLinked([ENTITY]);
    expect(healthy.service.sent).toHaveLength(0);
  });
});
