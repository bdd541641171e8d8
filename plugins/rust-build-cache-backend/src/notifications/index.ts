import {
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { PolicyConfig } from '@rust-build-cache/plugin-rust-build-cache-common';
import { Knex } from 'knex';
import { EntityLinkStore } from '../catalog';
import { ExemptionStore, PolicyResultStore } from '../policy';
import { PrewarmRunStore, PrewarmScheduleStore } from '../prewarm';
import { ReportStore } from '../reports';
import { ExemptionExpiryNotifier } from './exemptionExpiring';
import {
  HitRateRegressionNotifier,
  StoredReportRef,
} from './hitRateRegression';
import { NotificationSender } from './NotificationSender';
import {
  NOTIFICATION_KINDS,
  readNotificationsConfig,
} from './notificationsConfig';
import { notifyOnPolicyLevelLost } from './policyLevelLost';
import { notifyOnPrewarmFailed } from './prewarmFailed';

export const EXEMPTION_EXPIRY_TASK_ID =
  'rust-build-cache-exemption-expiry-notices';

/**
 * Notifications through the notifications backend, wired: reads
 * `rustBuildCache.notifications` (every kind off unless enabled) and returns the hooks
 * the other features call (table `notifications_sent`).
 */
export async function createNotificationsFeature(options: {
  config: RootConfigService;
  /** Migrated by `migrateDatabase`. */
  db: Knex;
  notifications: NotificationService;
  scheduler: SchedulerService;
  logger: LoggerService;
}) {
  const { config, db, notifications, scheduler } = options;
  const logger = options.logger.child({ feature: 'notifications' });
  const settings = readNotificationsConfig(config);
  const sender = new NotificationSender({
    db,
    notifications,
    config: settings,
    logger,
  });
  const enabled = NOTIFICATION_KINDS.filter(kind => settings[kind].enabled);
  logger.info(
    `Build-cache notifications: ${enabled.join(', ') || 'none enabled'}`,
  );

  return {
    /**
     * The regression check: `onReportsStored` for the reports feature's listener,
     * `onEntitiesLinked` (in the background, a failure logged) for entities that got a
     * link after their reports were stored.
     */
    hitRateRegression(deps: {
      reports: Pick<ReportStore, 'listRuns'>;
      entityLinks: Pick<EntityLinkStore, 'getEntityLink'>;
      policy: PolicyConfig;
    }): {
      onReportStored(stored: StoredReportRef): Promise<void>;
      /** The reports of one stored batch: one read of recent runs per source. */
      onReportsStored(stored: StoredReportRef[]): Promise<void>;
      onEntitiesLinked(entityRefs: string[]): void;
    } {
      const rule = deps.policy.rules.find(r => r.id === 'effective-hit-rate');
      if (settings.hitRateRegression.enabled && !rule) {
        logger.warn(
          'rustBuildCache.notifications.hitRateRegression is enabled, but the policy has no effective-hit-rate rule: no threshold to regress below',
        );
      }
      const notifier = new HitRateRegressionNotifier({
        sender,
        reports: deps.reports,
        entityLinks: deps.entityLinks,
        threshold:
          rule?.id === 'effective-hit-rate' ? rule.params.threshold : null,
        runs: settings.hitRateRegression.runs,
      });
      return {
        onReportStored: stored => notifier.onReportStored(stored),
        onReportsStored: stored => notifier.onReportsStored(stored),
        onEntitiesLinked: refs => {
          notifier
            .onEntitiesLinked(refs)
            .catch(error =>
              options.logger.warn(
                `Could not check newly linked entities for a hit-rate regression: ${error}`,
              ),
            );
        },
      };
    },
    /** Wraps the policy results store: a saved result that lost a level notifies. */
    decoratePolicyResults(
      store: PolicyResultStore,
      policy: PolicyConfig,
    ): PolicyResultStore {
      return notifyOnPolicyLevelLost(store, { sender, policy });
    },
    /** Wraps the pre-warm run store: a scheduled run that failed notifies. */
    decoratePrewarmRuns(
      runs: PrewarmRunStore,
      schedules: PrewarmScheduleStore,
    ): PrewarmRunStore {
      return notifyOnPrewarmFailed(runs, {
        schedules,
        sender,
        recipient: settings.prewarmFailed.recipient,
      });
    },
    /** The hourly look for exemptions that end in 7 days or 1 day. */
    async scheduleTasks(deps: {
      exemptions: Pick<ExemptionStore, 'listExemptions'>;
    }): Promise<void> {
      if (!settings.exemptionExpiring.enabled) return;
      const notifier = new ExemptionExpiryNotifier({
        sender,
        store: deps.exemptions,
      });
      await scheduler.scheduleTask({
        id: EXEMPTION_EXPIRY_TASK_ID,
        frequency: { hours: 1 },
        timeout: { minutes: 10 },
        initialDelay: { minutes: 1 },
        scope: 'global',
        fn: async () => {
          const sent = await notifier.notifyExpiring();
          if (sent > 0) logger.info(`Sent ${sent} exemption expiry notices`);
        },
      });
    },
  };
}
