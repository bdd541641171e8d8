import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { annotatedComponent } from '../__testUtils__/entities';
import { makeReport } from '../__testUtils__/reports';
import {
  createTestStores,
  createTestDatabases,
} from '../__testUtils__/testDatabases';
import { EntityLinkService } from '../catalog/EntityLinkService';
import { toNewRun } from './ReportIngestionService';
import { RunQueryService } from './RunQueryService';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const billing = { kind: 'component', namespace: 'default', name: 'billing' };
const credentials = mockCredentials.user();

describe.each(databases.eachSupportedId())(
  'run pages by cursor (%s)',
  databaseId => {
    let knex: Knex;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
    });

    afterEach(async () => {
      await knex.destroy();
    });

    it('follow nextCursor through every run, with the same pages and offsets as offset paging', async () => {
      const store = await createTestStores(knex);
      const entityLinks = new EntityLinkService({
        store: store.entityLinks,
        catalog: catalogServiceMock({
          entities: [
            annotatedComponent({
              name: 'billing',
              workspace: 'services/billing',
              projectSlug: 'acme/platform',
            }),
          ],
        }),
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
      });
      await entityLinks.refreshLinks();
      const runs = new RunQueryService({ store: store.reports, entityLinks });
      const t0 = Date.parse('2026-11-20T00:00:00Z');
      const billingRun = (runId: string, finishedAt: number) =>
        toNewRun(
          makeReport({
            repository: { host: 'github.com', owner: 'acme', name: 'platform' },
            workspacePath: 'services/billing',
            runId,
            finishedAt: new Date(finishedAt).toISOString(),
          }),
          new Date(t0 + 3600_000),
        );
      await store.reports.insertRuns({
        // Pairs of runs finish at the same instant.
        runs: Array.from({ length: 12 }, (_, i) =>
          billingRun(`run-${i}`, t0 + Math.floor(i / 2) * 60_000),
        ),
      });

      let cursor: string | undefined;
      const seen: string[] = [];
      for (let page = 0; ; page++) {
        const byCursor = await runs.listRuns({
          entity: billing,
          credentials,
          limit: 5,
          offset: 0,
          cursor,
        });
        const byOffset = await runs.listRuns({
          entity: billing,
          credentials,
          limit: 5,
          offset: page * 5,
        });
        const { nextCursor, ...rest } = byCursor;
        expect(rest).toEqual({ ...byOffset, nextCursor: undefined });
        expect(byCursor.offset).toBe(page * 5);
        seen.push(...byCursor.items.map(r => r.runId));
        if (!nextCursor) break;
        expect(byOffset.nextCursor).toBe(nextCursor);
        cursor = nextCursor;
      }
      expect(seen).toHaveLength(12);
      expect(new Set(seen).size).toBe(12);

      // A cursor made before cursors carried their page's position: the runs before it
      // are counted, and the page is the same.
      const pageAfter = (after: string) =>
        runs.listRuns({
          entity: billing,
          credentials,
          limit: 5,
          offset: 0,
          cursor: after,
        });
      const { nextCursor } = await runs.listRuns({
        entity: billing,
        credentials,
        limit: 5,
        offset: 0,
      });
      const [finishedAt, id] = JSON.parse(
        Buffer.from(nextCursor!, 'base64url').toString(),
      );
      const encode = (value: unknown[]) =>
        Buffer.from(JSON.stringify(value)).toString('base64url');
      const legacyCursor = encode([finishedAt, id]);
      expect(await pageAfter(legacyCursor)).toEqual(
        await pageAfter(nextCursor!),
      );
      // A run that arrives while a user pages: the next page keeps the numbering the
      // user has seen (its runs were older anyway); counting shifts it by one.
      await store.reports.insertRuns({
        runs: [billingRun('run-new', t0 + 3600_000)],
      });
      expect((await pageAfter(nextCursor!)).offset).toBe(5);
      expect((await pageAfter(legacyCursor)).offset).toBe(6);

      for (const invalid of [
        encode([finishedAt, id, -1]),
        encode([finishedAt, id, 2.5]),
        encode([finishedAt, id, '5']),
        'not-a-cursor',
      ]) {
        await expect(pageAfter(invalid)).rejects.toBeInstanceOf(InputError);
      }
    });
  },
);
