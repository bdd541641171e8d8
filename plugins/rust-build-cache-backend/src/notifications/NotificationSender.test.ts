import knexFactory, { Knex } from 'knex';
import {
  createTestStores,
  createTestDatabases,
} from '../__testUtils__/testDatabases';
import { BuildCacheNotification } from './NotificationSender';
import {
  onlyEnabled,
  RecordingNotificationService,
  recordingSender,
} from './__testUtils__/recordingNotifications';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const regression = (subject: string): BuildCacheNotification => ({
  kind: 'hitRateRegression',
  subject,
  recipients: [subject],
  title: 't',
  description: 'd',
  link: '/catalog/default/component/billing/build-cache',
  severity: 'high',
});

describe.each(databases.eachSupportedId())(
  'NotificationSender (%s)',
  databaseId => {
    let knex: Knex;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      await createTestStores(knex);
    });

    afterEach(async () => {
      await knex.destroy();
    });

    it('sends once per subject, topic and UTC day', async () => {
      let now = new Date('2026-12-06T00:10:00Z');
      const { sender, service } = recordingSender(knex, { now: () => now });
      expect(await sender.send(regression('component:default/a'))).toBe(true);
      expect(await sender.send(regression('component:default/a'))).toBe(false);
      expect(await sender.send(regression('component:default/b'))).toBe(true);
      expect(
        await sender.send({
          ...regression('component:default/a'),
          kind: 'policyLevelLost',
        }),
      ).toBe(true);
      now = new Date('2026-12-07T00:00:00Z');
      expect(await sender.send(regression('component:default/a'))).toBe(true);
      expect(service.sent).toHaveLength(4);
    });

    it('gives the claim back when sending fails, so a later try the same day sends', async () => {
      const { sender, service } = recordingSender(knex);
      service.failNext = true;
      expect(await sender.send(regression('component:default/a'))).toBe(false);
      expect(await sender.send(regression('component:default/a'))).toBe(true);
      expect(service.sent).toHaveLength(1);
    });

    it('sends nothing for a kind that is off, and claims nothing', async () => {
      const { sender, service } = recordingSender(knex, {
        config: onlyEnabled('prewarmFailed'),
      });
      expect(await sender.send(regression('component:default/a'))).toBe(false);
      expect(service.sent).toEqual([]);
      expect(
        Number((await knex('notifications_sent').count({ n: '*' }))[0].n),
      ).toBe(0);
    });

    // Replicas share a server: PostgreSQL only (in-memory SQLite is one process's).
    if (databaseId.startsWith('POSTGRES')) {
      it('of two replicas racing on the same notification, exactly one sends', async () => {
        // The second replica: its own connection pool on the same database.
        const other = knexFactory(knex.client.config);
        try {
          const service = new RecordingNotificationService();
          const a = recordingSender(knex, { service }).sender;
          const b = recordingSender(other, { service }).sender;
          const results = await Promise.all(
            Array.from({ length: 10 }, (_, i) =>
              (i % 2 ? a : b).send(regression('component:default/a')),
            ),
          );
          expect(results.filter(Boolean)).toHaveLength(1);
          expect(service.sent).toHaveLength(1);
        } finally {
          await other.destroy();
        }
      });
    }
  },
);
