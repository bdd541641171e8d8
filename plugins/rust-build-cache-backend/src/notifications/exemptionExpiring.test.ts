import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { Knex } from 'knex';
import request from 'supertest';
import { startPluginBackend } from '../__testUtils__/pluginBackend';
import {
  createTestStores,
  type TestStores,
  createTestDatabases,
} from '../__testUtils__/testDatabases';
import { addDays, utcDay } from '../lib/utcDays';
import { rustEntity } from '../prewarm/__testUtils__/prewarmTestKit';
import { ExemptionExpiryNotifier } from './exemptionExpiring';
import { EXEMPTION_EXPIRY_TASK_ID } from '.';
import {
  RecordingNotificationService,
  recordingSender,
} from './__testUtils__/recordingNotifications';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'exemption expiry notices (%s)',
  databaseId => {
    let knex: Knex;
    let store: TestStores;
    let now: Date;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      store = await createTestStores(knex);
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
      await store.exemptions.createExemption({
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
        store: store.exemptions,
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
      await store.exemptions.revokeExemption({
        id: `6f0a1c2e-8b1d-4c55-9a43-${String(nextId - 1).padStart(12, '0')}`,
        actor: 'user:default/dan',
        at: now,
        reason: null,
      });
      const { sender, service } = recordingSender(knex, { now: () => now });
      const notifier = new ExemptionExpiryNotifier({
        sender,
        store: store.exemptions,
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

describe('the exemption expiry task in the plugin', () => {
  it('is scheduled when enabled and tells the owners and the author of an exemption that ends in 7 days', async () => {
    const knex = await databases.init('SQLITE_3');
    const recording = new RecordingNotificationService();
    const { backend, server, scheduler } = await startPluginBackend({
      knex,
      config: {
        rustBuildCache: {
          notifications: { exemptionExpiring: { enabled: true } },
        },
      },
      entities: [rustEntity('billing', { owner: 'payments' })],
      features: [
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => recording,
        }),
      ],
    });
    try {
      // Noon of the UTC day a week from today, whatever the time now.
      const expiresAt = new Date(`${addDays(utcDay(new Date()), 7)}T12:00:00Z`);
      await request(server)
        .post('/api/rust-build-cache/exemptions')
        .set('Authorization', mockCredentials.user.header('user:default/carol'))
        .send({
          entityRef: 'component:default/billing',
          ruleId: 'cargo-incremental-off',
          reason: 'migrating the CI images',
          expiresAt: expiresAt.toISOString(),
        })
        .expect(201);
      expect(await scheduler.getScheduledTasks()).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            id: EXEMPTION_EXPIRY_TASK_ID,
            scope: 'global',
          }),
        ]),
      );
      await scheduler.triggerTask(EXEMPTION_EXPIRY_TASK_ID);
      expect(recording.sent).toEqual([
        expect.objectContaining({
          recipients: {
            type: 'entity',
            entityRef: ['component:default/billing', 'user:default/carol'],
          },
        }),
      ]);
    } finally {
      await backend.stop();
      await knex.destroy();
    }
  });
});
