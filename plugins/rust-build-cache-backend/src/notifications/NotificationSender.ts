import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { NotificationSeverity } from '@backstage/plugin-notifications-common';
import { Knex } from 'knex';
import { utcDay } from '../lib/utcDays';
import {
  NOTIFICATION_TOPICS,
  NotificationKind,
  NotificationsConfig,
} from './notificationsConfig';

/** One notification of this plugin, before deduplication. */
export interface BuildCacheNotification {
  kind: NotificationKind;
  /** What the notification is about, for deduplication: an entity ref or a schedule. */
  subject: string;
  /** Entity refs: users, groups (their members) or other entities (their owners). */
  recipients: string[];
  title: string;
  description: string;
  /** A path in the Backstage app, e.g. `/catalog/default/component/billing/build-cache`. */
  link: string;
  severity: NotificationSeverity;
}

/**
 * Sends notifications through the notifications backend, at most one per subject, topic
 * and UTC day across all replicas: the row in `notifications_sent` is inserted first, and
 * only the replica whose insert succeeded sends.
 */
export class NotificationSender {
  constructor(
    private readonly options: {
      db: Knex;
      notifications: NotificationService;
      config: NotificationsConfig;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  isEnabled(kind: NotificationKind): boolean {
    return this.options.config[kind].enabled;
  }

  /** True when this call sent it; false when disabled or already sent today. */
  async send(notification: BuildCacheNotification): Promise<boolean> {
    const { db, notifications, logger } = this.options;
    if (!this.isEnabled(notification.kind)) return false;
    const topic = NOTIFICATION_TOPICS[notification.kind];
    const now = this.options.now?.() ?? new Date();
    const key = { subject: notification.subject, topic, day: utcDay(now) };
    const claimed = await db('notifications_sent')
      .insert({ ...key, sent_at: now })
      .onConflict(['subject', 'topic', 'day'])
      .ignore()
      .returning('subject');
    if (claimed.length === 0) return false;
    try {
      await notifications.send({
        recipients: { type: 'entity', entityRef: notification.recipients },
        payload: {
          title: notification.title,
          description: notification.description,
          link: notification.link,
          severity: notification.severity,
          topic,
        },
      });
      return true;
    } catch (error) {
      // Not sent: give the claim back so that the next trigger today may try again.
      await db('notifications_sent').where(key).delete();
      logger.warn(
        `Could not send the '${topic}' notification about ${notification.subject}: ${error}`,
      );
      return false;
    }
  }
}

/** The entity page's build-cache tab of a (lower-case) entity ref. */
export function buildCacheTabPath(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind,
  )}/${encodeURIComponent(name)}/build-cache`;
}
