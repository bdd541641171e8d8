import { Knex } from 'knex';
import {
  createMigratedStore,
  createTestDatabases,
} from '../__testUtils__/testDatabases';
import { DatabasePolicyStore } from '../policy/DatabasePolicyStore';
import { ExemptionExpiryNotifier } from './exemptionExpiring';
import { recordingSender } from './__testUtils__/recordingNotifications';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'exemption expiry notices (%s)',
  databaseId => {
    let knex: Knex;
    let store: DatabasePolicyStore;
    let now: Date;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      await createMigratedStore(knex);
      store = new DatabasePolicyStore(knex);
      now = new Date('2026-12-06T08:00:00Z');
    });

    afterEach(async () => {
      await knex.destroy();
    });

    let nextId = 1;
    async function exempt(
      entityRef: string,
      expiresAt: string,
      author: string,
    ) {
      await store.createExemption({
        exemption: {
          id: `6f0a1c2e-8b1d-4c55-9a43-${String(nextId++).padStart(12, '0')}`,
          entityRef,
          ruleId: 'cargo-incremental-off',
          reason: 'migrating the CI images',
          author,
          createdAt: new Date('2026-11-01T12:00:00Z'),
          expiresAt: new Date(expiresAt),
        },
      });
    }

    it('tells the owners and the author 7 days and 1 day before the end, once a day', async () => {
      const billing = 'component:default/billing';
      await exempt(billing, '2026-12-13T17:00:00Z', 'user:default/carol');
      // Neither 7 nor 1 day ahead: no notice.
      await exempt(
        'component:default/ledger',
        '2026-12-10T17:00:00Z',
        'user:default/dan',
      );
      const { sender, service } = recordingSender(knex, { now: () => now });
      const notifier = new ExemptionExpiryNotifier({
        sender,
        store,
        now: () => now,
      });

      expect(await notifier.notifyExpiring()).toBe(1);
      expect(service.sent).toEqual([
        {
          recipients: {
            type: 'entity',
            entityRef: [billing, 'user:default/carol'],
          },
          payload: {
            title: 'An exemption of billing ends in 7 days',
            description:
              'Incremental compilation off in CI (cargo-incremental-off), granted by user:default/carol: ends 2026-12-13T17:00:00.000Z (in 7 days). Reason: migrating the CI images',
            link: '/catalog/default/component/billing/build-cache',
            severity: 'normal',
            topic: 'Build cache: exemption expiring',
          },
        },
      ]);
      // The hourly task runs again the same day: nothing new.
      now = new Date('2026-12-06T20:00:00Z');
      expect(await notifier.notifyExpiring()).toBe(0);
      // The next days are quiet until the day before the end.
      now = new Date('2026-12-07T08:00:00Z');
      expect(await notifier.notifyExpiring()).toBe(0);
      now = new Date('2026-12-12T09:00:00Z');
      expect(await notifier.notifyExpiring()).toBe(1);
      expect(service.sent[1].payload).toMatchObject({
        title: 'An exemption of billing ends in 1 day',
        severity: 'high',
      });
    });

    it('lists every due exemption of an entity in one notice, and skips revoked ones', async () => {
      const billing = 'component:default/billing';
      await exempt(billing, '2026-12-13T01:00:00Z', 'user:default/carol');
      await exempt(billing, '2026-12-07T23:00:00Z', 'user:default/erin');
      await exempt(
        'component:default/ledger',
        '2026-12-13T02:00:00Z',
        'user:default/dan',
      );
      await store.revokeExemption({
        id: `6f0a1c2e-8b1d-4c55-9a43-${String(nextId - 1).padStart(12, '0')}`,
        actor: 'user:default/dan',
        at: now,
        reason: null,
      });
      const { sender, service } = recordingSender(knex, { now: () => now });
      const notifier = new ExemptionExpiryNotifier({
        sender,
        store,
        now: () => now,
      });

      expect(await notifier.notifyExpiring()).toBe(1);
      const { recipients } = service.sent[0];
      expect(
        recipients.type === 'entity' && [recipients.entityRef].flat().sort(),
      ).toEqual([billing, 'user:default/carol', 'user:default/erin']);
      expect(service.sent[0].payload).toMatchObject({
        title: 'Exemptions of billing end in 1 day',
        severity: 'high',
      });
    });
  },
);
