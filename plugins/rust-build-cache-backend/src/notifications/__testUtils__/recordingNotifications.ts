import { mockServices } from '@backstage/backend-test-utils';
import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import { Knex } from 'knex';
import { NotificationSender } from '../NotificationSender';
import {
  NOTIFICATION_KINDS,
  NotificationsConfig,
} from '../notificationsConfig';

/** A notification service that keeps what it was asked to send. */
export class RecordingNotificationService implements NotificationService {
  readonly sent: NotificationSendOptions[] = [];
  failNext = false;

  async send(options: NotificationSendOptions): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('notifications backend unavailable');
    }
    this.sent.push(options);
  }
}

/** Every kind on, defaults otherwise. */
export const ALL_ENABLED: NotificationsConfig = {
  hitRateRegression: { enabled: true, runs: 3 },
  policyLevelLost: { enabled: true },
  exemptionExpiring: { enabled: true },
  prewarmFailed: { enabled: true, recipient: null },
};

export function recordingSender(
  knex: Knex,
  options: {
    config?: NotificationsConfig;
    now?: () => Date;
    service?: RecordingNotificationService;
  } = {},
) {
  const service = options.service ?? new RecordingNotificationService();
  const sender = new NotificationSender({
    db: knex,
    notifications: service,
    config: options.config ?? ALL_ENABLED,
    logger: mockServices.logger.mock(),
    now: options.now,
  });
  return { sender, service };
}

export const onlyEnabled = (
  kind: (typeof NOTIFICATION_KINDS)[number],
): NotificationsConfig =>
  Object.fromEntries(
    Object.entries(ALL_ENABLED).map(([k, v]) => [
      k,
      { ...v, enabled: k === kind },
    ]),
  ) as unknown as NotificationsConfig;
