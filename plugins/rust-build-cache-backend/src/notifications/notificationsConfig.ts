import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { normalizeEntityRef } from '../catalog';

/** The four kinds of notification; each has its own topic, so users can mute one kind. */
export const NOTIFICATION_KINDS = [
  'hitRateRegression',
  'policyLevelLost',
  'exemptionExpiring',
  'prewarmFailed',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The topic of each kind, as the notifications settings list it. */
export const NOTIFICATION_TOPICS: Record<NotificationKind, string> = {
  hitRateRegression: 'Build cache: hit-rate regression',
  policyLevelLost: 'Build cache: policy level lost',
  exemptionExpiring: 'Build cache: exemption expiring',
  prewarmFailed: 'Build cache: pre-warm failed',
};

/** `rustBuildCache.notifications`, with defaults applied. See config.d.ts. */
export interface NotificationsConfig {
  hitRateRegression: { enabled: boolean; runs: number };
  policyLevelLost: { enabled: boolean };
  exemptionExpiring: { enabled: boolean };
  /** `recipient` null: the schedule's creator. */
  prewarmFailed: { enabled: boolean; recipient: string | null };
}

export const DEFAULT_REGRESSION_RUNS = 3;

/** @throws Error naming the key of a bad value. */
export function readNotificationsConfig(config: Config): NotificationsConfig {
  const root = config.getOptionalConfig('rustBuildCache.notifications');
  const enabled = (kind: NotificationKind) =>
    root?.getOptionalBoolean(`${kind}.enabled`) ?? false;
  const runs =
    root?.getOptionalNumber('hitRateRegression.runs') ??
    DEFAULT_REGRESSION_RUNS;
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(
      `rustBuildCache.notifications.hitRateRegression.runs must be a whole number of at least 1, got ${runs}`,
    );
  }
  const recipient = root?.getOptionalString('prewarmFailed.recipient');
  let recipientRef: string | null = null;
  if (recipient !== undefined) {
    try {
      recipientRef = normalizeEntityRef(
        stringifyEntityRef(
          parseEntityRef(recipient, {
            defaultKind: 'group',
            defaultNamespace: 'default',
          }),
        ),
      );
    } catch (error) {
      throw new Error(
        `rustBuildCache.notifications.prewarmFailed.recipient must be an entity ref such as group:default/platform, got '${recipient}': ${error}`,
      );
    }
  }
  return {
    hitRateRegression: { enabled: enabled('hitRateRegression'), runs },
    policyLevelLost: { enabled: enabled('policyLevelLost') },
    exemptionExpiring: { enabled: enabled('exemptionExpiring') },
    prewarmFailed: {
      enabled: enabled('prewarmFailed'),
      recipient: recipientRef,
    },
  };
}
