import {
  AuditorServiceCreateEventOptions,
  AuditorServiceEvent,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';

/** An audit event as the plugin created it, and how it ended. */
export type RecordedEvent = {
  eventId: string;
  severityLevel?: string;
  meta?: unknown;
  outcome: 'pending' | 'success' | 'fail';
  successMeta?: unknown;
  error?: string;
};

/**
 * An auditor that keeps every event and how it ended: add `auditor.factory` to the
 * backend's features, then read `events`.
 */
export function recordingAuditor() {
  const events: RecordedEvent[] = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async (
      options: AuditorServiceCreateEventOptions,
    ): Promise<AuditorServiceEvent> => {
      const event: RecordedEvent = {
        eventId: options.eventId,
        severityLevel: options.severityLevel,
        meta: options.meta,
        outcome: 'pending',
      };
      events.push(event);
      return {
        async success(result) {
          event.outcome = 'success';
          event.successMeta = result?.meta;
        },
        async fail({ error }) {
          event.outcome = 'fail';
          event.error = `${error.name}: ${error.message}`;
        },
      };
    },
  });
  return { auditor, events };
}
