import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  BuildCacheReport,
  compareReports,
  RunComparison,
  RunDetail,
  RunPage,
  RunSummary,
  TimeSeries,
  UnmatchedSource,
} from '@rust-build-cache/plugin-rust-build-cache-common';
import { ReportStore, StoredRunDetail } from './ReportStore';
import { addDays, utcDay } from '../lib/utcDays';
import { EntityLinkService, toEntityRef } from '../catalog';
import { toDailyPoint } from './dailyPoints';
import { decodeRunCursor, encodeRunCursor } from './runCursor';

type RunKind = BuildCacheReport['kind'];

interface EntityQuery {
  entity: CompoundEntityRef;
  /** The caller's, for the catalog lookup of entities not linked yet. */
  credentials: BackstageCredentials;
}

/** How stale the entity links may be when they would leave sources unmatched. */
const UNMATCHED_LINKS_MAX_AGE_MS = 10_000;

/** Read side of the API: runs by entity and by id, time series, comparisons. */
export class RunQueryService {
  constructor(
    private readonly options: {
      store: ReportStore;
      entityLinks: EntityLinkService;
    },
  ) {}

  async getLatestRun(
    query: EntityQuery & { kind?: RunKind },
  ): Promise<RunDetail | null> {
    const { store, entityLinks } = this.options;
    const entityRef = toEntityRef(query.entity);
    // The link read in the run's statement; the catalog only for an entity not linked yet.
    let latest = await store.getLatestLinkedRun({
      entityRef,
      kind: query.kind,
    });
    if (!latest) {
      const source = await entityLinks.resolveSource(query);
      latest = {
        run: source && (await store.getLatestRun({ source, kind: query.kind })),
      };
    }
    return latest.run ? { ...latest.run, entityRef } : null;
  }

  /** One point per UTC day with CI runs, over the last `days` days including today. */
  async getTimeSeries(
    query: EntityQuery & { days: number; now?: Date },
  ): Promise<TimeSeries> {
    const { store, entityLinks } = this.options;
    const to = utcDay(query.now ?? new Date());
    const from = addDays(to, 1 - query.days);
    const entityRef = toEntityRef(query.entity);
    const range = { fromDay: from, toDay: to };
    // The link read in the rollups' statements; the catalog only for an unlinked entity.
    let rollups = await store.getLinkedDailyRollups({ entityRef, ...range });
    if (!rollups) {
      const source = await entityLinks.resolveSource(query);
      rollups = source ? await store.getDailyRollups({ source, ...range }) : [];
    }
    return {
      entityRef,
      from,
      to,
      points: rollups.map(toDailyPoint),
    };
  }

  /**
   * One page of runs, newest first: after skipping `offset` runs from the newest, or from
   * the run a `cursor` (a previous page's `nextCursor`) points after. Cursor pages cost the
   * same however deep they are.
   */
  async listRuns(
    query: EntityQuery & {
      kind?: RunKind;
      limit: number;
      offset: number;
      cursor?: string;
    },
  ): Promise<RunPage> {
    const { store, entityLinks } = this.options;
    const { limit, kind } = query;
    const after =
      query.cursor === undefined ? undefined : decodeRunCursor(query.cursor);
    const entityRef = toEntityRef(query.entity);
    const pageOptions = { kind, limit, offset: query.offset, after };
    // Linked entities (all but those registered since the last refresh): the link is read
    // in the page's statements, one round trip instead of two.
    let page = await store.listLinkedRuns({ entityRef, ...pageOptions });
    if (!page) {
      const source = await entityLinks.resolveSource(query);
      if (!source) {
        return { items: [], total: 0, limit, offset: query.offset };
      }
      page = await store.listRuns({ source, ...pageOptions });
    }
    const last = page.items[page.items.length - 1];
    return {
      items: page.items.map(run => ({ ...run, entityRef })),
      total: page.total,
      limit,
      offset: page.offset,
      ...(last && page.offset + page.items.length < page.total
        ? {
            nextCursor: encodeRunCursor({
              finishedAt: last.finishedAt,
              id: last.id,
              position: page.offset + page.items.length,
            }),
          }
        : {}),
    };
  }

  async getRun(options: { id: string }): Promise<RunDetail> {
    const run = await this.options.store.getRun(options);
    if (!run) {
      throw new NotFoundError(`Run ${options.id} not found`);
    }
    return this.withLinkedEntityRef(run);
  }

  async compareRuns(options: {
    baseId: string;
    headId: string;
  }): Promise<RunComparison> {
    const [base, head] = await Promise.all([
      this.getRun({ id: options.baseId }),
      this.getRun({ id: options.headId }),
    ]);
    return {
      base: toSummary(base),
      head: toSummary(head),
      differences: compareReports(base.report, head.report),
    };
  }

  async listUnmatchedSources(): Promise<{ items: UnmatchedSource[] }> {
    const { store, entityLinks } = this.options;
    const items = await store.listUnmatchedSources();
    // Links are refreshed on a schedule: an entity registered since then (or, right after
    // start, before the catalog had read its locations) would show here as unmatched.
    if (
      items.length > 0 &&
      (await entityLinks.refreshLinksIfOlderThan(UNMATCHED_LINKS_MAX_AGE_MS))
    ) {
      return { items: await store.listUnmatchedSources() };
    }
    return { items };
  }

  private async withLinkedEntityRef(run: StoredRunDetail): Promise<RunDetail> {
    const entityRef = await this.options.entityLinks.getLinkedEntityRef({
      repository: run.repository,
      workspacePath: run.workspacePath,
    });
    return { ...run, entityRef: entityRef ?? null };
  }
}

function toSummary({ report: _report, ...summary }: RunDetail): RunSummary {
  return summary;
}
