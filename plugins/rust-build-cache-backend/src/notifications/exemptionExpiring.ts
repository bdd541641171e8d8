import { BUILT_IN_RULES } from '@rust-build-cache/plugin-rust-build-cache-common';
import { ExemptionStore, StoredExemption } from '../policy';
import { addDays, utcDay } from '../lib/utcDays';
import { buildCacheTabPath, NotificationSender } from './NotificationSender';

/** Days before the UTC day an exemption ends on which its people are told. */
export const EXPIRY_NOTICE_DAYS = [7, 1] as const;

/**
 * Tells the owners of each entity and the exemptions' authors when an active exemption
 * ends in 7 days or in 1 day (by UTC day). One notification per entity and day lists
 * every exemption of it that is due; run it as often as you like (e.g. hourly).
 */
export class ExemptionExpiryNotifier {
  constructor(
    private readonly options: {
      sender: NotificationSender;
      store: Pick<ExemptionStore, 'listExemptions'>;
      now?: () => Date;
    },
  ) {}

  /** Returns how many notifications this call sent. */
  async notifyExpiring(): Promise<number> {
    const { sender, store } = this.options;
    if (!sender.isEnabled('exemptionExpiring')) return 0;
    const now = this.options.now?.() ?? new Date();
    const today = utcDay(now);
    const noticeDays = new Map<string, number>(
      EXPIRY_NOTICE_DAYS.map(days => [addDays(today, days), days]),
    );
    const due = new Map<
      string,
      Array<{ exemption: StoredExemption; days: number }>
    >();
    for (const exemption of await store.listExemptions({
      state: 'active',
      now,
    })) {
      const days = noticeDays.get(utcDay(exemption.expiresAt));
      if (days === undefined) continue;
      const list = due.get(exemption.entityRef) ?? [];
      list.push({ exemption, days });
      due.set(exemption.entityRef, list);
    }
    let sent = 0;
    for (const [entityRef, exemptions] of due) {
      const soonest = Math.min(...exemptions.map(e => e.days));
      const name = entityRef.slice(entityRef.indexOf('/') + 1);
      const sentNow = await sender.send({
        kind: 'exemptionExpiring',
        subject: entityRef,
        recipients: [
          entityRef,
          ...new Set(exemptions.map(({ exemption }) => exemption.author)),
        ],
        severity: soonest === 1 ? 'high' : 'normal',
        title: `${
          exemptions.length === 1 ? 'An exemption' : 'Exemptions'
        } of ${name} end${
          exemptions.length === 1 ? 's' : ''
        } in ${soonest} day${soonest === 1 ? '' : 's'}`,
        description: exemptions
          .map(
            ({ exemption, days }) =>
              `${BUILT_IN_RULES[exemption.ruleId].title} (${
                exemption.ruleId
              }), granted by ${
                exemption.author
              }: ends ${exemption.expiresAt.toISOString()} (in ${days} day${
                days === 1 ? '' : 's'
              }). Reason: ${exemption.reason}`,
          )
          .join(' '),
        link: buildCacheTabPath(entityRef),
      });
      if (sentNow) sent += 1;
    }
    return sent;
  }
}
